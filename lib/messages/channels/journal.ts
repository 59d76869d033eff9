// The journal channel: sends nothing, the message's row is its record (the demo's channel, and
// a company trying messages before it has a provider). Always "sent"; sending again is harmless.
import type { ChannelAdapter } from "../channel";

export const journalAdapter: ChannelAdapter = {
  channel: "journal",
  idempotent: true,
  async send(message) {
    return { state: "sent", providerId: `journal-${message.id}` };
  },
};
