// A small closed-loop load generator: `concurrency` callers, each sending its next request as
// soon as the previous answer is read, over keep-alive connections. Prints nothing; returns
// requests per second and latency percentiles.
import http from "node:http";

export type Request = { path: string; body: unknown; expectStatus?: number };
export type LoadResult = {
  requests: number;
  errors: number;
  /** Unexpected answers by HTTP status. */
  errorStatuses: Record<string, number>;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  /** The server's own CPU time per measured request (ms), when `serverCpuMs` was given. */
  cpuMsPerRequest?: number;
};

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
  const url = new URL(options.baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  let counter = 0;
  const send = (req: Request) =>
    new Promise<{ status: number; ms: number }>((resolve, reject) => {
      const payload = Buffer.from(JSON.stringify(req.body));
      const start = process.hrtime.bigint();
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
          res.resume();
          res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: Number(process.hrtime.bigint() - start) / 1e6 }));
        },
      );
      r.on("error", reject);
      r.end(payload);
    });

  const phase = async (seconds: number, record: boolean, stopWhen: () => boolean = () => false) => {
    const latencies: number[] = [];
    let errors = 0;
    const errorStatuses: Record<string, number> = {};
    const until = performance.now() + seconds * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        while (performance.now() < until && !stopWhen()) {
          const req = options.next(counter++);
          const { status, ms } = await send(req);
          if (status !== (req.expectStatus ?? 200)) {
            errors++;
            errorStatuses[status] = (errorStatuses[status] ?? 0) + 1;
          }
          if (record) latencies.push(ms);
        }
      }),
    );
    return { latencies, errors, errorStatuses, elapsed: (performance.now() - started) / 1000 };
  };

  if (options.warmupSeconds) await phase(options.warmupSeconds, false);
  const cpuBefore = options.serverCpuMs?.();
  const { latencies, errors, errorStatuses, elapsed } = await phase(options.seconds, true, options.stopWhen);
  const cpuMs = cpuBefore === undefined ? undefined : options.serverCpuMs!() - cpuBefore;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
  return {
    requests: latencies.length,
    errors,
    errorStatuses,
    seconds: elapsed,
    rps: latencies.length / elapsed,
    p50: pct(50),
    p99: pct(99),
    ...(cpuMs === undefined ? {} : { cpuMsPerRequest: cpuMs / latencies.length }),
  };
}
