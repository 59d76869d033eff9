// The load of the fault tests: `writers` clients, each booking one appointment after another
// through the proxy, every create with its own Idempotency-Key, retried with the same key until
// it is acknowledged (201). They retry every 100 ms rather than after Retry-After (2 s): what is
// measured is when the app serves again, not the clients' patience. Every answer is kept.
export type Outcome = {
  /** ms since the load started. */
  at: number;
  writer: number;
  key: string;
  /** HTTP status, or "network" when no answer came (connection reset, refused…). */
  status: number | "network";
  /** The error code of the body, or the network error's. */
  code?: string;
  /** Which instance answered (haproxy's header); null when haproxy answered itself. */
  instance: string | null;
  retryAfter: string | null;
  /** A 201 that replayed a booking an earlier attempt of the same key had made. */
  replayed?: boolean;
  ms: number;
  /** The answer's body when it is not the API's JSON (an HTML error page from the proxy). */
  text?: string;
};

export type Load = ReturnType<typeof startLoad>;

export function startLoad(o: {
  url: string;
  appId: string;
  apiKey: string;
  writers: number;
  /** Writer w's next booking (a free slot: its own agent, later each time); asked once per key. */
  body: (writer: number) => Record<string, unknown>;
  retryEveryMs?: number;
}) {
  const started = performance.now();
  const prefix = `load-${Date.now().toString(36)}`;
  const outcomes: Outcome[] = [];
  /** Idempotency-Key → the appointment id a 201 answered. */
  const acknowledged = new Map<string, string>();
  /** Keys given up without a 201 (only at stop): their booking may or may not exist. */
  const abandoned: string[] = [];
  let stopping = false;
  const endpoint = `${o.url}/app/${o.appId}/multi-service/appointments/create`;

  async function send(writer: number, key: string, body: Record<string, unknown>): Promise<Outcome & { id?: string }> {
    const t0 = performance.now();
    const base = { at: t0 - started, writer, key };
    try {
      const res = await fetch(endpoint, {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": key },
        body: JSON.stringify({ apiKey: o.apiKey, ...body }),
        signal: AbortSignal.timeout(60_000),
      });
      const text = await res.text();
      let json: { data?: { id?: string }; error?: { code?: string } } | undefined;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      return {
        ...base,
        status: res.status,
        code: json?.error?.code,
        instance: res.headers.get("x-rendez-vous-instance"),
        retryAfter: res.headers.get("retry-after"),
        ...(res.headers.get("idempotent-replayed") === "true" ? { replayed: true } : {}),
        ms: performance.now() - t0,
        id: json?.data?.id,
        ...(json ? {} : { text: text.slice(0, 200) }),
      };
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause;
      return { ...base, status: "network", code: cause?.code ?? (err as Error).name, instance: null, retryAfter: null, ms: performance.now() - t0 };
    }
  }

  async function writer(w: number) {
    for (let n = 0; !stopping; n++) {
      const key = `${prefix}-w${w}-${n}`;
      const body = o.body(w);
      // Once stopping, the key in progress is still retried a while: the system is back by then.
      for (let attempt = 0; ; attempt++) {
        const { id, ...outcome } = await send(w, key, body);
        outcomes.push(outcome);
        if (outcome.status === 201 && id) {
          acknowledged.set(key, id);
          break;
        }
        const retryable = outcome.status === "network" || outcome.status >= 500 || (outcome.status === 409 && outcome.code === "idempotency-conflict");
        if (!retryable || (stopping && attempt > 100)) {
          abandoned.push(key);
          break;
        }
        await new Promise((r) => setTimeout(r, o.retryEveryMs ?? 100));
      }
    }
  }

  const running = Array.from({ length: o.writers }, (_, w) => writer(w));
  return {
    outcomes,
    acknowledged,
    abandoned,
    /** ms since the load started. */
    now: () => performance.now() - started,
    /** Waits until `count` more writes than now are acknowledged. */
    async moreAcks(count: number, timeoutMs = 120_000): Promise<void> {
      const target = acknowledged.size + count;
      const deadline = Date.now() + timeoutMs;
      while (acknowledged.size < target) {
        if (Date.now() > deadline) throw new Error(`${acknowledged.size}/${target} writes acknowledged after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    /** Waits until `count` more failed answers than now were seen. */
    async moreFailures(count: number, timeoutMs = 60_000): Promise<void> {
      const failures = () => outcomes.filter((x) => x.status !== 201).length;
      const target = failures() + count;
      const deadline = Date.now() + timeoutMs;
      while (failures() < target) {
        if (Date.now() > deadline) throw new Error(`fewer than ${count} failures in ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async stop() {
      stopping = true;
      await Promise.all(running);
    },
  };
}

/** An answer's kind, for the counts: "503 service-unavailable (app)", "502 (proxy)", "network ECONNRESET"… */
export function kindOf(o: Outcome): string {
  if (o.status === "network") return `network ${o.code}`;
  return `${o.status}${o.code ? ` ${o.code}` : ""} (${o.instance ? "app" : "proxy"})`;
}

/** How many answers of each kind, failures only (not 201). */
export function failureCounts(outcomes: Outcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes) if (o.status !== 201) counts[kindOf(o)] = (counts[kindOf(o)] ?? 0) + 1;
  return counts;
}

/**
 * Keys whose booking was made by an attempt the client was told had failed: a later attempt
 * replayed it. Harmless with Idempotency-Key (that is what it is for), but a sign that a failure
 * answer did not mean "nothing done".
 */
export function madeDespiteFailure(outcomes: Outcome[]): string[] {
  const failed = new Set(outcomes.filter((o) => o.status !== 201 && o.status !== 409).map((o) => o.key));
  return outcomes.filter((o) => o.replayed && failed.has(o.key)).map((o) => o.key);
}
