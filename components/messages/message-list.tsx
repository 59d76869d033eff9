// A short list of messages (an appointment's history, a customer's recent ones): what, through
// which channel, its state with its time and reason. No state: usable from server pages.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { MessageStateBadge, useChannelName } from "./message-state";
import type { MessageRow } from "./types";

export function MessageList({
  rows,
  label,
  appointmentHref,
  className,
}: {
  rows: readonly MessageRow[];
  label: string;
  /** Set: each message links to its appointment (a customer's page). */
  appointmentHref?: (appointmentId: string) => string;
  className?: string;
}) {
  const t = useTranslations("MessagesPage");
  const channelName = useChannelName();
  return (
    <ol className={className ?? "flex flex-col gap-2"} aria-label={label}>
      {rows.map((m) => (
        <li key={m.id} data-message={m.id} data-state={m.state} className="grid gap-1 rounded-md border bg-card p-2.5 text-sm">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <span className="font-medium">
              {t(`trigger.${m.trigger}`)} · {channelName(m.channel)}
            </span>
            <MessageStateBadge state={m.state} />
          </div>
          <p className="text-xs text-muted-foreground">
            <time dateTime={m.at} className="tabular-nums">
              {m.when}
            </time>
            {m.recipient ? ` · ${m.recipient}` : ""}
          </p>
          {m.reason ? <p className={m.state === "failed" || m.state === "unknown" ? "text-xs text-destructive" : "text-xs text-muted-foreground"}>{m.reason}</p> : null}
          {appointmentHref && m.appointmentId ? (
            <Link
              href={appointmentHref(m.appointmentId)}
              className="w-fit rounded text-xs text-primary underline-offset-4 outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/60"
            >
              {m.appointment}
            </Link>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
