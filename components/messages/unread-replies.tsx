"use client";

import { Check, Loader2, MessageCircleReply } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { useActions } from "@/components/actions-context";
import { useErrorMessage } from "@/components/form";
import { Button } from "@/components/ui/button";
import { useChannelName } from "./message-state";
import type { ReplyRow } from "./types";

/**
 * What customers answered that no rule could act on ("Je serai en retard"): staff read it, see
 * the appointment it is tied to, and mark it read. Shown only while there are some.
 */
export function UnreadReplies({ replies, slug }: { replies: ReplyRow[]; slug: string }) {
  const actions = useActions();
  const t = useTranslations("MessagesPage");
  const words = useErrorMessage();
  const channelName = useChannelName();
  const [busy, setBusy] = useState<string | null>(null);
  // Hidden at once; the server's list follows with the refresh.
  const [read, setRead] = useState<ReadonlySet<string>>(new Set());
  const shown = replies.filter((r) => !read.has(r.id));
  if (shown.length === 0) return null;

  async function markRead(r: ReplyRow) {
    setBusy(r.id);
    const result = await actions.markReplyRead({ id: r.id });
    setBusy(null);
    if (!result.ok) return void toast.error(words(result));
    setRead((s) => new Set(s).add(r.id));
    toast.success(t("replies.marked"), { description: r.customerName ?? r.sender });
  }

  return (
    <section aria-labelledby="replies-title" className="rounded-lg border border-amber-300 bg-amber-50/60 p-3 sm:p-4" data-testid="unread-replies">
      <h2 id="replies-title" className="mb-3 flex items-center gap-2 text-lg font-semibold">
        <MessageCircleReply aria-hidden className="size-5 text-amber-800" />
        {t("replies.title", { count: shown.length })}
      </h2>
      <ul className="flex flex-col gap-2">
        {shown.map((r) => (
          <li key={r.id} data-reply={r.id} className="flex flex-col gap-2 rounded-md border bg-card p-3 sm:flex-row sm:items-start sm:justify-between">
            <div className="grid min-w-0 gap-1">
              <p className="text-sm">
                <span className="font-medium">{r.customerName ?? r.sender}</span>
                <span className="text-muted-foreground">
                  {" · "}
                  {channelName(r.channel)} · <time dateTime={r.at}>{r.when}</time>
                </span>
              </p>
              <blockquote className="border-l-2 border-amber-400 pl-3 text-sm break-words whitespace-pre-wrap">{r.text}</blockquote>
              {r.appointmentId && r.appointment ? (
                <Link
                  href={`/c/${slug}/appointments/${r.appointmentId}`}
                  className="w-fit rounded text-sm text-primary underline-offset-4 outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/60"
                >
                  {t("replies.appointment", { appointment: r.appointment })}
                </Link>
              ) : null}
            </div>
            <Button
              variant="outline"
              size="sm"
              className="shrink-0 self-start"
              disabled={busy === r.id}
              onClick={() => void markRead(r)}
              aria-label={t("replies.markNamed", { customer: r.customerName ?? r.sender })}
            >
              {busy === r.id ? <Loader2 aria-hidden className="animate-spin" /> : <Check aria-hidden />}
              {t("replies.mark")}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
