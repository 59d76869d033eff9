// Talking to the running servers, and tenants with API keys made through the domain.
import { inject } from "vitest";
import { createApiKey } from "@/lib/auth/api-keys";
import { SCOPES, type Scope } from "@/lib/contract/scopes";
import { makeTenant } from "../../support/factories";

export const API_URL = inject("apiUrl");
export const NEXT_URL = inject("nextUrl");

/** Keys made for tests get a limit no test reaches, but the rate-limit tests' own. */
export const UNLIMITED = 1_000_000;

export type Answer = {
  status: number;
  headers: Headers;
  // Tests read answers freely; the envelope's shape is asserted where it matters.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  text: string;
};

export async function send(url: string, init: RequestInit): Promise<Answer> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, body, text };
}

export function apiPath(appId: string, route: string): string {
  return `/app/${appId}/multi-service/${route}`;
}

/** POST a JSON body to an endpoint of an app (on the production server unless `base` says). */
export function post(
  appId: string,
  route: string,
  body: unknown,
  options: { headers?: Record<string, string>; base?: string } = {},
): Promise<Answer> {
  return send(`${options.base ?? API_URL}${apiPath(appId, route)}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...options.headers },
    body: JSON.stringify(body),
  });
}

export type KeyOptions = { scopes?: readonly Scope[]; companyId?: string; rateLimit?: number; name?: string };

/** A tenant (makeTenant: two companies, a service, an agent and a customer each) and its keys. */
export async function makeApiTenant(name = "HTTP") {
  const tenant = await makeTenant(name);
  /** A new key of this app: its secret and its id. */
  const keyRecord = async (options: KeyOptions = {}) => {
    const { key: secret, apiKey } = await createApiKey(tenant.owner, {
      name: options.name ?? "test key",
      scopes: [...(options.scopes ?? SCOPES)],
      companyId: options.companyId,
      rateLimit: options.rateLimit ?? UNLIMITED,
    });
    return { secret, id: apiKey.id };
  };
  const key = async (options: KeyOptions = {}) => (await keyRecord(options)).secret;
  const admin = await key({ name: "admin" });
  /** POST with this tenant's all-scopes key in the body. */
  const call = (route: string, body: Record<string, unknown> = {}, options: { key?: string; headers?: Record<string, string>; base?: string } = {}) =>
    post(tenant.appId, route, { apiKey: options.key ?? admin, ...body }, options);
  return { ...tenant, key, keyRecord, admin, call };
}

export type ApiTenant = Awaited<ReturnType<typeof makeApiTenant>>;

/** A date string free for the tenant's agentA (every call a later hour). */
export function slotIso(tenant: ApiTenant): string {
  return tenant.nextSlot().toISOString();
}
