// Starting and stopping the servers the HTTP tests talk to: the global setup's two, and the
// extra instances a test starts to kill.
import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import net from "node:net";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "../../..");

/** What the servers under test run with, on the build in NEXT_DIST_DIR (default .next). */
export function serverEnv(databaseUrl: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next",
    HOSTNAME: "127.0.0.1",
    NODE_ENV: "production",
    AUTH_SECRET: "http-tests-secret-not-for-production-0123456789",
    NEXT_TELEMETRY_DISABLED: "1",
    // Webhooks to the tests' local receivers, retried within a second, a hang given up after 1 s.
    WEBHOOKS_ALLOW_LOOPBACK: "1",
    WEBHOOKS_RETRY_SCHEDULE: "0.1,0.2,0.3",
    WEBHOOKS_TIMEOUT_S: "1",
    WEBHOOKS_POLL_MS: "100",
  };
}

/**
 * The child writes straight to `logFile`: once it has exited, all it printed is there (a pipe
 * copied by this process could still hold the last lines, and end the file before stderr's).
 */
export function start(command: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): ChildProcess {
  const fd = openSync(logFile, "w");
  const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", fd, fd] });
  closeSync(fd);
  (child as ChildProcess & { logFile?: string }).logFile = logFile;
  return child;
}

/** The production server (server/index.ts) on `port`, its output in `logFile`. */
export function startProductionServer(env: NodeJS.ProcessEnv, port: number, logFile: string): ChildProcess {
  return start(process.execPath, ["--import", "tsx", "--import", "./scripts/register.mjs", "server/index.ts"], { ...env, PORT: String(port) }, logFile);
}

export async function waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  const logFile = (child as ChildProcess & { logFile?: string }).logFile;
  throw new Error(`Server at ${baseUrl} did not become healthy (exit code ${child.exitCode}); see ${logFile}`);
}

export function stopChild(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
    }, 5_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}

/** Free TCP ports (HTTP_TEST_PORT_BASE sets where to look: parallel runs stay apart). */
export async function freePorts(count: number, from = Number(process.env.HTTP_TEST_PORT_BASE ?? 3200)): Promise<number[]> {
  const ports: number[] = [];
  for (let port = from; port < from + 100 && ports.length < count; port++) {
    if (await isFree(port)) ports.push(port);
  }
  if (ports.length < count) throw new Error(`No free ports from ${from}`);
  return ports;
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}
