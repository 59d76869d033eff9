"use client";

import { tz } from "@date-fns/tz";
import { format } from "date-fns/format";
import { Loader2, RefreshCw, RotateCcw } from "lucide-react";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState, useTransition } from "react";
import { toast } from "sonner";
import { useActions } from "@/components/actions-context";
import { useErrorMessage } from "@/components/form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle } from "@/components/ui/sheet";
import type { WebhookDelivery } from "@/lib/contract/webhooks";
import type { WebhookRow } from "./webhooks-view";

/**
 * An endpoint's delivery log in a side sheet: each delivery's last attempt, and "Renvoyer".
 * A page of 50 at a time, newest first; "Plus anciens" adds the next page below.
 */
export function WebhookDeliveries({
  endpoint,
  timezone,
  onClose,
  typeLabel,
}: {
  endpoint: WebhookRow | null;
  timezone: string;
  onClose: () => void;
  typeLabel: (type: string) => string;
}) {
  const actions = useActions();
  const t = useTranslations("settings.webhooks.deliveries");
  const tc = useTranslations("catalog");
  const words = useErrorMessage();
  const [rows, setRows] = useState<WebhookDelivery[] | null>(null);
  const [older, setOlder] = useState<string | null>(null);
  const [loading, start] = useTransition();
  const when = (iso: string) => format(new Date(iso), "dd/MM HH:mm:ss", { in: tz(timezone) });

  // No cursor: the first page again (refresh, after a resend); a cursor: the page after it, added below.
  const load = useCallback(
    (id: string, cursor?: string) =>
      start(async () => {
        const r = await actions.webhookDeliveries({ id, cursor });
        if (!r.ok) return void toast.error(words(r));
        setRows((before) => (cursor ? [...(before ?? []), ...r.data.data] : r.data.data));
        setOlder(r.data.nextCursor);
      }),
    [actions, words],
  );

  useEffect(() => {
    setRows(null);
    if (endpoint) load(endpoint.id);
  }, [endpoint, load]);

  function retry(d: WebhookDelivery) {
    if (!endpoint) return;
    start(async () => {
      const r = await actions.retryWebhookDelivery({ id: endpoint.id, deliveryId: d.id });
      if (!r.ok) return void toast.error(words(r));
      toast.success(t("retried"));
      load(endpoint.id);
    });
  }

  return (
    <Sheet open={endpoint !== null} onOpenChange={(o) => !o && onClose()}>
      <SheetContent closeLabel={tc("close")} className="overflow-y-auto sm:max-w-2xl">
        <SheetHeader className="p-4 pb-0">
          <SheetTitle>{t("title")}</SheetTitle>
          <SheetDescription className="break-all">{t("description", { url: endpoint?.url ?? "" })}</SheetDescription>
        </SheetHeader>
        <div className="flex justify-end px-4">
          <Button variant="outline" size="sm" disabled={loading || !endpoint} onClick={() => endpoint && load(endpoint.id)}>
            {loading ? <Loader2 aria-hidden className="animate-spin" /> : <RefreshCw aria-hidden />}
            {t("refresh")}
          </Button>
        </div>
        {rows === null ? (
          <p className="px-4 text-sm text-muted-foreground" role="status">
            {t("loading")}
          </p>
        ) : rows.length === 0 ? (
          <p className="px-4 text-sm text-muted-foreground">{t("empty")}</p>
        ) : (
          <ol className="flex flex-col gap-2 px-4 pb-4" aria-label={t("title")}>
            {rows.map((d) => (
              <li key={d.id} data-delivery={d.id} data-status={d.status} className="grid gap-1.5 rounded-md border p-3 text-sm">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium">{typeLabel(d.eventType)}</span>
                    <Badge variant={d.status === "delivered" ? "secondary" : d.status === "failed" ? "destructive" : "outline"}>{t(d.status)}</Badge>
                  </div>
                  <Button variant="outline" size="sm" disabled={loading} onClick={() => retry(d)}>
                    <RotateCcw aria-hidden />
                    {t("retry")}
                  </Button>
                </div>
                <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 text-xs">
                  <dt className="text-muted-foreground">{t("time")}</dt>
                  <dd>{when(d.lastAttemptAt ?? d.createdAt)}</dd>
                  <dt className="text-muted-foreground">{t("status")}</dt>
                  <dd data-testid="http-status">{d.httpStatus ?? "—"}</dd>
                  <dt className="text-muted-foreground">{t("latency")}</dt>
                  <dd>{d.latencyMs === null ? "—" : t("ms", { ms: d.latencyMs })}</dd>
                  <dt className="text-muted-foreground">{t("attempt")}</dt>
                  <dd>{d.attempt}</dd>
                </dl>
                {d.error ? <p className="text-xs text-destructive">{d.error}</p> : null}
                {d.status === "pending" && d.nextAttemptAt && d.attempt > 0 ? (
                  <p className="text-xs text-muted-foreground">{t("next", { time: when(d.nextAttemptAt) })}</p>
                ) : null}
                {d.response ? (
                  <details className="text-xs">
                    <summary className="cursor-pointer text-muted-foreground">{t("answer")}</summary>
                    <pre className="mt-1 max-h-40 overflow-auto rounded bg-muted p-2 whitespace-pre-wrap break-all">{d.response}</pre>
                  </details>
                ) : null}
              </li>
            ))}
            {older && endpoint ? (
              <li className="flex justify-center">
                <Button variant="outline" size="sm" disabled={loading} onClick={() => load(endpoint.id, older)}>
                  {loading ? <Loader2 aria-hidden className="animate-spin" /> : null}
                  {t("older")}
                </Button>
              </li>
            ) : null}
          </ol>
        )}
      </SheetContent>
    </Sheet>
  );
}
