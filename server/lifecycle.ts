// The production server's life: whether it is draining (SIGTERM received: readiness fails,
// answers say "Connection: close", new API calls get 503) and what to close when it stops
// (event streams register here). On globalThis: Next's bundle and the server's own modules are
// two instances of this file in one process.
type Lifecycle = { draining: boolean; onDrain: Set<() => void> };

declare global {
  var __rendezvousLifecycle: Lifecycle | undefined;
}

const state = (globalThis.__rendezvousLifecycle ??= { draining: false, onDrain: new Set() });

export function isDraining(): boolean {
  return state.draining;
}

/** Marks the server as stopping and runs the registered closers (once). */
export function startDraining(): void {
  if (state.draining) return;
  state.draining = true;
  for (const close of state.onDrain) {
    try {
      close();
    } catch (err) {
      console.error("[server] closing on drain failed", err);
    }
  }
}

/** Registers something to close when the server starts draining; answers the way to unregister. */
export function onDrain(close: () => void): () => void {
  state.onDrain.add(close);
  return () => state.onDrain.delete(close);
}
