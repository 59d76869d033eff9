// The channel adapters by channel name: the sender looks a message's channel up here and
// knows nothing of providers. A channel with no adapter here fails with its reason.
import type { MessageChannel } from "../../contract/messages";
import type { ChannelAdapter } from "../channel";
import { journalAdapter } from "./journal";
import { smsChannel } from "./sms";
import { smtpChannel } from "./smtp";
import { whatsappChannel } from "./whatsapp";

export type AdapterRegistry = Partial<Record<MessageChannel, ChannelAdapter>>;

export const CHANNEL_ADAPTERS: AdapterRegistry = {
  journal: journalAdapter,
  email: smtpChannel,
  whatsapp: whatsappChannel,
  sms: smsChannel,
};
