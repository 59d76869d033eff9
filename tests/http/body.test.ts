// The transport rules every endpoint shares: JSON only (415), 64 KB counted while reading
// (413), well-formed UTF-8 JSON holding an object (400), POST only (405), CORS preflight.
import http from "node:http";
import { beforeAll, describe, expect, it } from "vitest";
import { API_URL, apiPath, type ApiTenant, makeApiTenant, send } from "./support/api";

let t: ApiTenant;
let url: string;

beforeAll(async () => {
  t = await makeApiTenant("Body");
  url = `${API_URL}${apiPath(t.appId, "customers/list")}`;
});

const json = (body: string | Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}) =>
  send(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

/** A body of exactly `size` bytes that is valid JSON carrying the key. */
function bodyOfSize(size: number): string {
  const base = JSON.stringify({ apiKey: t.admin });
  return base.replace("}", `${" ".repeat(size - base.length)}}`);
}

/** Sends a body in chunks without Content-Length (Transfer-Encoding: chunked). */
function chunked(totalBytes: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const req = http.request(
      { host: target.hostname, port: target.port, path: target.pathname, method: "POST", headers: { "content-type": "application/json" } },
      (res) => {
        let body = "";
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    const chunk = Buffer.alloc(8192, " ");
    let sent = 0;
    const pump = () => {
      while (sent < totalBytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      req.end();
    };
    req.write("{");
    pump();
  });
}

describe("content type", () => {
  it("answers 415 for anything but JSON", async () => {
    const body = JSON.stringify({ apiKey: t.admin });
    for (const type of [undefined, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=latin1", "application/jsonx"]) {
      const res = await send(url, { method: "POST", headers: type ? { "content-type": type } : {}, body });
      expect({ type, status: res.status, code: res.body?.error?.code }).toEqual({ type, status: 415, code: "unsupported-media-type" });
    }
  });

  it("accepts JSON with a UTF-8 charset, in any case", async () => {
    const body = JSON.stringify({ apiKey: t.admin });
    for (const type of ["application/json; charset=utf-8", "Application/JSON;charset=UTF-8", "application/json;charset=\"utf-8\""]) {
      expect((await send(url, { method: "POST", headers: { "content-type": type }, body })).status, type).toBe(200);
    }
  });
});

describe("body size", () => {
  it("takes 64 KB and refuses one byte more", async () => {
    const exact = bodyOfSize(64 * 1024);
    expect(Buffer.byteLength(exact)).toBe(65_536);
    expect((await json(exact)).status).toBe(200);
    const over = await json(bodyOfSize(64 * 1024 + 1));
    expect({ status: over.status, code: over.body.error.code }).toEqual({ status: 413, code: "payload-too-large" });
  });

  it("counts bytes, not characters", async () => {
    // 30 000 « é » are 60 000 bytes (fine); 33 000 are 66 000 (too large).
    expect((await json(JSON.stringify({ apiKey: t.admin, search: "", pad: "é".repeat(30_000) }))).status).toBe(200);
    expect((await json(JSON.stringify({ apiKey: t.admin, search: "", pad: "é".repeat(33_000) }))).status).toBe(413);
  });

  it("stops reading a chunked body past the limit", async () => {
    const res = await chunked(5 * 1024 * 1024);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.code).toBe("payload-too-large");
  });

  it("refuses a Content-Length over the limit before reading", async () => {
    const res = await new Promise<number>((resolve, reject) => {
      const target = new URL(url);
      const req = http.request(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: "POST",
          headers: { "content-type": "application/json", "content-length": 10_000_000 },
        },
        (r) => {
          r.resume();
          resolve(r.statusCode ?? 0);
        },
      );
      req.on("error", reject);
      req.write("{"); // and never the rest
    });
    expect(res).toBe(413);
  });
});

describe("malformed bodies", () => {
  it("answers 400 validation-error for broken JSON, non-objects, bad UTF-8, NUL, lone surrogates, deep nesting", async () => {
    const bodies: (string | Uint8Array<ArrayBuffer>)[] = [
      "{",
      '{"apiKey": "x",}',
      "[1,2]",
      "true",
      '"text"',
      new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
      JSON.stringify({ apiKey: t.admin, search: "a\u0000b" }),
      `{"apiKey": ${JSON.stringify(t.admin)}, "search": "\\ud800"}`,
      `{"apiKey": ${JSON.stringify(t.admin)}, "x": ${"[".repeat(40)}${"]".repeat(40)}}`,
      `{"apiKey": ${JSON.stringify(t.admin)}, "x": ${"[".repeat(20000)}${"]".repeat(20000)}}`,
    ];
    for (const body of bodies) {
      const res = await json(body);
      const label = typeof body === "string" ? body.slice(0, 40) : "bytes";
      expect({ label, status: res.status, code: res.body?.error?.code }).toEqual({ label, status: 400, code: "validation-error" });
    }
  });

  it("takes an empty body as {} (with the key in the header)", async () => {
    const res = await send(url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${t.admin}` } });
    expect(res.status).toBe(200);
  });
});

describe("methods", () => {
  it("answers 405 to anything but POST, and CORS preflights", async () => {
    for (const method of ["GET", "PUT", "PATCH", "DELETE"]) {
      const res = await send(url, { method });
      expect({ method, status: res.status, code: res.body?.error?.code }).toEqual({ method, status: 405, code: "method-not-allowed" });
    }
    const preflight = await send(url, {
      method: "OPTIONS",
      headers: { origin: "https://booking.example.ci", "access-control-request-method": "POST", "access-control-request-headers": "content-type,idempotency-key" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("idempotency-key");

    // Answers, successes and errors alike, let a page on another origin read them and their limits.
    for (const body of [JSON.stringify({ apiKey: t.admin }), "{"]) {
      const res = await send(url, { method: "POST", headers: { "content-type": "application/json", origin: "https://booking.example.ci" }, body });
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      expect(res.headers.get("access-control-expose-headers")).toContain("RateLimit-Remaining");
    }
  });
});
