// App instances (the production server, as `npm start` runs it) and the small waits around them.
import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import net from "node:net";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "../..");

/** `npm start` without npm: the same command, so its pid is the server's. */
export const SERVER_ARGS = ["--import", "tsx", "--import", "./scripts/register.mjs", "server/index.ts"];

/**
 * Starts one instance, its output written straight to `logFile` (so all it printed is there once
 * it has exited). Detached, it outlives this process (npm run cluster exits and leaves it running);
 * attached, tests keep the handle to kill it.
 */
export function startInstance(env: NodeJS.ProcessEnv, port: number, logFile: string, options: { detached?: boolean } = {}): ChildProcess {
  const fd = openSync(logFile, "a");
  const child = spawn(process.execPath, SERVER_ARGS, { cwd: root, env: { ...env, PORT: String(port) }, stdio: ["ignore", fd, fd], detached: options.detached });
  closeSync(fd);
  if (options.detached) child.unref();
  return child;
}

/** Waits until `url` answers 200 (or the process exits, or the time is up). */
export async function waitForOk(url: string, options: { timeoutMs?: number; alive?: () => boolean } = {}): Promise<boolean> {
  const deadline = Date.now() + (options.timeoutMs ?? 90_000);
  while (Date.now() < deadline) {
    if (options.alive && !options.alive()) return false;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

export function isPortFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/** Whether a process with this id runs (signal 0 only asks). */
export function isAlive(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Sends `signal` to one process and waits for it to end; SIGKILL after `timeoutMs`. */
export async function stopPid(pid: number, signal: NodeJS.Signals = "SIGTERM", timeoutMs = 20_000): Promise<void> {
  if (!isAlive(pid)) return;
  process.kill(pid, signal);
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) process.kill(pid, "SIGKILL");
}
