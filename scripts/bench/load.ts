// A small closed-loop load generator: `concurrency` callers, each sending its next request as
// soon as the previous answer is read, over keep-alive connections. Prints nothing; returns
// requests per second and latency percentiles. `runCalls` is the same loop around any async
// call (a domain function in this process, for in-process figures).
import http from "node:http";

export type Request = { path: string; body: unknown; expectStatus?: number };
export type LoadResult = {
  requests: number;
  errors: number;
  /** Unexpected answers by HTTP status (or, in process, by error code). */
  errorStatuses: Record<string, number>;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  /** The server's own CPU time per measured request (ms), when `serverCpuMs` was given. */
  cpuMsPerRequest?: number;
};

/** What one call answered: whether it was the expected answer, and a label to count it by. */
export type CallOutcome = { ok: boolean; label: string };

/**
 * The closed loop: each of `concurrency` callers awaits `call(i)` then starts the next, for
 * `seconds` (after `warmupSeconds` not recorded). `call` answering null: no more work, that
 * caller stops (a run may then end early; `seconds` is the time it really took).
 */
export async function runCalls(options: {
  concurrency: number;
  seconds: number;
  warmupSeconds?: number;
  call: (i: number) => Promise<CallOutcome> | null;
  /** Reads a process's CPU time (ms) around the measured phase: CPU per request. */
  serverCpuMs?: () => number;
  /** Ends the measured phase early, once this answers true (checked before each call). */
  stopWhen?: () => boolean;
}): Promise<LoadResult & { labels: Record<string, number> }> {
  let counter = 0;
  const phase = async (seconds: number, record: boolean, stopWhen: () => boolean = () => false) => {
    const latencies: number[] = [];
    let errors = 0;
    const errorStatuses: Record<string, number> = {};
    const labels: Record<string, number> = {};
    const until = performance.now() + seconds * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        while (performance.now() < until && !stopWhen()) {
          const start = performance.now();
          const pending = options.call(counter++);
          if (!pending) return;
          const { ok, label } = await pending;
          const ms = performance.now() - start;
          if (!record) continue;
          if (!ok) {
            errors++;
            errorStatuses[label] = (errorStatuses[label] ?? 0) + 1;
          }
          labels[label] = (labels[label] ?? 0) + 1;
          latencies.push(ms);
        }
      }),
    );
    return { latencies, errors, errorStatuses, labels, elapsed: (performance.now() - started) / 1000 };
  };

  if (options.warmupSeconds) await phase(options.warmupSeconds, false);
  const cpuBefore = options.serverCpuMs?.();
  const { latencies, errors, errorStatuses, labels, elapsed } = await phase(options.seconds, true, options.stopWhen);
  const cpuMs = cpuBefore === undefined ? undefined : options.serverCpuMs!() - cpuBefore;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    errorStatuses,
    labels,
    seconds: elapsed,
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    ...(cpuMs === undefined ? {} : { cpuMsPerRequest: cpuMs / latencies.length }),
  };
}

/** The p-th percentile of sorted values (NaN when empty). */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** An HTTP client for one server: POSTs a JSON body on a keep-alive connection; answers the status and body. */
export function httpClient(baseUrl: string, concurrency: number) {
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const send = (req: Request, readBody = false) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const payload = Buffer.from(JSON.stringify(req.body));
      const r = http.request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          method: "POST",
          path: req.path,
          headers: { "content-type": "application/json", "content-length": payload.length },
        },
        (res) => {
          const chunks: Buffer[] = [];
          if (readBody) res.on("data", (c: Buffer) => chunks.push(c));
          else res.resume();
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        },
      );
      r.on("error", reject);
      r.end(payload);
    });
  return { send, close: () => agent.destroy() };
}

export async function runLoad(options: {
  baseUrl: string;
  concurrency: number;
  seconds: number;
  /** The i-th request of the run (shared counter across callers). */
  next: (i: number) => Request;
  warmupSeconds?: number;
  /**
   * The server process's CPU time so far (ms): read around the measured phase, it gives the
   * CPU each request cost the server, which other work on the machine disturbs less than req/s.
   */
  serverCpuMs?: () => number;
  /** Ends the measured phase early, once this answers true (checked before each request). */
  stopWhen?: () => boolean;
}): Promise<LoadResult> {
  const client = httpClient(options.baseUrl, options.concurrency);
  try {
    const { labels: _labels, ...result } = await runCalls({
      concurrency: options.concurrency,
      seconds: options.seconds,
      warmupSeconds: options.warmupSeconds,
      serverCpuMs: options.serverCpuMs,
      stopWhen: options.stopWhen,
      call: async (i) => {
        const req = options.next(i);
        const { status } = await client.send(req);
        return { ok: status === (req.expectStatus ?? 200), label: String(status) };
      },
    });
    return result;
  } finally {
    client.close();
  }
}
