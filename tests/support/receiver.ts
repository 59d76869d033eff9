// A webhook receiver for the tests: node:http on 127.0.0.1, recording every request, answering
// what the test scripts (a status, a hang, a redirect, a huge body). Verifies nothing itself:
// tests check signatures with the standardwebhooks package's verifier.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Received = { path: string; headers: Record<string, string>; body: string; at: number };
type Behaviour = (req: Received, res: ServerResponse, nth: number) => void;

export async function startReceiver() {
  const received: Received[] = [];
  const behaviours = new Map<string, Behaviour>();
  const counts = new Map<string, number>();
  const waiters: (() => void)[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const r: Received = {
        path: req.url ?? "/",
        headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])),
        body: Buffer.concat(chunks).toString("utf8"),
        at: Date.now(),
      };
      received.push(r);
      const n = (counts.get(r.path) ?? 0) + 1;
      counts.set(r.path, n);
      const behave = behaviours.get(r.path);
      if (behave) behave(r, res, n);
      else res.writeHead(200, { "content-type": "text/plain" }).end("ok");
      waiters.splice(0).forEach((w) => w());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    received,
    on: (path: string, behave: Behaviour) => behaviours.set(path, behave),
    at: (path: string) => received.filter((r) => r.path === path),
    /** Waits (up to `ms`) until `check` holds, re-checking on each request and every 50 ms. */
    async until(check: () => boolean, ms = 20_000) {
      const end = Date.now() + ms;
      while (!check()) {
        if (Date.now() > end) throw new Error("receiver: condition not met in time");
        await new Promise<void>((r) => {
          waiters.push(r);
          setTimeout(r, 50);
        });
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;
