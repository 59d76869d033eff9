import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Tx } from "@/db";
import { companies, membershipCompanies, memberships, users } from "@/db/schema";
import { AppError } from "../contract/errors";
import { isUuid } from "../contract/ids";
import { id, requiredText } from "../contract/validation";
import { parseInput } from "../contract/parse";
import { type Caller, requireManager } from "./caller";
import { endSessions } from "./members";
import { hashPassword, verifyPassword } from "./password";
import { MEMBER_ROLES } from "../contract/scopes";
import { newPassword, PASSWORD_TOO_SHORT } from "../contract/password";

export const memberInput = z.object({
  email: z.email("Adresse e-mail invalide").max(254).transform((e) => e.toLowerCase()),
  name: requiredText(120),
  /** Needed only when the e-mail is new: an existing user keeps their password. */
  password: newPassword.optional(),
  role: z.enum(MEMBER_ROLES),
  companyIds: z.array(id).max(500).default([]),
});
export type MemberInput = z.input<typeof memberInput>;

export const passwordInput = z.object({ password: newPassword });
export const ownPasswordInput = z.object({ current: z.string().min(1, "Obligatoire").max(200), next: newPassword });

export const memberEdit = z.object({
  role: z.enum(MEMBER_ROLES).optional(),
  companyIds: z.array(id).max(500).optional(),
});
export type MemberEdit = z.input<typeof memberEdit>;

/** The app's members with their role and, for staff, their companies. */
export async function listMembers(caller: Caller) {
  requireManager(caller);
  const db = await getDb();
  return db
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      role: memberships.role,
      createdAt: memberships.createdAt,
      companyIds: sql<string[]>`coalesce((
        SELECT array_agg(${membershipCompanies.companyId}::text ORDER BY ${membershipCompanies.companyId})
        FROM ${membershipCompanies}
        WHERE ${membershipCompanies.appId} = ${memberships.appId} AND ${membershipCompanies.userId} = ${memberships.userId}
      ), '{}')`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.appId, caller.appId))
    .orderBy(asc(users.name));
}

export type MemberView = Awaited<ReturnType<typeof listMembers>>[number];

/** Only an owner may make owners. */
function requireMayGrant(caller: Caller, role: (typeof MEMBER_ROLES)[number]) {
  requireManager(caller);
  if (role === "owner" && caller.role !== "owner") {
    throw new AppError("not-authorized", "Seul un propriétaire peut nommer un propriétaire", { status: 403 });
  }
}

/**
 * Adds someone to the app: an existing user (by e-mail) gets a membership, a new one is
 * created with the given password. Staff must be given at least one company.
 */
export async function addMember(caller: Caller, input: MemberInput) {
  const data = parseInput(memberInput, input);
  requireMayGrant(caller, data.role);
  if (data.role === "staff" && data.companyIds.length === 0) {
    throw new AppError("validation-error", "Choisissez au moins une entreprise pour ce membre", {
      details: { fields: { companyIds: ["Au moins une entreprise"] } },
    });
  }
  const db = await getDb();
  const [existing] = await db.select().from(users).where(eq(users.email, data.email)).limit(1);
  if (!existing && !data.password) {
    throw new AppError("validation-error", "Un mot de passe est nécessaire pour un nouvel utilisateur", {
      details: { fields: { password: [PASSWORD_TOO_SHORT] } },
    });
  }
  const passwordHash = existing ? null : await hashPassword(data.password!);
  const userId = await db.transaction(async (tx) => {
    const user =
      existing ??
      (await tx
        .insert(users)
        .values({ email: data.email, name: data.name, passwordHash: passwordHash! })
        .onConflictDoNothing({ target: users.email })
        .returning())[0] ??
      (await tx.select().from(users).where(eq(users.email, data.email)))[0];
    const inserted = await tx
      .insert(memberships)
      .values({ appId: caller.appId, userId: user.id, role: data.role })
      .onConflictDoNothing()
      .returning();
    if (inserted.length === 0) {
      throw new AppError("validation-error", "Cette personne fait déjà partie de l'équipe", {
        details: { fields: { email: ["Déjà membre"] } },
      });
    }
    await setCompanies(tx, caller.appId, user.id, data.role === "staff" ? data.companyIds : []);
    return user.id;
  });
  return getMember(caller, userId);
}

export async function getMember(caller: Caller, userId: string) {
  const member = (await listMembers(caller)).find((m) => m.userId === userId);
  if (!member) throw new AppError("user-not-found");
  return member;
}

/** Changes a member's role or companies; the app always keeps an owner. */
export async function editMember(caller: Caller, userId: string, input: MemberEdit) {
  const data = parseInput(memberEdit, input);
  requireManager(caller);
  if (!isUuid(userId)) throw new AppError("user-not-found");
  const current = await getMember(caller, userId);
  const role = data.role ?? current.role;
  if (data.role) requireMayGrant(caller, data.role);
  if (current.role === "owner" && caller.role !== "owner") {
    throw new AppError("not-authorized", "Seul un propriétaire peut modifier un propriétaire", { status: 403 });
  }
  const companyIds = data.companyIds ?? current.companyIds;
  if (role === "staff" && companyIds.length === 0) {
    throw new AppError("validation-error", "Choisissez au moins une entreprise pour ce membre", {
      details: { fields: { companyIds: ["Au moins une entreprise"] } },
    });
  }
  const db = await getDb();
  await db.transaction(async (tx) => {
    if (current.role === "owner" && role !== "owner") await requireAnotherOwner(tx, caller.appId, userId);
    await tx.update(memberships).set({ role }).where(and(eq(memberships.appId, caller.appId), eq(memberships.userId, userId)));
    await setCompanies(tx, caller.appId, userId, role === "staff" ? companyIds : []);
    // Their rights changed: open sessions end, they sign in again to the new ones.
    if (role !== current.role || companyIds.join() !== current.companyIds.join()) await endSessions(tx, userId);
  });
  return getMember(caller, userId);
}

export async function removeMember(caller: Caller, userId: string) {
  requireManager(caller);
  const current = await getMember(caller, userId);
  if (current.role === "owner" && caller.role !== "owner") {
    throw new AppError("not-authorized", "Seul un propriétaire peut retirer un propriétaire", { status: 403 });
  }
  const db = await getDb();
  await db.transaction(async (tx) => {
    if (current.role === "owner") await requireAnotherOwner(tx, caller.appId, userId);
    await tx.delete(memberships).where(and(eq(memberships.appId, caller.appId), eq(memberships.userId, userId)));
    await endSessions(tx, userId);
  });
}

/**
 * A new password for a member (an owner or admin handing it over, e.g. a forgotten one): their
 * open sessions end. Only for members of this app, and an owner's only by an owner.
 */
export async function setMemberPassword(caller: Caller, userId: string, password: string) {
  requireManager(caller);
  if (!isUuid(userId)) throw new AppError("user-not-found");
  const current = await getMember(caller, userId);
  if (current.role === "owner" && caller.role !== "owner") {
    throw new AppError("not-authorized", "Seul un propriétaire peut changer le mot de passe d'un propriétaire", { status: 403 });
  }
  const { password: checked } = parseInput(passwordInput, { password });
  await replacePassword(userId, checked);
}

/** A member changes their own password, giving the current one: their other sessions end too. */
export async function changeOwnPassword(userId: string, input: { current: string; next: string }) {
  const data = parseInput(ownPasswordInput, input);
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user || !(await verifyPassword(user.passwordHash, data.current))) {
    throw new AppError("validation-error", "Le mot de passe actuel n'est pas le bon", {
      details: { fields: { current: ["Mot de passe actuel incorrect"] } },
    });
  }
  await replacePassword(userId, data.next);
}

/** Stores a new password and ends the user's open sessions, together or not at all. */
async function replacePassword(userId: string, password: string) {
  const hash = await hashPassword(password);
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash: hash }).where(eq(users.id, userId));
    await endSessions(tx, userId);
  });
}

async function requireAnotherOwner(tx: Tx, appId: string, leavingUserId: string) {
  // Lock the owners so two demotions at once cannot leave the app with none.
  const owners = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.appId, appId), eq(memberships.role, "owner")))
    .for("update");
  if (!owners.some((o) => o.userId !== leavingUserId)) {
    throw new AppError("validation-error", "L'application doit garder au moins un propriétaire", {
      details: { fields: { role: ["Dernier propriétaire"] } },
    });
  }
}

async function setCompanies(tx: Tx, appId: string, userId: string, companyIds: string[]) {
  const unique = [...new Set(companyIds)];
  if (!unique.every(isUuid)) throw new AppError("company-not-found");
  await tx.delete(membershipCompanies).where(and(eq(membershipCompanies.appId, appId), eq(membershipCompanies.userId, userId)));
  if (unique.length === 0) return;
  const found = await tx
    .select({ id: companies.id })
    .from(companies)
    .where(and(eq(companies.appId, appId), sql`${companies.id} IN (${sql.join(unique.map((c) => sql`${c}::uuid`), sql`, `)})`));
  if (found.length !== unique.length) throw new AppError("company-not-found");
  await tx.insert(membershipCompanies).values(unique.map((companyId) => ({ appId, userId, companyId })));
}
