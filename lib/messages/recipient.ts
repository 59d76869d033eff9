// Which channel a message takes to a customer, and to what address. The default rule: WhatsApp
// for a mobile number, else SMS for a number that may be a mobile, else e-mail; a fixed line
// never gets WhatsApp or SMS. The customer's preferred channel goes first, refused channels
// never, and only channels the app has a provider for. An app with the journal on and no fitting
// provider records the message in the journal (the demo).
import "server-only";
import type { MessageChannel } from "../contract/messages";
import { phoneKind } from "../contract/phone-kind";

export type RecipientCustomer = { telephone: string; email: string | null; preferredChannel: MessageChannel | null; optOuts: readonly string[] };

export type Recipient = { channel: MessageChannel; to: string } | { channel: null; reason: string };

/** Where each channel would reach this customer (null: it cannot). */
function addressOn(channel: MessageChannel, c: RecipientCustomer): string | null {
  const kind = phoneKind(c.telephone);
  switch (channel) {
    case "whatsapp":
      return kind === "mobile" ? c.telephone : null;
    case "sms":
      return kind === "fixed" ? null : c.telephone;
    case "email":
      return c.email;
    case "journal":
      return c.email && phoneKind(c.telephone) === "fixed" ? c.email : c.telephone;
  }
}

const DEFAULT_ORDER: MessageChannel[] = ["whatsapp", "sms", "email"];

export function chooseRecipient(c: RecipientCustomer, available: ReadonlySet<MessageChannel>): Recipient {
  const order = c.preferredChannel ? [c.preferredChannel, ...DEFAULT_ORDER.filter((ch) => ch !== c.preferredChannel)] : DEFAULT_ORDER;
  const reachable = order.filter((ch) => !c.optOuts.includes(ch) && addressOn(ch, c) !== null);
  const journal = available.has("journal") && !c.optOuts.includes("journal") ? "journal" : undefined;
  const channel = reachable.find((ch) => available.has(ch)) ?? journal;
  if (channel) return { channel, to: addressOn(channel, c)! };
  if (reachable.length === 0) return { channel: null, reason: "Aucun canal possible pour ce client (numéro fixe sans e-mail, ou canaux refusés)" };
  return { channel: null, reason: `Aucun fournisseur configuré pour ${reachable.join(", ")}` };
}
