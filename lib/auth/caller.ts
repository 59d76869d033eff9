// The caller context every domain function takes. Resolved once per request (session or API
// key) and passed down; the domain enforces tenant scope and scopes with it, here and only here.
import { type Placeholder, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { ReadAfter } from "@/db";
import { AppError } from "../contract/errors";
import { type MemberRole, type Scope, SCOPES } from "../contract/scopes";

export type Actor =
  | { type: "user"; id: string; name: string }
  | { type: "api_key"; id: string; name: string }
  | { type: "system"; id: null; name: string }
  /** A customer acting by replying to a message: their id, "Client (WhatsApp)". */
  | { type: "client"; id: string; name: string };

export type Caller = {
  appId: string;
  /** "all" for owners, admins and unrestricted keys. */
  companyIds: readonly string[] | "all";
  scopes: readonly Scope[];
  actor: Actor;
  /** Set for members; API keys have none and cannot manage settings. */
  role?: MemberRole;
  /**
   * Where the caller's last write ended in the primary's WAL (or how to look it up): reads
   * that may go to a replica wait for it there (read-your-writes). Absent: no recent write.
   */
  readAfter?: ReadAfter;
};

export function hasScope(caller: Caller, scope: Scope): boolean {
  return caller.scopes.includes(scope);
}

/** A valid caller without the right answers 403 not-authorized. */
export function requireScope(caller: Caller, scope: Scope): void {
  if (!hasScope(caller, scope)) {
    throw new AppError("not-authorized", "Droits insuffisants pour cette opération", { status: 403 });
  }
}

/** For reads and writes that more than one scope allows (customers: booking apps and the catalog). */
export function requireAnyScope(caller: Caller, ...scopes: Scope[]): void {
  if (!scopes.some((s) => hasScope(caller, s))) requireScope(caller, scopes[0]);
}

/** Owners and admins manage the app: companies, team, API keys, settings. */
export function isManager(caller: Caller): boolean {
  return caller.role === "owner" || caller.role === "admin";
}

export function requireManager(caller: Caller): void {
  if (!isManager(caller)) {
    throw new AppError("not-authorized", "Réservé aux propriétaires et administrateurs", { status: 403 });
  }
}

export function canSeeCompany(caller: Caller, companyId: string): boolean {
  return caller.companyIds === "all" || caller.companyIds.includes(companyId);
}

/**
 * The one tenant rule below the app, as SQL: a company_id column limited to the caller's
 * companies (undefined when they see them all). Every domain read and write of company data
 * goes through it. Prepared statements pass a placeholder for the list and fill it with
 * `scopeCompanies(caller)`.
 */
export function companyScope(caller: Caller, column: SQLWrapper, list?: Placeholder): SQL | undefined {
  if (caller.companyIds === "all") return undefined;
  return sql`${column} = ANY(${list ?? sql.param(scopeCompanies(caller))}::uuid[])`;
}

/**
 * The caller narrowed to one company (a dashboard page's): the domain's own scoping then answers
 * not-found for anything of another company, the one it could see included. A company the
 * caller cannot see leaves them none.
 */
export function withinCompany(caller: Caller, companyId: string): Caller {
  return { ...caller, companyIds: canSeeCompany(caller, companyId) ? [companyId] : [] };
}

/** The company ids a limited caller may see, for a prepared statement's scope placeholder. */
export function scopeCompanies(caller: Caller): string[] {
  return caller.companyIds === "all" ? [] : [...caller.companyIds];
}

/** A caller for scripts (seed, CLI): the whole app, every scope. */
export function systemCaller(appId: string, name = "système"): Caller {
  return {
    appId,
    companyIds: "all",
    scopes: [...SCOPES],
    actor: { type: "system", id: null, name },
    role: "owner",
  };
}
