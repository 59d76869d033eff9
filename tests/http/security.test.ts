// Security headers on pages and on the API, and sessions that end when a member's password,
// role or access changes (the signed cookie alone would stay valid until it expires).
import { beforeAll, describe, expect, it } from "vitest";
import { editMember, removeMember, setMemberPassword } from "@/lib/auth/team";
import { listMembers } from "@/lib/auth/team";
import { API_URL, type ApiTenant, makeApiTenant } from "./support/api";
import { memberSession, signIn } from "./support/session";

let t: ApiTenant;
beforeAll(async () => {
  t = await makeApiTenant("Security");
});

describe("security headers", () => {
  it("pages: a nonce-based CSP that forbids framing, nosniff, referrer and permissions policies; HSTS only over HTTPS", async () => {
    const res = await fetch(`${API_URL}/login`);
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("permissions-policy")).toContain("camera=()");
    expect(res.headers.get("strict-transport-security")).toBeNull();
    // Every script of the page carries this response's nonce.
    const html = await res.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    // A fresh nonce each time.
    const again = (await fetch(`${API_URL}/login`)).headers.get("content-security-policy");
    expect(again).not.toBe(csp);

    const overHttps = await fetch(`${API_URL}/login`, { headers: { "x-forwarded-proto": "https" } });
    expect(overHttps.headers.get("strict-transport-security")).toContain("max-age=");
  });

  it("the API: nosniff and no-store on answers and errors", async () => {
    for (const res of [await t.call("companies/list"), await t.call("appointments/nope")]) {
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("cache-control")).toBe("no-store");
    }
  });
});

describe("sessions end when access changes", () => {
  const stream = (cookie: string) => fetch(`${API_URL}/api/events/stream`, { headers: { cookie } }).then((r) => {
    void r.body?.cancel();
    return r.status;
  });
  const userIdOf = async (email: string) => (await listMembers(t.owner)).find((m) => m.email === email)!.userId;

  it("a new password ends the member's open sessions; signing in with it works", async () => {
    const m = await memberSession(API_URL, t.owner, { role: "admin" });
    expect(await stream(m.cookie)).toBe(200);
    await setMemberPassword(t.owner, await userIdOf(m.email), "Nouveau-secret-2026");
    expect(await stream(m.cookie)).toBe(401);
    expect(await stream(await signIn(API_URL, m.email, "Nouveau-secret-2026"))).toBe(200);
  });

  it("a changed role or removal ends them too", async () => {
    const a = await memberSession(API_URL, t.owner, { role: "admin" });
    const b = await memberSession(API_URL, t.owner, { role: "admin" });
    expect([await stream(a.cookie), await stream(b.cookie)]).toEqual([200, 200]);
    await editMember(t.owner, await userIdOf(a.email), { role: "staff", companyIds: [t.companyA.id] });
    await removeMember(t.owner, await userIdOf(b.email));
    expect([await stream(a.cookie), await stream(b.cookie)]).toEqual([401, 401]);
  });
});
