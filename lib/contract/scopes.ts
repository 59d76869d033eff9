// What an API key or a member may do. Pure: the API-key form lists them.

export const SCOPES = [
  "appointments:read",
  "appointments:write",
  "appointments:status",
  "catalog:read",
  "catalog:write",
  "data:export",
  "webhooks:manage",
  "messages:manage",
] as const;

export type Scope = (typeof SCOPES)[number];

/** Members are not API keys; their role gives them scopes (and owners/admins manage settings). */
export const ROLE_SCOPES = {
  owner: [...SCOPES],
  admin: [...SCOPES],
  staff: ["appointments:read", "appointments:write", "appointments:status", "catalog:read"],
} as const satisfies Record<string, readonly Scope[]>;

export const MEMBER_ROLES = ["owner", "admin", "staff"] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
