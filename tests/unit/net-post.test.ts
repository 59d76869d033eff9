// The one outbound request (lib/net/post.ts) and webhooks' attempt on top of it, against a local
// receiver: answers of each kind, the answer cap, no redirects, and whether the request had left
// when no answer came (what the message adapters decide "unknown" on).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { post } from "@/lib/net/post";
import { postOnce, RESPONSE_LIMIT } from "@/lib/webhooks/send";
import { startReceiver, type Receiver } from "../support/receiver";

let rx: Receiver;
const target = { address: "127.0.0.1", family: 4 as const };

beforeAll(async () => {
  rx = await startReceiver();
  rx.on("/created", (_r, res) => res.writeHead(201, { "content-type": "application/json" }).end('{"id":"x1"}'));
  rx.on("/broken", (_r, res) => res.writeHead(500).end("panne"));
  rx.on("/moved", (_r, res) => res.writeHead(302, { location: "https://elsewhere.example" }).end());
  rx.on("/huge", (_r, res) => res.writeHead(200).end("x".repeat(100_000)));
  rx.on("/hang", () => {});
  rx.on("/drop", (_r, res) => res.socket?.destroy());
});
afterAll(() => rx?.close());

describe("webhook attempts", () => {
  it("2xx is delivered; 5xx, 3xx (not followed) and a hang are failures with their reason", async () => {
    const headers = { "webhook-id": "msg_1" };
    expect(await postOnce(new URL(rx.url("/created")), target, headers, "{}", 5000)).toMatchObject({ ok: true, httpStatus: 201, response: '{"id":"x1"}', error: null });
    expect(await postOnce(new URL(rx.url("/broken")), target, headers, "{}", 5000)).toMatchObject({ ok: false, httpStatus: 500, response: "panne", error: "HTTP 500" });
    expect(await postOnce(new URL(rx.url("/moved")), target, headers, "{}", 5000)).toMatchObject({ ok: false, httpStatus: 302, error: "Redirection non suivie (HTTP 302)" });
    expect(await postOnce(new URL(rx.url("/hang")), target, headers, "{}", 300)).toMatchObject({ ok: false, httpStatus: null, error: "Pas de réponse en 0,3 s" });
    const huge = await postOnce(new URL(rx.url("/huge")), target, headers, "{}", 5000);
    expect(huge.response).toHaveLength(RESPONSE_LIMIT);
    const sent = rx.at("/created")[0];
    expect(sent.headers).toMatchObject({ "webhook-id": "msg_1", "content-type": "application/json", "user-agent": "Rendez-vous-Webhooks/1" });
  });
});

describe("post", () => {
  it("tells whether the request had left when no answer came", async () => {
    const hang = await post(new URL(rx.url("/hang")), { headers: {}, body: '{"a":1}', timeoutMs: 1500, target });
    expect(hang).toMatchObject({ answered: false, written: true, timedOut: true });
    const drop = await post(new URL(rx.url("/drop")), { headers: {}, body: "{}", timeoutMs: 5000, target });
    expect(drop).toMatchObject({ answered: false, written: true, timedOut: false });
    const closed = await startReceiver();
    const url = new URL(closed.url("/x"));
    await closed.close();
    expect(await post(url, { headers: {}, body: "{}", timeoutMs: 5000, target })).toMatchObject({ answered: false, written: false, error: expect.stringContaining("ECONNREFUSED") });
  });

  it("connects to the checked address whatever the name says, and sends PUT when asked", async () => {
    const url = new URL(rx.url("/created").replace("127.0.0.1", "provider.invalid"));
    expect(await post(url, { method: "PUT", headers: { "x-k": "v" }, body: '{"b":2}', timeoutMs: 5000, target })).toMatchObject({ answered: true, status: 201 });
    const r = rx.at("/created").at(-1)!;
    expect(r.headers).toMatchObject({ host: expect.stringContaining("provider.invalid"), "x-k": "v", "content-length": "7" });
    expect(r.body).toBe('{"b":2}');
  });

  it("an AbortSignal stops it at once; one already fired sends nothing", async () => {
    const before = rx.at("/hang").length;
    const controller = new AbortController();
    const pending = post(new URL(rx.url("/hang")), { headers: {}, body: "{}", timeoutMs: 600_000, target, signal: controller.signal });
    await rx.until(() => rx.at("/hang").length > before);
    controller.abort();
    expect(await pending).toMatchObject({ answered: false, written: true, error: "Envoi interrompu" });
    const count = rx.received.length;
    expect(await post(new URL(rx.url("/created")), { headers: {}, body: "{}", timeoutMs: 5000, target, signal: AbortSignal.abort() })).toMatchObject({ answered: false, written: false });
    expect(rx.received.length).toBe(count);
  });
});
