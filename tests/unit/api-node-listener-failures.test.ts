// The API's Node listener when a route misbehaves: an answer Node refuses to write, a handler
// that answers nothing, a throw of something not an Error. Each gets the 500 envelope, the
// process goes on answering. A small Hono app of its own, over a real socket.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { jsonAnswer, setHeader } from "@/server/api/envelope";
import { apiNodeListener } from "@/server/api/node-listener";

const app = new Hono();
app.post("/fine", (c) => jsonAnswer(c, { success: true }, 200));
// A header value Node will not write (outside Latin-1).
app.post("/unwritable", (c) => {
  setHeader(c, "X-Note", "prix en €");
  return jsonAnswer(c, { success: true }, 200);
});
app.post("/silent", async () => undefined as unknown as Response);
app.post("/throws-text", () => {
  throw "not an Error";
});

let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer(apiNodeListener(app));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const post = async (path: string) => {
  const res = await fetch(`${base}${path}`, { method: "POST" });
  return { status: res.status, body: await res.json() };
};

describe("the API's Node listener, when a route misbehaves", () => {
  it("answers 500 internal-error, logs it, and goes on answering", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    for (const path of ["/unwritable", "/silent", "/throws-text"]) {
      expect(await post(path), path).toEqual({ status: 500, body: { success: false, error: { code: "internal-error", message: expect.any(String) } } });
    }
    expect(logged).toHaveBeenCalledTimes(3);
    logged.mockRestore();
    expect(await post("/fine")).toEqual({ status: 200, body: { success: true } });
  });
});
