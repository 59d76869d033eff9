import { Ban, CheckCheck, CircleAlert, CircleHelp, Clock, Eye, Hourglass, Send } from "lucide-react";
import { useTranslations } from "next-intl";
import type { MessageChannel, MessageState } from "@/lib/contract/messages";
import { cn } from "@/lib/utils";

// One colour per state, readable (AA contrast) on white, plus an icon so colour is not the only cue.
const STYLES: Record<MessageState, string> = {
  scheduled: "border-slate-300 bg-slate-50 text-slate-800",
  queued: "border-amber-300 bg-amber-50 text-amber-900",
  sent: "border-sky-300 bg-sky-50 text-sky-900",
  delivered: "border-emerald-300 bg-emerald-50 text-emerald-900",
  read: "border-teal-400 bg-teal-50 text-teal-900",
  failed: "border-red-300 bg-red-50 text-red-800",
  cancelled: "border-neutral-300 bg-neutral-100 text-neutral-700",
  unknown: "border-orange-300 bg-orange-50 text-orange-900",
};

const ICONS: Record<MessageState, typeof Clock> = {
  scheduled: Clock,
  queued: Hourglass,
  sent: Send,
  delivered: CheckCheck,
  read: Eye,
  failed: CircleAlert,
  cancelled: Ban,
  unknown: CircleHelp,
};

export function MessageStateIcon({ state, className }: { state: MessageState; className?: string }) {
  const Icon = ICONS[state];
  return <Icon aria-hidden className={cn("size-3.5", className)} />;
}

export function MessageStateBadge({ state, className }: { state: MessageState; className?: string }) {
  const t = useTranslations("MessagesPage.state");
  return (
    <span
      data-message-state={state}
      className={cn("inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap", STYLES[state], className)}
    >
      <MessageStateIcon state={state} />
      {t(state)}
    </span>
  );
}

/** "WhatsApp", "SMS", "E-mail", "Journal"; none: "Aucun canal". */
export function useChannelName() {
  const t = useTranslations("MessagesPage.channel");
  return (channel: MessageChannel | null) => t(channel ?? "none");
}
