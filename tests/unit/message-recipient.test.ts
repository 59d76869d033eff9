// The channel a message takes: the preferred one first, then WhatsApp for a mobile, SMS, e-mail;
// a fixed line never gets WhatsApp or SMS; refused channels never; only channels with a
// provider, the journal catching the rest when it is on.
import { describe, expect, it } from "vitest";
import type { MessageChannel } from "@/lib/contract/messages";
import { chooseRecipient } from "@/lib/messages/recipient";

const MOBILE = "+2250707123456";
const FIXED = "+2252722445566";
const all = new Set<MessageChannel>(["whatsapp", "sms", "email"]);
const c = (over: Partial<Parameters<typeof chooseRecipient>[0]> = {}) => ({ telephone: MOBILE, email: "a@example.com", preferredChannel: null, optOuts: [], ...over });

describe("chooseRecipient", () => {
  it("takes WhatsApp for a mobile, else SMS, else e-mail, by the providers there are", () => {
    expect(chooseRecipient(c(), all)).toEqual({ channel: "whatsapp", to: MOBILE });
    expect(chooseRecipient(c(), new Set(["sms", "email"]))).toEqual({ channel: "sms", to: MOBILE });
    expect(chooseRecipient(c(), new Set(["email"]))).toEqual({ channel: "email", to: "a@example.com" });
  });

  it("never sends WhatsApp or SMS to a fixed line", () => {
    expect(chooseRecipient(c({ telephone: FIXED }), all)).toEqual({ channel: "email", to: "a@example.com" });
    expect(chooseRecipient(c({ telephone: FIXED, preferredChannel: "sms" }), all)).toEqual({ channel: "email", to: "a@example.com" });
    const none = chooseRecipient(c({ telephone: FIXED, email: null }), all);
    expect(none.channel).toBeNull();
  });

  it("puts the preferred channel first and skips refused ones; the journal takes the rest when on", () => {
    expect(chooseRecipient(c({ preferredChannel: "email" }), all)).toEqual({ channel: "email", to: "a@example.com" });
    expect(chooseRecipient(c({ optOuts: ["whatsapp"] }), all)).toEqual({ channel: "sms", to: MOBILE });
    expect(chooseRecipient(c(), new Set(["journal"]))).toEqual({ channel: "journal", to: MOBILE });
    expect(chooseRecipient(c({ optOuts: ["journal"] }), new Set(["journal"])).channel).toBeNull();
  });
});
