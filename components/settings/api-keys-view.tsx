"use client";

import { Ban, KeyRound, Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { useActions } from "@/components/actions-context";
import { Chips } from "@/components/catalog/bits";
import { ConfirmDialog, useErrorMessage } from "@/components/form";
import { EmptyState } from "@/components/list/bits";
import { ListLayout, ResponsiveRows } from "@/components/list/list-layout";
import { SimpleTable } from "@/components/list/simple-table";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import { ApiAccess } from "./api-access";
import { CreateKeyDialog } from "./create-key-dialog";

export type ApiKeyRow = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  company: string | null;
  lastUsed: string | null;
  created: string;
  revoked: string | null;
};

type Company = { id: string; name: string };

export function ApiKeysView({ rows, companies, appId, apiBase }: { rows: ApiKeyRow[]; companies: Company[]; appId: string; apiBase: string }) {
  const actions = useActions();
  const t = useTranslations("settings.apiKeys");
  const tc = useTranslations("catalog");
  const words = useErrorMessage();
  const [creating, setCreating] = useState(false);
  const [createKey, setCreateKey] = useState(0);
  const [revoking, setRevoking] = useState<ApiKeyRow | null>(null);
  const [, start] = useTransition();
  const active = rows.filter((r) => !r.revoked);
  const revoked = rows.filter((r) => r.revoked);

  function revoke(row: ApiKeyRow) {
    return new Promise<void>((resolve) =>
      start(async () => {
        const r = await actions.revokeApiKey({ id: row.id });
        if (r.ok) toast.success(t("revoked", { name: row.name }));
        else toast.error(words(r));
        resolve();
      }),
    );
  }

  const scopeLabels = (r: ApiKeyRow) => r.scopes.map((s) => (t.has(`scopes.${s}.short`) ? t(`scopes.${s}.short`) : s));

  const head = (r: ApiKeyRow) => (
    <>
      <div className="font-medium">{r.name}</div>
      <code className="text-xs text-muted-foreground">{r.prefix}…</code>
    </>
  );
  const revokeButton = (r: ApiKeyRow, card?: boolean) => (
    <Button
      variant={card ? "outline" : "ghost"}
      size="sm"
      className={card ? "text-destructive" : "text-destructive hover:text-destructive"}
      onClick={() => setRevoking(r)}
      aria-label={t("revokeNamed", { name: r.name })}
    >
      <Ban aria-hidden />
      {t("revoke")}
    </Button>
  );
  const ordered = [...active, ...revoked];

  return (
    <ListLayout
      before={<ApiAccess appId={appId} apiBase={apiBase} />}
      intro={t("intro")}
      actions={
        <Button
          onClick={() => {
            setCreateKey((k) => k + 1);
            setCreating(true);
          }}
        >
          <Plus aria-hidden />
          {t("new")}
        </Button>
      }
    >
      <ResponsiveRows
        label={t("title")}
        rows={ordered}
        rowKey={(r) => r.id}
        cardProps={(r) => ({ "data-id": r.id, className: cn("flex flex-col gap-2 rounded-lg border bg-card p-3", r.revoked && "text-muted-foreground") })}
        emptyAlone
        empty={<EmptyState icon={<KeyRound />} title={t("empty")} body={t("emptyHint")} />}
        table={
          <SimpleTable
            caption={t("title")}
            rows={ordered}
            rowKey={(r) => r.id}
            rowProps={(r) => ({ "data-id": r.id, "data-name": r.name, className: cn(r.revoked && "text-muted-foreground") }) as React.ComponentProps<"tr">}
            columns={[
              { key: "name", header: t("columns.name"), cell: head },
              { key: "scopes", header: t("columns.scopes"), cell: (r) => <Chips items={scopeLabels(r)} max={5} /> },
              { key: "company", header: t("columns.company"), cell: (r) => r.company ?? t("allCompanies") },
              { key: "lastUsed", header: t("columns.lastUsed"), cell: (r) => r.lastUsed ?? t("never"), className: "whitespace-nowrap" },
              { key: "created", header: t("columns.created"), cell: (r) => r.created, className: "whitespace-nowrap" },
              {
                key: "actions",
                header: null,
                srHeader: tc("actions"),
                className: "text-right",
                cell: (r) =>
                  r.revoked ? (
                    <span className="text-xs whitespace-nowrap" data-revoked>
                      {t("revokedOn", { date: r.revoked })}
                    </span>
                  ) : (
                    revokeButton(r)
                  ),
              },
            ]}
          />
        }
        card={(r) => (
          <>
            <div className="flex items-start justify-between gap-2">
              <div className="min-w-0">{head(r)}</div>
              <span className="text-xs">{r.company ?? t("allCompanies")}</span>
            </div>
            <Chips items={scopeLabels(r)} max={5} />
            <div className="text-xs text-muted-foreground">
              {t("columns.lastUsed")} : {r.lastUsed ?? t("never")} · {t("columns.created")} : {r.created}
            </div>
            <div className="border-t pt-2">{r.revoked ? <span className="text-xs">{t("revokedOn", { date: r.revoked })}</span> : revokeButton(r, true)}</div>
          </>
        )}
      />

      <CreateKeyDialog key={createKey} open={creating} onOpenChange={setCreating} companies={companies} />
      <ConfirmDialog
        open={revoking !== null}
        onOpenChange={(o) => !o && setRevoking(null)}
        title={t("revokeTitle", { name: revoking?.name ?? "" })}
        description={t("revokeBody")}
        confirmLabel={t("revoke")}
        destructive
        onConfirm={() => (revoking ? revoke(revoking) : undefined)}
      />
    </ListLayout>
  );
}
