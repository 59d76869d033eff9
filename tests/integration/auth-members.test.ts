import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { loginAttempts } from "@/db/schema";
import { MAX_FAILURES, throttleKey } from "@/lib/auth/login-throttle";
import { callerForMember, callerForUser, listMemberApps, verifyCredentials } from "@/lib/auth/members";
import { addMember, removeMember } from "@/lib/auth/team";
import { makeTenant, type Tenant } from "../support/factories";

describe("dashboard sign-in: credentials, throttling, member callers", () => {
  let t: Tenant;
  const email = () => `m${Math.random().toString(36).slice(2)}@exemple.ci`;
  beforeAll(async () => {
    t = await makeTenant();
  });

  it("accepts the right password (any case of e-mail) and gives the member's app", async () => {
    const e = email();
    const m = await addMember(t.owner, { email: e, name: "Awa", password: "bon-mot-de-passe", role: "admin" });
    const ok = await verifyCredentials(`  ${e.toUpperCase()} `, "bon-mot-de-passe");
    expect(ok).toMatchObject({ ok: true, appId: t.owner.appId, user: { id: m.userId, name: "Awa" } });
    expect(await verifyCredentials(e, "mauvais")).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyCredentials(email(), "peu-importe")).toEqual({ ok: false, reason: "invalid" });
  });

  it("locks an e-mail after repeated failures, even with the right password then; success clears the count", async () => {
    const e = email();
    await addMember(t.owner, { email: e, name: "Koffi", password: "bon-mot-de-passe", role: "admin" });
    await verifyCredentials(e, "faux");
    expect((await verifyCredentials(e, "bon-mot-de-passe")).ok).toBe(true);
    const db = await getDb();
    expect(await db.select().from(loginAttempts).where(eq(loginAttempts.key, throttleKey(e)))).toHaveLength(0);

    const results = [];
    for (let i = 0; i < MAX_FAILURES; i++) results.push(await verifyCredentials(e, `faux-${i}`));
    expect(results.slice(0, -1).every((r) => !r.ok && r.reason === "invalid")).toBe(true);
    expect(results.at(-1)).toMatchObject({ ok: false, reason: "throttled" });
    expect(await verifyCredentials(e, "bon-mot-de-passe")).toMatchObject({ ok: false, reason: "throttled" });

    // The lock ends; a window that has expired starts counting again.
    await db
      .update(loginAttempts)
      .set({ lockedUntil: new Date(Date.now() - 1000), windowStart: new Date(Date.now() - 3_600_000) })
      .where(eq(loginAttempts.key, throttleKey(e)));
    expect((await verifyCredentials(e, "bon-mot-de-passe")).ok).toBe(true);
  });

  it("counts concurrent failures without losing any", async () => {
    const e = email();
    await Promise.all(Array.from({ length: MAX_FAILURES }, (_, i) => verifyCredentials(e, `faux-${i}`)));
    expect(await verifyCredentials(e, "faux")).toMatchObject({ ok: false, reason: "throttled" });
  });

  it("builds the caller from the membership: staff see their companies only; non-members get none", async () => {
    const staff = await addMember(t.owner, {
      email: email(),
      name: "Christelle",
      password: "un-mot-de-passe",
      role: "staff",
      companyIds: [t.companyB.id],
    });
    const caller = await callerForUser(staff.userId, t.owner.appId);
    expect(caller).toMatchObject({
      appId: t.owner.appId,
      companyIds: [t.companyB.id],
      role: "staff",
      actor: { type: "user", id: staff.userId, name: "Christelle" },
    });
    expect(caller!.scopes).not.toContain("catalog:write");
    const admin = await addMember(t.owner, { email: email(), name: "Admin", password: "un-mot-de-passe", role: "admin" });
    expect((await callerForUser(admin.userId, t.owner.appId))!.companyIds).toBe("all");
    const other = await makeTenant("Other");
    expect(await callerForUser(staff.userId, other.owner.appId)).toBeNull();
  });

  it("a member of several apps acts in the app they chose only while they belong to it; anything else falls back", async () => {
    const e = email();
    const first = await addMember(t.owner, { email: e, name: "Mariam", password: "un-mot-de-passe", role: "admin" });
    const other = await makeTenant("Second app");
    await addMember(other.owner, { email: e, name: "Mariam", role: "staff", companyIds: [other.companyA.id] });
    const stranger = await makeTenant("Not theirs");

    expect((await listMemberApps(first.userId)).map((a) => a.id)).toEqual([t.owner.appId, other.owner.appId]);
    // Signed in to the first app (the one joined first), chose the second: the second, with its own role.
    expect(await callerForMember(first.userId, [other.owner.appId, t.owner.appId])).toMatchObject({
      appId: other.owner.appId,
      role: "staff",
      companyIds: [other.companyA.id],
    });
    // A choice naming an app they do not belong to, or not an id at all, is ignored.
    expect((await callerForMember(first.userId, [stranger.owner.appId, t.owner.appId]))!.appId).toBe(t.owner.appId);
    expect((await callerForMember(first.userId, ["'; DROP TABLE apps; --", undefined]))!.appId).toBe(t.owner.appId);
    // Removed from the chosen app: back to the one they still belong to, at once.
    await removeMember(other.owner, first.userId);
    expect((await callerForMember(first.userId, [other.owner.appId, t.owner.appId]))!.appId).toBe(t.owner.appId);
    // Removed from the app they signed in to as well: the first app left to them, or none.
    await addMember(other.owner, { email: e, name: "Mariam", role: "admin" });
    await removeMember(t.owner, first.userId);
    expect((await callerForMember(first.userId, [undefined, t.owner.appId]))!.appId).toBe(other.owner.appId);
    await removeMember(other.owner, first.userId);
    expect(await callerForMember(first.userId, [other.owner.appId, t.owner.appId])).toBeNull();
  });
});
