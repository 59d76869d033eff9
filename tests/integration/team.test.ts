import { beforeAll, describe, expect, it } from "vitest";
import { addMember, editMember, listMembers, removeMember } from "@/lib/auth/team";
import { codeOf, makeTenant, type Tenant } from "../support/factories";

describe("team", () => {
  let t: Tenant;
  const email = () => `m${Math.random().toString(36).slice(2)}@exemple.ci`;
  beforeAll(async () => {
    t = await makeTenant();
  });

  it("adds staff limited to companies, admins without, and lists them", async () => {
    const staff = await addMember(t.owner, { email: email(), name: "Christelle", password: "un-mot-de-passe", role: "staff", companyIds: [t.companyB.id] });
    expect(staff.companyIds).toEqual([t.companyB.id]);
    const admin = await addMember(t.owner, { email: email(), name: "Admin", password: "un-mot-de-passe", role: "admin", companyIds: [t.companyB.id] });
    expect(admin.companyIds).toEqual([]);
    expect((await listMembers(t.owner)).map((m) => m.userId)).toEqual(expect.arrayContaining([staff.userId, admin.userId]));
  });

  it("refuses staff without company, a new user without password, a duplicate, another app's company", async () => {
    expect(await codeOf(() => addMember(t.owner, { email: email(), name: "X", password: "un-mot-de-passe", role: "staff" }))).toBe("validation-error");
    expect(await codeOf(() => addMember(t.owner, { email: email(), name: "X", role: "admin" }))).toBe("validation-error");
    const e = email();
    await addMember(t.owner, { email: e, name: "X", password: "un-mot-de-passe", role: "admin" });
    expect(await codeOf(() => addMember(t.owner, { email: e.toUpperCase(), name: "X", role: "admin" }))).toBe("validation-error");
    const other = await makeTenant("Other");
    expect(
      await codeOf(() => addMember(t.owner, { email: email(), name: "X", password: "un-mot-de-passe", role: "staff", companyIds: [other.companyA.id] })),
    ).toBe("company-not-found");
  });

  it("keeps one owner, and only owners make owners", async () => {
    const [me] = (await listMembers(t.owner)).filter((m) => m.role === "owner");
    expect(me).toBeUndefined(); // the factory's owner is a system caller, not a member
    const owner = await addMember(t.owner, { email: email(), name: "Propriétaire", password: "un-mot-de-passe", role: "owner" });
    expect(await codeOf(() => editMember(t.owner, owner.userId, { role: "admin" }))).toBe("validation-error");
    expect(await codeOf(() => removeMember(t.owner, owner.userId))).toBe("validation-error");
    const adminCaller = { ...t.owner, role: "admin" as const };
    expect(await codeOf(() => addMember(adminCaller, { email: email(), name: "X", password: "un-mot-de-passe", role: "owner" }))).toBe("not-authorized");
    const staffCaller = { ...t.owner, role: "staff" as const };
    expect(await codeOf(() => listMembers(staffCaller))).toBe("not-authorized");
    const second = await addMember(t.owner, { email: email(), name: "Second", password: "un-mot-de-passe", role: "owner" });
    expect((await editMember(t.owner, owner.userId, { role: "staff", companyIds: [t.companyA.id] })).role).toBe("staff");
    await removeMember(t.owner, owner.userId);
    expect((await listMembers(t.owner)).some((m) => m.userId === owner.userId)).toBe(false);
    expect((await listMembers(t.owner)).some((m) => m.userId === second.userId)).toBe(true);
  });
});

describe("session versions", () => {
  const email = () => `s${Math.random().toString(36).slice(2)}@exemple.ci`;
  const versionOf = async (userId: string) => {
    const { getDb } = await import("@/db");
    const { users } = await import("@/db/schema");
    const { eq } = await import("drizzle-orm");
    const [u] = await (await getDb()).select({ v: users.sessionVersion }).from(users).where(eq(users.id, userId));
    return u.v;
  };

  it("a password, a role change or a removal raises the version; a session made before is refused", async () => {
    const { callerForUser } = await import("@/lib/auth/members");
    const { changeOwnPassword, setMemberPassword } = await import("@/lib/auth/team");
    const t = await makeTenant("Sessions");
    const m = await addMember(t.owner, { email: email(), name: "Membre", password: "un-mot-de-passe", role: "admin" });
    const v1 = await versionOf(m.userId);
    expect(await callerForUser(m.userId, t.appId, v1)).not.toBeNull();

    // A wrong current password changes nothing.
    expect(await codeOf(() => changeOwnPassword(m.userId, { current: "pas-le-bon-mdp", next: "un-autre-mot-de-passe" }))).toBe("validation-error");
    expect(await versionOf(m.userId)).toBe(v1);
    expect(await codeOf(() => changeOwnPassword(m.userId, { current: "un-mot-de-passe", next: "court" }))).toBe("validation-error");

    await changeOwnPassword(m.userId, { current: "un-mot-de-passe", next: "un-autre-mot-de-passe" });
    const v2 = await versionOf(m.userId);
    expect(v2).toBeGreaterThan(v1);
    expect(await callerForUser(m.userId, t.appId, v1)).toBeNull();
    expect(await callerForUser(m.userId, t.appId, v2)).not.toBeNull();

    await setMemberPassword(t.owner, m.userId, "encore-un-mot-de-passe");
    await editMember(t.owner, m.userId, { role: "staff", companyIds: [t.companyA.id] });
    // Editing without a change ends nothing.
    const v3 = await versionOf(m.userId);
    await editMember(t.owner, m.userId, { role: "staff", companyIds: [t.companyA.id] });
    expect(await versionOf(m.userId)).toBe(v3);
    await removeMember(t.owner, m.userId);
    expect(await versionOf(m.userId)).toBeGreaterThan(v3);
  });
});
