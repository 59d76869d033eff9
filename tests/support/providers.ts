// Local stand-ins for the message providers, speaking their shapes over real HTTP on 127.0.0.1:
// a WhatsApp Cloud API lookalike and the generic SMS provider of the README. Each records every
// request, answers like the provider (message ids, its error shapes), misbehaves on demand (an
// error, a slow answer, no answer at all, a dropped connection) and can POST signed status
// callbacks and customer replies to a URL, as the real ones do. Used by unit, HTTP and e2e tests.
import { createHmac } from "node:crypto";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export type Recorded = { method: string; path: string; headers: Record<string, string>; body: string; json: unknown };
/** What the next request gets instead of the normal answer. */
export type Misbehaviour = { status: number; json: unknown } | { delayMs: number } | "hang" | "drop";
type Answer = { status: number; json: unknown };

async function startFake(answer: (r: Recorded, n: number) => Answer) {
  const received: Recorded[] = [];
  const queue: Misbehaviour[] = [];
  const sockets = new Set<Socket>();
  const waiters: (() => void)[] = [];
  const reply = (res: ServerResponse, a: Answer) => res.writeHead(a.status, { "content-type": "application/json" }).end(JSON.stringify(a.json));
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        json = undefined;
      }
      const r: Recorded = { method: req.method ?? "", path: req.url ?? "/", headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])), body, json };
      received.push(r);
      waiters.splice(0).forEach((w) => w());
      const misbehave = queue.shift();
      if (misbehave === "hang") return;
      if (misbehave === "drop") return void req.socket.destroy();
      if (misbehave && "status" in misbehave) return reply(res, misbehave);
      const a = answer(r, received.length);
      if (misbehave && "delayMs" in misbehave) setTimeout(() => reply(res, a), misbehave.delayMs);
      else reply(res, a);
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    received,
    /** The next requests misbehave, in this order; later ones are answered normally. */
    next: (...m: Misbehaviour[]) => void queue.push(...m),
    /** Resolves once `count` requests have arrived. */
    async waitFor(count: number, ms = 10_000) {
      const end = Date.now() + ms;
      while (received.length < count) {
        if (Date.now() > end) throw new Error(`provider: ${count} requests expected, ${received.length} came`);
        await new Promise<void>((r) => {
          waiters.push(r);
          setTimeout(r, 50);
        });
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

const sign = (secret: string, body: string) => createHmac("sha256", secret).update(body).digest("hex");

/** POSTs a callback as the provider would, with `header: value` as its signature (or none). */
async function postCallback(url: string, body: string, signature: [string, string] | null) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (signature) headers[signature[0]] = signature[1];
  const res = await fetch(url, { method: "POST", headers, body });
  return { status: res.status, text: await res.text() };
}

const graphError = (status: number, code: number, message: string, subcode?: number): Misbehaviour => ({
  status,
  json: { error: { message, type: "OAuthException", code, ...(subcode ? { error_subcode: subcode } : {}), fbtrace_id: "Afake" } },
});

/** A WhatsApp Cloud API lookalike: POST /{version}/{phoneNumberId}/messages with a Bearer token. */
export async function startWhatsAppProvider(opts: { accessToken: string; appSecret: string; phoneNumberId: string }) {
  const fake = await startFake((r, n) => {
    if (r.headers.authorization !== `Bearer ${opts.accessToken}`) return graphError(401, 190, "Invalid OAuth access token - Cannot parse access token") as Answer;
    if (r.method !== "POST" || !new RegExp(`^/v\\d+\\.\\d+/${opts.phoneNumberId}/messages$`).test(r.path)) {
      return graphError(400, 100, "Unsupported post request.") as Answer;
    }
    const body = r.json as { messaging_product?: string; to?: string; type?: string } | undefined;
    if (body?.messaging_product !== "whatsapp" || !body.to || !["template", "text"].includes(body.type ?? "")) {
      return graphError(400, 100, "(#100) Invalid parameter") as Answer;
    }
    return { status: 200, json: { messaging_product: "whatsapp", contacts: [{ input: body.to, wa_id: body.to }], messages: [{ id: `wamid.fake${n}` }] } };
  });
  const callback = (url: string, value: unknown, signature: string | null = "good") => {
    const body = JSON.stringify({
      object: "whatsapp_business_account",
      entry: [{ id: "WABA-1", changes: [{ field: "messages", value: { messaging_product: "whatsapp", metadata: { display_phone_number: "2250700000000", phone_number_id: opts.phoneNumberId }, ...(value as object) } }] }],
    });
    const header = signature === null ? null : signature === "good" ? `sha256=${sign(opts.appSecret, body)}` : signature;
    return postCallback(url, body, header === null ? null : ["x-hub-signature-256", header]);
  };
  return {
    ...fake,
    /** The next request is refused the way Graph refuses: HTTP status, error code, message. */
    refuse: (status: number, code: number, message: string, subcode?: number) => fake.next(graphError(status, code, message, subcode)),
    /** A status of one of our messages (`wamid…`); "failed" carries an error title. */
    sendStatus: (url: string, s: { id: string; status: "sent" | "delivered" | "read" | "failed"; title?: string; timestamp?: number }, signature?: string | null) =>
      callback(
        url,
        {
          statuses: [
            {
              id: s.id,
              status: s.status,
              timestamp: String(s.timestamp ?? 1_767_000_000),
              recipient_id: "2250700000000",
              ...(s.status === "failed" ? { errors: [{ code: 131026, title: s.title ?? "Message undeliverable", error_data: { details: "Message Undeliverable." } }] } : {}),
            },
          ],
        },
        signature,
      ),
    /** A customer's message: text, or the quick-reply button of a template. */
    sendReply: (url: string, m: { from: string; text: string; id?: string; timestamp?: number; button?: boolean }, signature?: string | null) =>
      callback(
        url,
        {
          contacts: [{ profile: { name: "Client" }, wa_id: m.from.replace(/^\+/, "") }],
          messages: [
            {
              from: m.from.replace(/^\+/, ""),
              id: m.id ?? `wamid.in${Date.now()}`,
              timestamp: String(m.timestamp ?? 1_767_000_000),
              ...(m.button ? { type: "button", button: { text: m.text, payload: m.text } } : { type: "text", text: { body: m.text } }),
            },
          ],
        },
        signature,
      ),
    /** Meta's GET verification of a callback URL. */
    challenge: async (url: string, verifyToken: string, challenge = "1158201444") => {
      const u = new URL(url);
      u.search = new URLSearchParams({ "hub.mode": "subscribe", "hub.verify_token": verifyToken, "hub.challenge": challenge }).toString();
      const res = await fetch(u);
      return { status: res.status, text: await res.text() };
    },
  };
}

/**
 * The generic SMS provider of the README: authenticated by one header, message id in the answer
 * at `data.id`, and it dedupes on `Idempotency-Key` (a repeat answers the first id, sends nothing).
 */
export async function startSmsProvider(opts: { authHeader: string; authValue: string; callbackSecret: string }) {
  const byKey = new Map<string, string>();
  const sent: Recorded[] = [];
  const fake = await startFake((r, n) => {
    if (r.headers[opts.authHeader.toLowerCase()] !== opts.authValue) return { status: 401, json: { error: { message: "Clé API invalide" } } };
    if (!r.json || typeof r.json !== "object") return { status: 400, json: { error: { message: "JSON attendu" } } };
    const key = r.headers["idempotency-key"];
    const known = key ? byKey.get(key) : undefined;
    if (known) return { status: 200, json: { data: { id: known, status: "queued" } } };
    const id = `sms-${n}`;
    if (key) byKey.set(key, id);
    sent.push(r);
    return { status: 201, json: { data: { id, status: "queued" } } };
  });
  const callback = (url: string, event: unknown, signature: string | null = "good") => {
    const body = JSON.stringify({ events: [event] });
    const header = signature === null ? null : signature === "good" ? sign(opts.callbackSecret, body) : signature;
    return postCallback(url, body, header === null ? null : ["x-signature", header]);
  };
  return {
    ...fake,
    /** Messages really taken (a repeat with the same Idempotency-Key is not one). */
    sent,
    refuse: (status: number, message: string) => fake.next({ status, json: { error: { message } } }),
    sendStatus: (url: string, s: { id: string; reference?: string; status: "sent" | "delivered" | "failed"; reason?: string }, signature?: string | null) =>
      callback(url, { type: "status", ...s }, signature),
    sendReply: (url: string, m: { from: string; text: string; id?: string; at?: string }, signature?: string | null) =>
      callback(url, { type: "reply", id: m.id ?? `in-${Date.now()}`, at: m.at ?? "2026-01-01T10:00:00Z", from: m.from, text: m.text }, signature),
  };
}

export type WhatsAppProvider = Awaited<ReturnType<typeof startWhatsAppProvider>>;
export type SmsProvider = Awaited<ReturnType<typeof startSmsProvider>>;
