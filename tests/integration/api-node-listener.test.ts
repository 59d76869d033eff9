// The production server's way into the API (server/api/node-listener.ts) against Hono's own
// (the app's fetch behind @hono/node-server, as Next's route handler also calls it): the same
// requests, sent as raw HTTP to both, get the same status, headers and body, for answers and for
// every kind of refusal. Both listeners in this process, on the test's database.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/auth/api-keys";
import { SCOPES } from "@/lib/contract/scopes";
import { createApi } from "@/server/api/app";
import { apiNodeListener } from "@/server/api/node-listener";
import { makeTenant, type Tenant } from "../support/factories";

type Answer = { status: number; headers: Record<string, string>; body: string };
type Sent = { method?: string; path: string; headers?: Record<string, string | string[]>; body?: string | Buffer };

/** Headers that say how the bytes travelled, not what the API answered. */
const TRANSPORT = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length"]);

function listen(listener: http.RequestListener): Promise<http.Server> {
  const server = http.createServer(listener);
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

function send(server: http.Server, { method = "POST", path, headers = { "content-type": "application/json" }, body }: Sent): Promise<Answer> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path, headers: headers as http.OutgoingHttpHeaders }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const own: Record<string, string> = {};
        for (const [name, value] of Object.entries(res.headers)) if (!TRANSPORT.has(name)) own[name] = String(value);
        resolve({ status: res.statusCode ?? 0, headers: own, body: Buffer.concat(chunks).toString("latin1") });
      });
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("the API's Node listener answers as Hono does", () => {
  const api = createApi();
  let hono: http.Server;
  let node: http.Server;
  let t: Tenant;
  let apiKey: string;
  let base: string;

  beforeAll(async () => {
    [hono, node] = await Promise.all([listen(getRequestListener(api.fetch)), listen(apiNodeListener(api))]);
    t = await makeTenant("Node listener");
    ({ key: apiKey } = await createApiKey(t.owner, { name: "listener", scopes: [...SCOPES], rateLimit: 1_000_000 }));
    base = `/app/${t.appId}/multi-service`;
  });
  afterAll(async () => {
    await Promise.all([hono, node].map((s) => new Promise((resolve) => s.close(resolve))));
  });

  /** Sends to both; their answers, the rate limit's remaining count (a shared bucket) aside. */
  async function both(sent: Sent): Promise<[Answer, Answer]> {
    const answers = [await send(hono, sent), await send(node, sent)] as [Answer, Answer];
    for (const a of answers) delete a.headers["ratelimit-remaining"];
    return answers;
  }

  const json = (body: unknown) => JSON.stringify(body);

  it("answers reads with the same status, headers and body", async () => {
    const booked = await t.book();
    for (const [route, body] of [
      [`appointments/${booked.id}`, {}],
      ["appointments/list", { limit: 5 }],
      ["services/list", {}],
      [`agents/${t.agentA.id}`, {}],
      ["companies/list", {}],
      [`customers/${t.customer.id}`, {}],
      [`agents/${t.agentA.id}/schedule`, {}],
    ] as const) {
      const [viaHono, viaNode] = await both({ path: `${base}/${route}`, body: json({ apiKey, ...body }) });
      expect(viaHono.status, route).toBe(200);
      expect(viaNode, route).toEqual(viaHono);
    }
  });

  it("refuses alike: every error's status, headers and envelope", async () => {
    const cases: [string, Sent][] = [
      ["unknown appointment", { path: `${base}/appointments/00000000-0000-4000-8000-000000000000`, body: json({ apiKey }) }],
      ["id that is not one", { path: `${base}/appointments/not-an-id`, body: json({ apiKey }) }],
      ["encoded path", { path: `${base}/appointments/%7Bid%7D%20x`, body: json({ apiKey }) }],
      ["unknown route", { path: `${base}/nothing/here`, body: json({ apiKey }) }],
      ["outside the API", { path: `/app/${t.appId}/elsewhere`, body: json({ apiKey }) }],
      ["GET", { method: "GET", path: `${base}/appointments/list` }],
      ["HEAD", { method: "HEAD", path: `${base}/appointments/list` }],
      ["no key", { path: `${base}/appointments/list`, body: "{}" }],
      ["wrong key", { path: `${base}/appointments/list`, body: json({ apiKey: "rdv_nope" }) }],
      ["another app", { path: `/app/00000000-0000-4000-8000-000000000000/multi-service/appointments/list`, body: json({ apiKey }) }],
      [
        "header and body differ",
        { path: `${base}/appointments/list`, headers: { "content-type": "application/json", authorization: "Bearer rdv_other" }, body: json({ apiKey }) },
      ],
      [
        "Authorization twice",
        {
          path: `${base}/appointments/list`,
          headers: { "content-type": "application/json", authorization: [`Bearer ${apiKey}`, `Bearer ${apiKey}`] },
          body: "{}",
        },
      ],
      ["text body", { path: `${base}/appointments/list`, headers: { "content-type": "text/plain" }, body: json({ apiKey }) }],
      ["latin-1 charset", { path: `${base}/appointments/list`, headers: { "content-type": "application/json; charset=latin1" }, body: json({ apiKey }) }],
      ["malformed JSON", { path: `${base}/appointments/list`, body: "{apiKey" }],
      ["an array", { path: `${base}/appointments/list`, body: "[]" }],
      ["not UTF-8", { path: `${base}/appointments/list`, body: Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]) }],
      ["too large", { path: `${base}/appointments/list`, body: json({ apiKey, pad: "x".repeat(70_000) }) }],
      ["invalid field", { path: `${base}/appointments/list`, body: json({ apiKey, limit: 0 }) }],
      ["unknown status", { path: `${base}/appointments/00000000-0000-4000-8000-000000000000/status`, body: json({ apiKey, status: "DONE" }) }],
      ["bad Idempotency-Key", { path: `${base}/appointments/create`, headers: { "content-type": "application/json", "idempotency-key": "é" }, body: json({ apiKey }) }],
    ];
    for (const [name, sent] of cases) {
      const [viaHono, viaNode] = await both(sent);
      expect(viaHono.status, name).toBeGreaterThanOrEqual(400);
      // The API's envelope, not Node's own refusal of a malformed request.
      if (sent.method !== "HEAD") expect(JSON.parse(viaHono.body).success, name).toBe(false);
      expect(viaNode, name).toEqual(viaHono);
    }
    // A repeated Authorization is read joined, as a web Headers object reads it: not a key.
    expect((await send(node, cases.find(([name]) => name === "Authorization twice")![1])).status).toBe(401);
  });

  it("answers a CORS preflight alike", async () => {
    const [viaHono, viaNode] = await both({
      method: "OPTIONS",
      path: `${base}/appointments/list`,
      headers: { origin: "https://elsewhere.example", "access-control-request-method": "POST", "access-control-request-headers": "content-type, idempotency-key" },
    });
    expect(viaHono.status).toBe(204);
    expect(viaNode).toEqual(viaHono);
  });

  it("normalises dot segments as Hono's adapter does", async () => {
    const [viaHono, viaNode] = await both({ path: `${base}/services/../appointments/list`, body: json({ apiKey, limit: 1 }) });
    expect(viaHono.status).toBe(200);
    expect(viaNode).toEqual(viaHono);
  });

  it("creates alike, and replays an Idempotency-Key's answer alike", async () => {
    const created: Answer[] = [];
    for (const server of [hono, node]) created.push(await send(server, { path: `${base}/appointments/create`, body: json({ apiKey, ...t.bookingBody() }) }));
    const shape = (a: Answer) => ({ status: a.status, headers: Object.keys(a.headers).sort(), data: Object.keys(JSON.parse(a.body).data) });
    expect(created[0].status).toBe(201);
    expect(shape(created[1])).toEqual(shape(created[0]));

    // One key, first through Hono then through the listener: the stored answer, replayed by both.
    const keyed: Sent = {
      path: `${base}/appointments/create`,
      headers: { "content-type": "application/json", "idempotency-key": `listener-${t.appId}` },
      body: json({ apiKey, ...t.bookingBody() }),
    };
    const first = await send(hono, keyed);
    const [replayHono, replayNode] = await both(keyed);
    expect(first.status).toBe(201);
    expect(replayHono.headers["idempotent-replayed"]).toBe("true");
    expect(JSON.parse(replayHono.body)).toEqual(JSON.parse(first.body));
    expect(replayNode).toEqual(replayHono);
  });

  it("streams the export with the same headers", async () => {
    const [viaHono, viaNode] = await both({ path: `${base}/export`, body: json({ apiKey }) });
    expect(viaHono.status).toBe(200);
    // The archive's name and manifest carry the time of each export: the headers but the name.
    const named = (a: Answer) => ({ ...a.headers, "content-disposition": a.headers["content-disposition"].replace(/\d/g, "0") });
    expect(named(viaNode)).toEqual(named(viaHono));
    expect(viaNode.body.slice(0, 2)).toBe("PK");
    expect(viaNode.body.length).toBeGreaterThan(1000);
  });

  it("answers 429 alike once a key's limit is spent", async () => {
    const { key } = await createApiKey(t.owner, { name: "small", scopes: [...SCOPES], rateLimit: 1 });
    const sent = { path: `${base}/services/list`, body: json({ apiKey: key }) };
    expect((await send(node, sent)).status).toBe(200);
    const [viaHono, viaNode] = await both(sent);
    expect(viaHono.status).toBe(429);
    // Retry-After and the reset count down between the two calls.
    const still = (a: Answer) => ({ ...a, headers: { ...a.headers, "retry-after": "n", "ratelimit-reset": "n" }, body: a.body.replace(/\d+ s/, "n s").replace(/"retryAfter":\d+/, "") });
    expect(still(viaNode)).toEqual(still(viaHono));
  });
});
