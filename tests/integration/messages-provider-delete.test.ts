// Removing a channel's provider (lib/messages/settings.ts deleteProvider): owners and admins on
// the whole app only; the row goes with its sealed secrets; an unknown channel or one never set
// is provider-not-found; the messages waiting for that channel then fail with the same reason as
// when no provider was ever set, without reaching the adapter.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { messageProviders, messages } from "@/db/schema";
import { deleteProvider, listProviders, setProvider } from "@/lib/messages";
import type { ChannelAdapter } from "@/lib/messages/channel";
import { messageConfig } from "@/lib/messages/config";
import { sendDue } from "@/lib/messages/sender";
import { codeOf, makeTenant, type Tenant } from "../support/factories";
import { insertMessage } from "../support/messages";

let t: Tenant;
const T0 = new Date("2031-03-05T10:00:00Z");
const whatsapp = {
  settings: { phoneNumberId: "1234567890" },
  secrets: { accessToken: "EAAG-token", appSecret: "app-secret", verifyToken: "verify-token-123" },
};

beforeAll(async () => {
  t = await makeTenant("Provider delete");
});

describe("deleteProvider", () => {
  it("removes the provider and its sealed secrets; again, or an unknown channel: provider-not-found", async () => {
    await setProvider(t.owner, "whatsapp", whatsapp);
    const removed = await deleteProvider(t.owner, "whatsapp");
    expect(removed).toMatchObject({ channel: "whatsapp", secrets: { accessToken: true } });
    expect((await listProviders(t.owner)).map((p) => p.channel)).not.toContain("whatsapp");
    const db = await getDb();
    const rows = await db.select().from(messageProviders).where(and(eq(messageProviders.appId, t.appId), eq(messageProviders.channel, "whatsapp")));
    expect(rows).toHaveLength(0);
    expect(await codeOf(() => deleteProvider(t.owner, "whatsapp"))).toBe("provider-not-found");
    expect(await codeOf(() => deleteProvider(t.owner, "pigeon"))).toBe("provider-not-found");
  });

  it("is the owners' and admins' on the whole app, as for set", async () => {
    await setProvider(t.owner, "whatsapp", whatsapp);
    expect(await codeOf(() => deleteProvider(t.caller({ scopes: ["appointments:read", "catalog:write", "webhooks:manage"] }), "whatsapp"))).toBe("not-authorized");
    expect(await codeOf(() => deleteProvider(t.caller({ scopes: ["messages:manage"], companyIds: [t.companyA.id] }), "whatsapp"))).toBe("not-authorized");
    expect((await listProviders(t.owner)).map((p) => p.channel)).toContain("whatsapp");
    expect(await codeOf(() => deleteProvider(t.caller({ scopes: ["messages:manage"] }), "whatsapp"))).toBe("no-error");
  });

  it("messages waiting for the channel then fail as with no provider, never reaching the adapter", async () => {
    await setProvider(t.owner, "whatsapp", whatsapp);
    const a = await t.book();
    const m = await insertMessage(
      { appId: t.appId, companyId: a.companyId, id: a.id, customerId: t.customer.id },
      { channel: "whatsapp", recipient: t.customer.telephone, state: "queued", dueAt: T0 },
    );
    await deleteProvider(t.owner, "whatsapp");
    const calls: string[] = [];
    const adapter: ChannelAdapter = {
      channel: "whatsapp",
      idempotent: true,
      async send(message) {
        calls.push(message.id);
        return { state: "sent", providerId: `p-${message.id}` };
      },
    };
    await sendDue({ ...messageConfig({}), concurrency: 2 }, { appId: t.appId, now: T0, adapters: { whatsapp: adapter } });
    const db = await getDb();
    const [row] = await db.select().from(messages).where(and(eq(messages.appId, t.appId), eq(messages.id, m.id)));
    expect(row.state).toBe("failed");
    expect(row.failureReason).toBe("Fournisseur whatsapp non configuré pour cette application");
    expect(calls).toEqual([]);
  });
});
