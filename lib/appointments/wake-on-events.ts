// How a background worker is woken: by every new appointment event (LISTEN on a server, in
// process on PGlite) and by a poll, for what falls due with time alone or a missed notice.
import "server-only";
import { listen } from "@/db";

/** Calls `tick` on each new event and every `pollMs`; answers the function that stops both. */
export async function wakeOnEvents(label: string, pollMs: number, tick: () => void): Promise<() => Promise<void>> {
  const timer = setInterval(tick, pollMs);
  timer.unref?.();
  const unlisten = await listen("appointment_events", tick, tick).catch((err) => {
    console.error(`[${label}] écoute des événements impossible ; relevé périodique seulement`, err);
    return undefined;
  });
  return async () => {
    clearInterval(timer);
    await unlisten?.().catch(() => {});
  };
}
