// A message's content for one appointment and trigger: the channel and address chosen for the
// customer, the company's text (or the default) in the customer's language, rendered. Pure but
// for the phone metadata (server side).
import "server-only";
import type { AppointmentJson } from "../contract/events";
import type { CompanyMessageSettings } from "../contract/message-settings";
import { DEFAULT_TEMPLATES, renderTemplate, SUBJECTS, variablesOf } from "../contract/message-templates";
import type { MessageChannel, MessageLanguage, MessageTrigger } from "../contract/messages";
import { chooseRecipient, type RecipientCustomer } from "./recipient";

export type ComposeCustomer = RecipientCustomer & { fullname: string; firstName: string | null; language: MessageLanguage };
export type ComposeCompany = { name: string; address: string | null; telephone: string | null; timezone: string; currency: string };

export type Composed = {
  channel: MessageChannel | null;
  recipient: string | null;
  language: MessageLanguage;
  subject: string | null;
  body: string;
  template: { name: string; language: string; parameters: string[] } | null;
  /** Why no channel can take it (then it is recorded as failed). */
  unreachable: string | null;
};

export function compose(
  trigger: MessageTrigger,
  a: Pick<AppointmentJson, "date" | "totalPrice" | "cancellation" | "service" | "agent">,
  customer: ComposeCustomer,
  company: ComposeCompany,
  settings: CompanyMessageSettings,
  channels: ReadonlySet<MessageChannel>,
): Composed {
  const lang = customer.language;
  const vars = variablesOf(
    {
      firstName: customer.firstName,
      fullname: customer.fullname,
      service: a.service.name,
      date: new Date(a.date),
      timeZone: company.timezone,
      agent: a.agent?.fullname,
      company: company.name,
      address: company.address,
      companyPhone: company.telephone,
      price: a.totalPrice,
      currency: company.currency,
      reason: trigger === "cancelled" ? a.cancellation?.reason : null,
    },
    lang,
  );
  const to = chooseRecipient(customer, channels);
  const wa = to.channel === "whatsapp" ? settings.whatsappTemplates[trigger] : undefined;
  return {
    channel: to.channel,
    recipient: to.channel ? to.to : null,
    language: lang,
    subject: to.channel === "email" ? renderTemplate(SUBJECTS[lang][trigger], vars) : null,
    body: renderTemplate(settings.templates[lang]?.[trigger] ?? DEFAULT_TEMPLATES[lang][trigger], vars),
    template: wa ? { name: wa.name, language: lang, parameters: wa.variables.map((v) => vars[v]) } : null,
    unreachable: to.channel ? null : to.reason,
  };
}
