// What the planner needs beside an event to make its messages, read once per batch of events:
// each company's settings and details, each customer's messaging fields, each app's channels.
import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db";
import { companies, customers, messageProviders, messageSettings } from "@/db/schema";
import { type CompanyMessageSettings, readSettings } from "../contract/message-settings";
import type { MessageChannel } from "../contract/messages";
import type { ComposeCompany, ComposeCustomer } from "./compose";

export type PlanContext = {
  company(appId: string, companyId: string): (ComposeCompany & { settings: CompanyMessageSettings }) | undefined;
  customer(appId: string, customerId: string): ComposeCustomer | undefined;
  channels(appId: string): ReadonlySet<MessageChannel>;
};

const key = (a: string, b: string) => `${a}/${b}`;

export async function loadContext(db: Queryable, refs: { appId: string; companyId: string; customerId: string }[]): Promise<PlanContext> {
  const appIds = [...new Set(refs.map((r) => r.appId))];
  const companyIds = [...new Set(refs.map((r) => r.companyId))];
  const customerIds = [...new Set(refs.map((r) => r.customerId))];
  if (appIds.length === 0) return { company: () => undefined, customer: () => undefined, channels: () => new Set() };
  const [companyRows, customerRows, providerRows] = await Promise.all([
    db
      .select({
        appId: companies.appId,
        id: companies.id,
        name: companies.name,
        address: companies.address,
        telephone: companies.telephone,
        timezone: companies.timezone,
        currency: companies.currency,
        settings: messageSettings.settings,
      })
      .from(companies)
      .leftJoin(messageSettings, and(eq(messageSettings.appId, companies.appId), eq(messageSettings.companyId, companies.id)))
      .where(and(inArray(companies.appId, appIds), inArray(companies.id, companyIds))),
    db
      .select({
        appId: customers.appId,
        id: customers.id,
        fullname: customers.fullname,
        firstName: customers.firstName,
        telephone: customers.telephone,
        email: customers.email,
        language: customers.language,
        preferredChannel: customers.preferredChannel,
        optOuts: customers.optOuts,
      })
      .from(customers)
      .where(and(inArray(customers.appId, appIds), inArray(customers.id, customerIds))),
    db
      .select({ appId: messageProviders.appId, channel: messageProviders.channel })
      .from(messageProviders)
      .where(and(inArray(messageProviders.appId, appIds), eq(messageProviders.enabled, true))),
  ]);
  const companyMap = new Map(companyRows.map((c) => [key(c.appId, c.id), { ...c, settings: readSettings(c.settings) }]));
  const customerMap = new Map(customerRows.map((c) => [key(c.appId, c.id), c]));
  const channelMap = new Map<string, Set<MessageChannel>>();
  for (const p of providerRows) channelMap.set(p.appId, (channelMap.get(p.appId) ?? new Set()).add(p.channel));
  return {
    company: (appId, companyId) => companyMap.get(key(appId, companyId)),
    customer: (appId, customerId) => customerMap.get(key(appId, customerId)),
    channels: (appId) => channelMap.get(appId) ?? new Set(),
  };
}
