// The one interface every channel adapter (SMTP e-mail, WhatsApp Cloud API, HTTP SMS, journal)
// implements, so the sender knows nothing of providers.
import type { MessageChannel, MessageState } from "@/lib/contract/messages";

/** One message ready to go: rendered, addressed, with a key the provider can dedupe on. */
export type OutgoingMessage = {
  /** Our message id; also the idempotency key given to providers that accept one. */
  id: string;
  channel: MessageChannel;
  /** E.164 for WhatsApp and SMS, an address for e-mail. */
  to: string;
  /** E-mail only. */
  subject?: string;
  /** The rendered text (free-form channels, and the journal's record). */
  body: string;
  /** WhatsApp business-initiated messages: an approved template and its ordered parameters. */
  template?: { name: string; language: string; parameters: string[] };
  /**
   * WhatsApp: the customer wrote to us within the last 24 hours, so free text (no template) is
   * allowed. Unset or false: a message without a template is refused, not sent.
   */
  customerWindowOpen?: boolean;
};

/**
 * What one attempt did. `retry: true` means the provider or the network failed in a way worth
 * another attempt later (5xx, timeout before sending); `unknown` means the request may have
 * reached the provider but the answer was lost, and the channel has no idempotency key to make
 * a second attempt safe.
 */
export type SendOutcome =
  | { state: "sent"; providerId: string }
  | { state: "failed"; reason: string; retry: boolean }
  | { state: "unknown"; reason: string };

/** A provider's settings as stored for an app (secrets already decrypted by the caller). */
export type ChannelSettings = Record<string, string | undefined>;

export interface ChannelAdapter {
  readonly channel: MessageChannel;
  send(message: OutgoingMessage, settings: ChannelSettings, signal?: AbortSignal): Promise<SendOutcome>;
  /** Whether a second attempt after a lost answer cannot send twice (the provider dedupes on our id). */
  readonly idempotent: boolean;
}

/** What a provider's callback says, once its signature is verified and its shape read. */
export type InboundEvent =
  | {
      kind: "status";
      channel: MessageChannel;
      providerId: string;
      /** Our message id, when the provider echoes it beside its own (the SMS callbacks' `reference`). */
      messageId?: string;
      state: Extract<MessageState, "sent" | "delivered" | "read" | "failed">;
      reason?: string;
    }
  | { kind: "reply"; channel: MessageChannel; from: string; text: string; providerId: string; at: Date };
