"use client";

import { type ColumnDef, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import { Loader2, MessageSquareText, RotateCcw } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useQueryStates } from "nuqs";
import { useMemo, useState, useTransition } from "react";
import { toast } from "sonner";
import { useActions } from "@/components/actions-context";
import { DataTable } from "@/components/data-table/data-table";
import { useErrorMessage } from "@/components/form";
import { EmptyState } from "@/components/list/bits";
import { ListLayout, ResponsiveRows } from "@/components/list/list-layout";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import { MessageStateBadge, useChannelName } from "./message-state";
import { MessagesToolbar } from "./messages-toolbar";
import { UnreadReplies } from "./unread-replies";
import { messagesParsers, type MessagesFilters } from "./search-params";
import { type MessageRow, type ReplyRow, RESENDABLE } from "./types";

type T = ReturnType<typeof useTranslations>;
type Handlers = { slug: string; busy: ReadonlySet<string>; onResend: (m: MessageRow) => void; channelName: (c: MessageRow["channel"]) => string };

const linkClass = "rounded underline-offset-4 outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/60";

/** The state, and under it the provider's reason (failed, unknown) or why it was dropped. */
function StateCell({ m }: { m: MessageRow }) {
  return (
    <div className="grid max-w-64 justify-items-start gap-1">
      <MessageStateBadge state={m.state} />
      {m.reason ? (
        <p className={cn("text-xs", m.state === "failed" || m.state === "unknown" ? "text-destructive" : "text-muted-foreground")} data-testid="message-reason">
          {m.reason}
        </p>
      ) : null}
    </div>
  );
}

function ResendButton({ m, h, t }: { m: MessageRow; h: Handlers; t: T }) {
  if (!RESENDABLE.includes(m.state)) return null;
  const busy = h.busy.has(m.id);
  return (
    <Button
      variant="outline"
      size="sm"
      disabled={busy}
      onClick={() => h.onResend(m)}
      aria-label={t("resendNamed", { customer: m.customerName, trigger: t(`trigger.${m.trigger}`) })}
    >
      {busy ? <Loader2 aria-hidden className="animate-spin" /> : <RotateCcw aria-hidden />}
      {t("resend")}
    </Button>
  );
}

function columns(t: T, h: Handlers): ColumnDef<MessageRow>[] {
  return [
    {
      id: "when",
      header: t("columns.when"),
      cell: ({ row }) => (
        <time dateTime={row.original.at} className="whitespace-nowrap tabular-nums">
          {row.original.when}
        </time>
      ),
    },
    {
      id: "customer",
      header: t("columns.customer"),
      cell: ({ row }) =>
        row.original.customerId ? (
          <Link href={`/c/${h.slug}/customers/${row.original.customerId}`} className={cn("font-medium", linkClass)}>
            {row.original.customerName}
          </Link>
        ) : (
          <span className="font-medium">{row.original.customerName}</span>
        ),
    },
    {
      id: "appointment",
      header: t("columns.appointment"),
      cell: ({ row }) =>
        row.original.appointmentId ? (
          <Link href={`/c/${h.slug}/appointments/${row.original.appointmentId}`} className={cn("text-sm", linkClass)} data-testid="message-appointment">
            {row.original.appointment}
          </Link>
        ) : null,
    },
    { id: "trigger", header: t("columns.trigger"), cell: ({ row }) => t(`trigger.${row.original.trigger}`) },
    {
      id: "channel",
      header: t("columns.channel"),
      cell: ({ row }) => (
        <div className="grid">
          <span>{h.channelName(row.original.channel)}</span>
          {row.original.recipient ? <span className="text-xs text-muted-foreground tabular-nums">{row.original.recipient}</span> : null}
        </div>
      ),
    },
    { id: "state", header: t("columns.state"), cell: ({ row }) => <StateCell m={row.original} /> },
    {
      id: "actions",
      header: () => <span className="sr-only">{t("columns.actions")}</span>,
      cell: ({ row }) => <ResendButton m={row.original} h={h} t={t} />,
    },
  ];
}

/**
 * The company's message journal: filters in the URL, read on the server; a page of 50 due up to
 * now, newest first, and "Plus anciens" adds the older ones below; "À venir" shows those planned
 * after now, soonest first ("Plus tard" for the next ones). Unread replies above it.
 */
export function MessagesView({
  rows,
  nextCursor,
  filterKey,
  replies,
  slug,
  timeZone,
}: {
  rows: MessageRow[];
  /** The filters the server read `rows` under: a new set drops the older pages read before. */
  filterKey: string;
  nextCursor: string | null;
  replies: ReplyRow[];
  slug: string;
  timeZone: string;
}) {
  const actions = useActions();
  const t = useTranslations("MessagesPage");
  const words = useErrorMessage();
  const channelName = useChannelName();
  const [loading, startLoading] = useTransition();
  const [params, setParams] = useQueryStates(messagesParsers, { shallow: false, history: "push", startTransition: startLoading });
  // Older pages read with "Plus anciens", under the filters of `filterKey`. Reset here rather than
  // by remounting the view, which would close a filter's menu opened while the list reloads.
  const [older, setOlder] = useState<{ key: string; rows: MessageRow[]; cursor: string | null }>({ key: filterKey, rows: [], cursor: null });
  if (older.key !== filterKey) setOlder({ key: filterKey, rows: [], cursor: null });
  const [loadingOlder, startOlder] = useTransition();
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());

  // The first page follows the server (live refreshes, a resend); older ones stay below it, once each.
  const shown = useMemo(() => {
    const first = new Set(rows.map((r) => r.id));
    return [...rows, ...older.rows.filter((r) => !first.has(r.id))];
  }, [rows, older.rows]);
  const cursor = older.rows.length ? older.cursor : nextCursor;

  const filters: MessagesFilters = { state: params.state, channel: params.channel, from: params.from, to: params.to, upcoming: params.upcoming };
  const filtered = filters.state.length > 0 || filters.channel.length > 0 || !!filters.from || !!filters.to;

  function loadOlder() {
    if (!cursor) return;
    startOlder(async () => {
      const r = await actions.olderMessages({ company: slug, ...filters, cursor });
      if (!r.ok) return void toast.error(words(r));
      setOlder((o) => (o.key === filterKey ? { ...o, rows: [...o.rows, ...r.data.rows], cursor: r.data.nextCursor } : o));
    });
  }

  function resend(m: MessageRow) {
    setBusy((b) => new Set(b).add(m.id));
    void (async () => {
      const r = await actions.resendMessage({ id: m.id });
      setBusy((b) => {
        const next = new Set(b);
        next.delete(m.id);
        return next;
      });
      if (!r.ok) return void toast.error(words(r));
      toast.success(t("resent"), { description: `${m.customerName} · ${t(`trigger.${m.trigger}`)}` });
      // Due now: it moves to the top of the first page, which the server sends again.
      setOlder((o) => ({ ...o, rows: o.rows.filter((x) => x.id !== m.id) }));
    })();
  }

  const handlers: Handlers = { slug, busy, onResend: resend, channelName };
  const cols = useMemo(() => columns(t, handlers), [t, handlers.busy, slug]); // eslint-disable-line react-hooks/exhaustive-deps
  const table = useReactTable({ data: shown, columns: cols, getRowId: (r) => r.id, getCoreRowModel: getCoreRowModel(), manualPagination: true });

  const empty = filtered ? (
    <EmptyState
      icon={<MessageSquareText />}
      title={t("empty.filtered")}
      body={t("empty.filteredHint")}
      action={
        <Button variant="outline" size="sm" onClick={() => void setParams({ state: null, channel: null, from: null, to: null })}>
          {t("filters.reset")}
        </Button>
      }
    />
  ) : filters.upcoming ? (
    <EmptyState icon={<MessageSquareText />} title={t("upcoming.empty")} body={t("upcoming.emptyBody")} />
  ) : (
    <EmptyState icon={<MessageSquareText />} title={t("empty.title")} body={t("empty.body")} />
  );

  return (
    <ListLayout
      before={<UnreadReplies replies={replies} slug={slug} />}
      toolbar={<MessagesToolbar values={filters} onChange={(patch) => void setParams(patch)} timeZone={timeZone} />}
    >
      <section aria-labelledby="journal-title" className="flex flex-col gap-3">
        <h2 id="journal-title" className="text-lg font-semibold">
          {filters.upcoming ? t("upcoming.title") : t("journal")}
        </h2>
        <div className={cn("relative transition-opacity", loading && "opacity-60")} aria-busy={loading} data-testid="journal">
          <ResponsiveRows
            label={t("journal")}
            rows={shown}
            rowKey={(r) => r.id}
            cardProps={(r) => ({ "data-message": r.id, "data-state": r.state }) as React.ComponentProps<"li">}
            listClassName="gap-2"
            empty={empty}
            table={
              <DataTable
                table={table}
                empty={empty}
                caption={t("journal")}
                className="hidden md:block"
                rowProps={(r) => ({ "data-message": r.id, "data-state": r.state }) as React.ComponentProps<"tr">}
              />
            }
            card={(m) => (
              <>
                <div className="flex items-start justify-between gap-2">
                  <div className="min-w-0">
                    {m.customerId ? (
                      <Link href={`/c/${slug}/customers/${m.customerId}`} className={cn("block truncate font-medium", linkClass)}>
                        {m.customerName}
                      </Link>
                    ) : (
                      <span className="block truncate font-medium">{m.customerName}</span>
                    )}
                    <p className="text-sm">
                      {t(`trigger.${m.trigger}`)} · {channelName(m.channel)}
                    </p>
                  </div>
                  <time dateTime={m.at} className="shrink-0 text-sm text-muted-foreground tabular-nums">
                    {m.when}
                  </time>
                </div>
                {m.appointmentId ? (
                  <Link href={`/c/${slug}/appointments/${m.appointmentId}`} className={cn("w-fit text-sm text-primary", linkClass)}>
                    {m.appointment}
                  </Link>
                ) : null}
                <div className="flex flex-wrap items-end justify-between gap-2">
                  <StateCell m={m} />
                  <ResendButton m={m} h={handlers} t={t} />
                </div>
              </>
            )}
          />
        </div>
        {cursor ? (
          <div className="flex justify-center">
            <Button variant="outline" size="sm" disabled={loadingOlder} onClick={loadOlder}>
              {loadingOlder ? <Loader2 aria-hidden className="animate-spin" /> : null}
              {filters.upcoming ? t("later") : t("older")}
            </Button>
          </div>
        ) : null}
      </section>
    </ListLayout>
  );
}
