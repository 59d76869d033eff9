"use client";

import { Ellipsis, Loader2, Plus, Webhook } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { useActions } from "@/components/actions-context";
import { Chips } from "@/components/catalog/bits";
import { EmptyState } from "@/components/list/bits";
import { ConfirmDialog, useErrorMessage } from "@/components/form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { useHydrated } from "@/components/use-hydrated";
import { WebhookDeliveries } from "./webhook-deliveries";
import { WebhookFormDialog } from "./webhook-form";
import { WebhookSecretDialog } from "./webhook-secret";

export type WebhookRow = {
  id: string;
  url: string;
  types: string[];
  companyId: string | null;
  description: string | null;
  enabled: boolean;
  disabledReason: string | null;
};
type Company = { id: string; name: string };

/** Settings → Webhooks: the endpoints, each with its actions and its delivery log. */
export function WebhooksView({ rows, companies, timezone }: { rows: WebhookRow[]; companies: Company[]; timezone: string }) {
  const actions = useActions();
  const t = useTranslations("settings.webhooks");
  const words = useErrorMessage();
  const hydrated = useHydrated();
  const [form, setForm] = useState<{ row: WebhookRow | null; key: number } | null>(null);
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const [confirm, setConfirm] = useState<{ kind: "delete" | "rotate"; row: WebhookRow } | null>(null);
  const [log, setLog] = useState<WebhookRow | null>(null);
  const [busy, start] = useTransition();
  const companyName = new Map(companies.map((c) => [c.id, c.name]));
  // Message keys cannot hold dots: "appointment.created" is found as "appointment_created".
  const typeLabel = (type: string) => {
    const key = `typeNames.${type === "*" ? "all" : type.replaceAll(".", "_")}`;
    return t.has(key) ? t(key) : type;
  };

  function run<T>(call: () => Promise<{ ok: true; data: T } | { ok: false; code: string; message: string }>, done: (data: T) => void) {
    return new Promise<void>((resolve) =>
      start(async () => {
        const r = await call();
        if (r.ok) done(r.data);
        else toast.error(words(r));
        resolve();
      }),
    );
  }

  return (
    <div className="flex flex-col gap-4" data-hydrated={hydrated || undefined}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="max-w-3xl text-sm text-muted-foreground">{t("intro")}</p>
        <Button onClick={() => setForm({ row: null, key: Date.now() })}>
          <Plus aria-hidden />
          {t("new")}
        </Button>
      </div>

      {rows.length === 0 ? (
        <div className="rounded-lg border bg-card">
          <EmptyState icon={<Webhook />} title={t("empty")} body={t("emptyHint")} />
        </div>
      ) : (
        <ul className="flex flex-col gap-3" aria-label={t("title")}>
          {rows.map((r) => (
            <li key={r.id} data-id={r.id} data-url={r.url} className="flex flex-col gap-2 rounded-lg border bg-card p-4 sm:flex-row sm:items-start sm:justify-between">
              <div className="grid min-w-0 gap-1.5">
                <div className="flex flex-wrap items-center gap-2">
                  <code className="text-sm font-medium break-all">{r.url}</code>
                  <Badge variant={r.enabled ? "secondary" : "outline"} data-state={r.enabled ? "enabled" : "disabled"}>
                    {r.enabled ? t("enabled") : r.disabledReason ? t("autoDisabled") : t("disabled")}
                  </Badge>
                </div>
                {r.description ? <p className="text-sm text-muted-foreground">{r.description}</p> : null}
                <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                  <Chips items={r.types.map(typeLabel)} max={4} />
                  <span>· {r.companyId ? (companyName.get(r.companyId) ?? r.companyId) : t("allCompanies")}</span>
                </div>
                {r.disabledReason ? <p className="text-xs text-destructive">{r.disabledReason}</p> : null}
              </div>
              <div className="flex shrink-0 items-center gap-2">
                <Button variant="outline" size="sm" onClick={() => setLog(r)}>
                  {t("log")}
                </Button>
                <Button
                  variant="outline"
                  size="sm"
                  disabled={busy}
                  onClick={() => run(() => actions.testWebhook({ id: r.id }), () => toast.success(t("testSent")))}
                >
                  {t("test")}
                </Button>
                <DropdownMenu>
                  <DropdownMenuTrigger asChild>
                    <Button variant="ghost" size="icon" aria-label={t("actionsFor", { url: r.url })}>
                      {busy ? <Loader2 aria-hidden className="animate-spin" /> : <Ellipsis aria-hidden />}
                    </Button>
                  </DropdownMenuTrigger>
                  <DropdownMenuContent align="end">
                    <DropdownMenuItem onSelect={() => setForm({ row: r, key: Date.now() })}>{t("edit")}</DropdownMenuItem>
                    <DropdownMenuItem
                      onSelect={() =>
                        run(
                          () => actions.editWebhook({ id: r.id, values: { enabled: !r.enabled } }),
                          (d) => toast.success(d.enabled ? t("enabledToast") : t("disabledToast")),
                        )
                      }
                    >
                      {r.enabled ? t("disable") : t("enable")}
                    </DropdownMenuItem>
                    <DropdownMenuItem onSelect={() => setConfirm({ kind: "rotate", row: r })}>{t("rotate")}</DropdownMenuItem>
                    <DropdownMenuSeparator />
                    <DropdownMenuItem className="text-destructive" onSelect={() => setConfirm({ kind: "delete", row: r })}>
                      {t("delete")}
                    </DropdownMenuItem>
                  </DropdownMenuContent>
                </DropdownMenu>
              </div>
            </li>
          ))}
        </ul>
      )}

      {form ? (
        <WebhookFormDialog
          key={form.key}
          row={form.row}
          companies={companies}
          onClose={() => setForm(null)}
          onCreated={(created) => {
            setForm(null);
            setSecret(created);
          }}
        />
      ) : null}
      <WebhookSecretDialog shown={secret} onClose={() => setSecret(null)} />
      <ConfirmDialog
        open={confirm !== null}
        onOpenChange={(o) => !o && setConfirm(null)}
        title={confirm?.kind === "rotate" ? t("rotateTitle") : t("deleteTitle")}
        description={confirm?.kind === "rotate" ? t("rotateBody") : t("deleteBody", { url: confirm?.row.url ?? "" })}
        confirmLabel={confirm?.kind === "rotate" ? t("rotate") : t("delete")}
        destructive={confirm?.kind === "delete"}
        onConfirm={() => {
          const c = confirm;
          if (!c) return;
          return c.kind === "rotate"
            ? run(() => actions.rotateWebhookSecret({ id: c.row.id }), (d) => setSecret({ url: d.url, secret: d.secret }))
            : run(() => actions.deleteWebhook({ id: c.row.id }), () => toast.success(t("deleted")));
        }}
      />
      <WebhookDeliveries endpoint={log} timezone={timezone} onClose={() => setLog(null)} typeLabel={typeLabel} />
    </div>
  );
}
