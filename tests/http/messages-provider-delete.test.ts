// Removing a provider through the API (messages/providers/delete): gone from the list with its
// secrets; again, a channel never set or an unknown one: 404 provider-not-found; a key without
// messages:manage or limited to a company: 403, the provider kept. On the production server and
// on the Next route handler; the typed client calls it too.
import { beforeAll, describe, expect, it } from "vitest";
import { createClient } from "@/lib/client";
import { type ApiTenant, API_URL, makeApiTenant, NEXT_URL } from "./support/api";

let t: ApiTenant;
const whatsapp = {
  channel: "whatsapp",
  settings: { phoneNumberId: "1234567890" },
  secrets: { accessToken: "EAAG-token", appSecret: "app-secret", verifyToken: "verify-token-123" },
};

beforeAll(async () => {
  t = await makeApiTenant("Provider delete");
});

describe.each([
  ["production server", API_URL],
  ["next start", NEXT_URL],
])("messages/providers/delete (%s)", (_, base) => {
  const channels = async () => {
    const listed = await t.call("messages/providers/list", {}, { base });
    expect(listed.status, listed.text).toBe(200);
    return listed.body.data.map((p: { channel: string }) => p.channel);
  };

  it("removes the provider; again, never set or unknown: 404 provider-not-found", async () => {
    expect((await t.call("messages/providers/set", whatsapp, { base })).status).toBe(200);
    const res = await t.call("messages/providers/delete", { channel: "whatsapp" }, { base });
    expect(res.status, res.text).toBe(200);
    expect(res.body.data).toMatchObject({ channel: "whatsapp", secrets: { accessToken: true } });
    expect(res.text).not.toContain("EAAG-token");
    expect(await channels()).not.toContain("whatsapp");
    for (const channel of ["whatsapp", "email", "pigeon"]) {
      const again = await t.call("messages/providers/delete", { channel }, { base });
      expect({ status: again.status, code: again.body.error?.code }, channel).toEqual({ status: 404, code: "provider-not-found" });
    }
    const missing = await t.call("messages/providers/delete", {}, { base });
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.body.error.details.fields)).toEqual(["channel"]);
  });

  it("needs messages:manage on the whole app, the provider kept otherwise", async () => {
    expect((await t.call("messages/providers/set", whatsapp, { base })).status).toBe(200);
    const noScope = await t.key({ scopes: ["appointments:read", "catalog:write"] });
    const limited = await t.key({ scopes: ["messages:manage"], companyId: t.companyA.id });
    for (const apiKey of [noScope, limited]) {
      const res = await t.call("messages/providers/delete", { channel: "whatsapp" }, { base, key: apiKey });
      expect({ status: res.status, code: res.body.error?.code }).toEqual({ status: 403, code: "not-authorized" });
    }
    expect(await channels()).toContain("whatsapp");
    const client = createClient({ baseUrl: base });
    const done = await client.app.multiService.message.provider.delete({ appId: t.appId, apiKey: t.admin, channel: "whatsapp" });
    expect(done).toMatchObject({ success: true, data: { channel: "whatsapp" } });
    expect(await channels()).not.toContain("whatsapp");
  });
});
