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
