// The data export over HTTP, on both servers: a ZIP streamed with the API's headers, the key's
// app (and company) only, 403 without the scope; and the typed client's stream.
import { beforeAll, describe, expect, it } from "vitest";
import { createClient } from "@/lib/client";
import { createAppointment } from "@/lib/appointments";
import { eventsSettled } from "../support/factories";
import { unzipTexts } from "../support/unzip";
import { API_URL, apiPath, type ApiTenant, makeApiTenant, NEXT_URL } from "./support/api";

let mine: ApiTenant;
let theirs: ApiTenant;
const mineIds: string[] = [];

beforeAll(async () => {
  mine = await makeApiTenant("Export HTTP");
  theirs = await makeApiTenant("Export HTTP other");
  mineIds.push((await mine.book()).id, (await mine.book()).id);
  mineIds.push(
    (
      await createAppointment(mine.owner, {
        serviceId: mine.serviceB.id,
        customerId: mine.customer.id,
        agentId: mine.agentB.id,
        date: new Date(Date.UTC(2030, 0, 1, 9)),
      })
    ).id,
  );
  await theirs.book();
  await eventsSettled(mine.appId);
});

async function download(base: string, key: string) {
  const res = await fetch(`${base}${apiPath(mine.appId, "export")}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: "{}",
  });
  return res;
}

const ids = (json: string | undefined) => (JSON.parse(json!) as { id: string }[]).map((r) => r.id).sort();

describe("POST …/export", () => {
  for (const [name, base] of [
    ["production server", API_URL],
    ["next start", NEXT_URL],
  ] as const) {
    it(`answers the app's ZIP on the ${name}`, async () => {
      const res = await download(base, mine.admin);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/zip");
      expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="rendez-vous-export-\d{4}-\d\d-\d\d\.zip"$/);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("cache-control")).toBe("no-store");
      const files = await unzipTexts(Buffer.from(await res.arrayBuffer()));
      expect(ids(files.get("appointments.json"))).toEqual([...mineIds].sort());
      expect(files.get("appointments.csv")).toContain(mineIds[0]);
      expect(ids(files.get("companies.json"))).toEqual([mine.companyA.id, mine.companyB.id].sort());
      const all = [...files.values()].join("\n");
      for (const id of [theirs.appId, theirs.companyA.id, theirs.customer.id, theirs.serviceA.id]) expect(all).not.toContain(id);
    });
  }

  it("gives a key limited to one company that company's rows only", async () => {
    const key = await mine.key({ companyId: mine.companyB.id, scopes: ["data:export"] });
    const res = await download(API_URL, key);
    expect(res.status).toBe(200);
    const files = await unzipTexts(Buffer.from(await res.arrayBuffer()));
    expect(ids(files.get("companies.json"))).toEqual([mine.companyB.id]);
    expect(ids(files.get("appointments.json"))).toEqual([mineIds[2]]);
    expect(files.get("services.json")).not.toContain(mine.serviceA.id);
  });

  it("answers 403 not-authorized to a key without data:export, and 401 to another app's key", async () => {
    const key = await mine.key({ scopes: ["appointments:read", "catalog:read"] });
    for (const base of [API_URL, NEXT_URL]) {
      const res = await download(base, key);
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ success: false, error: { code: "not-authorized" } });
    }
    const res = await download(API_URL, theirs.admin);
    expect(res.status).toBe(401);
  });

  it("the typed client hands the ZIP over as a stream, or the error", async () => {
    const client = createClient({ baseUrl: API_URL });
    const result = await client.app.multiService.data.export({ appId: mine.appId, apiKey: mine.admin });
    if (!result.success) throw new Error(result.error.message);
    expect(result.data.filename).toMatch(/\.zip$/);
    const files = await unzipTexts(Buffer.from(await new Response(result.data.body).arrayBuffer()));
    expect(ids(files.get("appointments.json"))).toEqual([...mineIds].sort());

    const refused = await client.app.multiService.data.export({ appId: mine.appId, apiKey: await mine.key({ scopes: ["catalog:read"] }) });
    expect(refused).toMatchObject({ success: false, error: { code: "not-authorized" } });
  });
});
