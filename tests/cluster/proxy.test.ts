// Three instances behind haproxy (round robin) on one primary and its replica, as
// `npm run cluster` runs them: whatever instance takes a request, sessions, sign-in throttling,
// rate limits and idempotency keys behave as on one instance, and a caller reads its own writes
// even while the replica is behind (its replay paused here; REPLICA_MAX_LAG_MS is raised so the
// paused replica keeps serving the others, which shows where each read ran).
import { chromium } from "@playwright/test";
import { and, count, eq } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitForReplay } from "../../scripts/cluster/postgres";
import { startCluster, type TestCluster } from "../support/cluster";

const SALON = "salon-elegance-cocody";
const OWNER = { email: "proprietaire@demo.rendez-vous.ci", password: "Abidjan-Demo-2026" };
const STAFF = { email: "accueil.spa@demo.rendez-vous.ci", password: "Spa-Plateau-2026" };

let cluster: TestCluster;
let replicaSql: postgres.Sql;

beforeAll(async () => {
  cluster = await startCluster({ replica: true, instances: 3, env: { REPLICA_MAX_LAG_MS: "600000" } });
  process.env.DATABASE_URL = cluster.databaseUrl;
  const { getDb } = await import("@/db");
  const { seedDemo } = await import("@/lib/demo/seed");
  await seedDemo(await getDb());
  await waitForReplay(cluster.databaseUrl, cluster.replicaUrl!);
  replicaSql = postgres(cluster.replicaUrl!, { max: 1, onnotice: () => {} });
}, 300_000);

afterAll(async () => {
  const { closeDb } = await import("@/db");
  await closeDb();
  await replicaSql?.end({ timeout: 2 });
  await cluster?.stop();
});

type Sent = { status: number; instance: string | null; body: any; headers: Headers };

async function api(route: string, body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Sent> {
  const { DEMO } = await import("@/lib/demo/catalog");
  const res = await fetch(`${cluster.url}/app/${DEMO.appId}/multi-service/${route}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, instance: res.headers.get("x-rendez-vous-instance"), body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

/** A cookie jar for plain fetch: name → value. */
type Jar = Map<string, string>;
const cookieHeader = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
function keep(jar: Jar, res: Response) {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const i = pair.indexOf("=");
    jar.set(pair.slice(0, i), pair.slice(i + 1));
  }
}

/** Auth.js's own sign-in over HTTP: the CSRF token from one request, the credentials in the next (round robin: another instance). */
async function signIn(email: string, password: string) {
  const jar: Jar = new Map();
  const csrf = await fetch(`${cluster.url}/api/auth/csrf`);
  keep(jar, csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${cluster.url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${cluster.url}/` }),
  });
  keep(jar, res);
  const location = res.headers.get("location") ?? "";
  return { jar, location, code: new URL(location, cluster.url).searchParams.get("code"), signedIn: [...jar.keys()].some((k) => k.endsWith("session-token")) };
}

describe("behind the proxy", () => {
  it("spreads requests over the three instances", async () => {
    const seen = new Set<string | null>();
    for (let i = 0; i < 6; i++) seen.add((await fetch(`${cluster.url}/api/ready`)).headers.get("x-rendez-vous-instance"));
    expect([...seen].sort()).toEqual(["app1", "app2", "app3"]);
  });

  it("a session opened through one instance is valid on every instance", async () => {
    const session = await signIn(OWNER.email, OWNER.password);
    expect(session.signedIn).toBe(true);
    const answers: { status: number; instance: string | null }[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`${cluster.url}/c/${SALON}/appointments`, { headers: { cookie: cookieHeader(session.jar) }, redirect: "manual" });
      await res.arrayBuffer();
      answers.push({ status: res.status, instance: res.headers.get("x-rendez-vous-instance") });
    }
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(new Set(answers.map((a) => a.instance)).size).toBe(3);
  });

  it("sign-in throttling counts failures from every instance: the fifth locks the address, even for the right password", async () => {
    const codes: (string | null)[] = [];
    for (let i = 0; i < 5; i++) codes.push((await signIn(STAFF.email, `wrong-${i}`)).code);
    expect(codes).toEqual(["invalid", "invalid", "invalid", "invalid", "throttled"]);
    const locked = await signIn(STAFF.email, STAFF.password);
    expect({ signedIn: locked.signedIn, code: locked.code }).toEqual({ signedIn: false, code: "throttled" });
  });

  it("a key's rate limit is one bucket whichever instance answers", async () => {
    const { createApiKey } = await import("@/lib/auth/api-keys");
    const { systemCaller } = await import("@/lib/auth/caller");
    const { DEMO } = await import("@/lib/demo/catalog");
    const { key } = await createApiKey(systemCaller(DEMO.appId), { name: "five a minute", scopes: ["appointments:read"], rateLimit: 5 });
    const answers: Sent[] = [];
    for (let i = 0; i < 8; i++) answers.push(await api("appointments/list", { apiKey: key, limit: 1 }));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    expect(new Set(answers.map((a) => a.instance)).size).toBe(3);
    expect(Number(answers[5].headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("one Idempotency-Key sent to every instance at once books once; the others answer in flight or replay it", async () => {
    const { DEMO } = await import("@/lib/demo/catalog");
    const { getDb } = await import("@/db");
    const { appointments } = await import("@/db/schema");
    const booking = await freeBooking();
    const headers = { "idempotency-key": `proxy-${Date.now()}` };
    const answers = await Promise.all(Array.from({ length: 6 }, () => api("appointments/create", { apiKey: DEMO.apiKey, ...booking }, headers)));
    const created = answers.filter((a) => a.status === 201);
    expect(created.length).toBeGreaterThan(0);
    for (const a of answers.filter((a) => a.status !== 201)) {
      expect({ status: a.status, code: a.body.error?.code, inFlight: a.body.error?.details?.inFlight }).toEqual({
        status: 409,
        code: "idempotency-conflict",
        inFlight: true,
      });
    }
    expect(new Set(created.map((a) => a.body.data.id)).size).toBe(1);
    const again = await api("appointments/create", { apiKey: DEMO.apiKey, ...booking }, headers);
    expect({ status: again.status, replayed: again.headers.get("idempotent-replayed"), id: again.body.data?.id }).toEqual({
      status: 201,
      replayed: "true",
      id: created[0].body.data.id,
    });
    const db = await getDb();
    const [{ n }] = await db
      .select({ n: count() })
      .from(appointments)
      .where(and(eq(appointments.appId, DEMO.appId), eq(appointments.date, new Date(booking.date))));
    expect(Number(n)).toBe(1);
  });

  it("an API key reads its own write on the next instance while the replica is behind; another key reads the replica", async () => {
    const { DEMO } = await import("@/lib/demo/catalog");
    const { createApiKey } = await import("@/lib/auth/api-keys");
    const { systemCaller } = await import("@/lib/auth/caller");
    const { key: other } = await createApiKey(systemCaller(DEMO.appId), { name: "reader", scopes: ["appointments:read"], rateLimit: 1000 });
    await waitForReplay(cluster.databaseUrl, cluster.replicaUrl!);
    const booking = await freeBooking();
    await pauseReplay();
    try {
      const created = await api("appointments/create", { apiKey: DEMO.apiKey, ...booking });
      expect(created.status).toBe(201);
      const id = created.body.data.id;
      const range = { from: booking.date, to: new Date(new Date(booking.date).getTime() + 60_000).toISOString(), companyId: booking.companyId };
      // The writer, on each of the three instances in turn.
      for (let i = 0; i < 3; i++) {
        const mine = await api("appointments/list", { apiKey: DEMO.apiKey, ...range });
        expect(mine.body.data.map((a: { id: string }) => a.id)).toEqual([id]);
      }
      const theirs = await api("appointments/list", { apiKey: other, ...range });
      expect({ status: theirs.status, data: theirs.body.data }).toEqual({ status: 200, data: [] });
    } finally {
      await resumeReplay();
    }
  });

  it("a member reads their own change after the action and on reload, on any instance, while the replica is behind", async () => {
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
    try {
      const context = await browser.newContext({ baseURL: cluster.url, locale: "fr-FR" });
      const page = await context.newPage();
      await page.goto("/login");
      await page.locator("form[data-hydrated]").waitFor();
      await page.getByLabel("Adresse e-mail").fill(OWNER.email);
      await page.getByLabel("Mot de passe").fill(OWNER.password);
      await page.getByRole("button", { name: "Se connecter" }).click();
      await page.waitForURL(/\/c\/salon-elegance-cocody\/appointments/);

      const list = `/c/${SALON}/appointments?range=all&status=PENDING&sort=desc`;
      const pendingIds = async (p = page) => {
        await p.goto(list);
        await p.locator("[data-hydrated]").first().waitFor({ state: "attached" });
        return p.locator("tbody tr[data-id]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-id")));
      };
      await waitForReplay(cluster.databaseUrl, cluster.replicaUrl!);
      const before = await pendingIds();
      const row = page.locator("tbody tr[data-id]").first();
      const id = await row.getAttribute("data-id");
      expect(id).toBeTruthy();
      await pauseReplay();
      try {
        const confirm = row.getByRole("button", { name: /^Confirmer — / });
        await confirm.click();
        // The page the action answers with is read after the write: the row is no longer pending.
        await page.locator(`tbody tr[data-id="${id}"]`).waitFor({ state: "detached" });
        // Reloads land on the other instances: each reads the primary for this member.
        for (let i = 0; i < 3; i++) expect(await pendingIds()).not.toContain(id);

        // The same member in another browser, without this one's recent write: the replica,
        // which has not replayed the change yet.
        // Neither the read-after mark of its write nor the live refresh's freshness mark goes with it.
        const cookies = (await context.storageState()).cookies.filter((c) => c.name !== "rdv-read-after" && c.name !== "rdv-fresh");
        const other = await browser.newContext({ baseURL: cluster.url, locale: "fr-FR", storageState: { cookies, origins: [] } });
        const otherPage = await other.newPage();
        expect(await pendingIds(otherPage)).toEqual(before);
        await other.close();
      } finally {
        await resumeReplay();
      }
    } finally {
      await browser.close();
    }
  });
});

async function pauseReplay() {
  await replicaSql`select pg_wal_replay_pause()`;
  for (;;) {
    const [{ state }] = await replicaSql`select pg_get_wal_replay_pause_state() as state`;
    if (state === "paused") return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function resumeReplay() {
  await replicaSql`select pg_wal_replay_resume()`;
  await waitForReplay(cluster.databaseUrl, cluster.replicaUrl!);
}

let slot = 0;
/** A booking of the demo's first salon service and agent, years ahead, at a time never used before. */
async function freeBooking() {
  const { getDb } = await import("@/db");
  const { agentServices, companies, customers, services } = await import("@/db/schema");
  const { DEMO } = await import("@/lib/demo/catalog");
  const db = await getDb();
  const [company] = await db.select().from(companies).where(and(eq(companies.appId, DEMO.appId), eq(companies.slug, SALON)));
  const [link] = await db
    .select()
    .from(agentServices)
    .where(and(eq(agentServices.appId, DEMO.appId), eq(agentServices.companyId, company.id)))
    .limit(1);
  const [service] = await db.select().from(services).where(and(eq(services.appId, DEMO.appId), eq(services.id, link.serviceId)));
  const [customer] = await db.select().from(customers).where(eq(customers.appId, DEMO.appId)).limit(1);
  return {
    companyId: company.id,
    serviceId: service.id,
    agentId: link.agentId,
    customerId: customer.id,
    date: new Date(Date.UTC(2031, 0, 1, 8) + slot++ * 3 * 3_600_000).toISOString(),
    filledFields: requiredAnswers(service.fields as { name: string; type: string; required?: boolean; options?: { value: string }[] }[]),
  };
}

/** An answer to each required custom field (the first option of a choice). */
function requiredAnswers(fields: { name: string; type: string; required?: boolean; options?: { value: string }[] }[]) {
  const out: Record<string, unknown> = {};
  for (const f of fields ?? []) {
    if (!f.required) continue;
    if (f.type === "select") out[f.name] = f.options![0].value;
    else if (f.type === "multipleSelect") out[f.name] = [f.options![0].value];
    else if (f.type === "number") out[f.name] = 1;
    else out[f.name] = "test";
  }
  return out;
}
