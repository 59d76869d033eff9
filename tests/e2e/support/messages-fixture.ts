// What the messages journal's e2e needs beyond the demo's journal (all sent): a message that
// failed and a reply to read. Made through the domain before the server starts: a customer who
// refused every channel (the journal too) books, so the planner records the message as failed
// with its reason; then they write "Je serai en retard" by WhatsApp, a reply no rule acts on.
import { TZDate } from "@date-fns/tz";
import { createAppointment } from "../../../lib/appointments";
import { systemCaller } from "../../../lib/auth/caller";
import { createCustomer, getCompanyBySlug, listServices } from "../../../lib/catalog";
import { DEMO } from "../../../lib/demo/catalog";
import { handleReply, planAll } from "../../../lib/messages";
import { MESSAGES_FIXTURE, SALON } from "./accounts";
import { openDay } from "./days";

export async function addMessagesFixture() {
  const caller = systemCaller(DEMO.appId);
  const company = await getCompanyBySlug(caller, SALON);
  const { customer, created } = await createCustomer(caller, {
    fullname: MESSAGES_FIXTURE.customer,
    telephone: MESSAGES_FIXTURE.phone,
    optOuts: ["whatsapp", "sms", "email", "journal"],
  });
  if (!created) throw new Error(`the messages fixture's number ${MESSAGES_FIXTURE.phone} belongs to a demo customer`);
  const services = await listServices(caller, { companyId: company.id, limit: 50 });
  // A service whose required fields are all choices: filled with their first option.
  const service = services.data.find((s) => s.fields.every((f) => !f.required || f.type === "select"));
  if (!service) throw new Error("no simple service in the salon");
  const filledFields = Object.fromEntries(service.fields.filter((f) => f.required).map((f) => [f.name, f.options[0].value]));
  await createAppointment(caller, { serviceId: service.id, customerId: customer.id, date: `${openDay(3)}T10:00:00Z`, filledFields }, { forceHours: true });
  // Planned as at the last noon on the salon's clock: from 21:00 to 07:00 the planner moves a
  // message to 07:00 (quiet hours), which would take the failed one out of the journal's
  // "up to now" view the tests open, whenever they run at night.
  await planAll(lastNoon(company.timezone));
  await handleReply(DEMO.appId, {
    kind: "reply",
    channel: "whatsapp",
    from: MESSAGES_FIXTURE.phone,
    text: MESSAGES_FIXTURE.reply,
    providerId: `e2e-reply-${Date.now()}`,
    at: new Date(),
  });
}

function lastNoon(timeZone: string): Date {
  const now = new TZDate(Date.now(), timeZone);
  const noon = new TZDate(now.getFullYear(), now.getMonth(), now.getDate(), 12, 0, 0, timeZone);
  if (noon.getTime() > now.getTime()) noon.setDate(noon.getDate() - 1);
  return new Date(noon.getTime());
}
