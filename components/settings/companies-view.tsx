"use client";

import { Building2, ExternalLink, Pencil, Plus, Star } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { EmptyState } from "@/components/list/bits";
import { ListLayout, ResponsiveRows } from "@/components/list/list-layout";
import { SimpleTable } from "@/components/list/simple-table";
import { ConfirmDialog, useErrorMessage } from "@/components/form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatTimeZone } from "@/lib/contract/format";
import { CompanyDialog } from "./company-dialog";
import { useActions } from "@/components/actions-context";

export type CompanyRow = {
  id: string;
  name: string;
  slug: string;
  description: string | null;
  email: string | null;
  telephone: string | null;
  address: string | null;
  timezone: string;
  currency: string;
  isDefault: boolean;
};

/** The app's companies: add one, edit one, choose the default (where members land first). */
export function CompaniesView({ rows, currentSlug }: { rows: CompanyRow[]; currentSlug: string }) {
  const actions = useActions();
  const t = useTranslations("settings.companies");
  const locale = useLocale();
  const tc = useTranslations("catalog");
  const words = useErrorMessage();
  const router = useRouter();
  const [editing, setEditing] = useState<CompanyRow | "new" | null>(null);
  const [makingDefault, setMakingDefault] = useState<CompanyRow | null>(null);
  const [, start] = useTransition();

  function setDefault(row: CompanyRow) {
    return new Promise<void>((resolve) =>
      start(async () => {
        const r = await actions.setDefaultCompany({ id: row.id });
        if (r.ok) toast.success(t("defaultChanged", { name: row.name }));
        else toast.error(words(r));
        resolve();
      }),
    );
  }

  const name = (c: CompanyRow) => (
    <div className="flex flex-wrap items-center gap-2">
      <span className="font-medium">{c.name}</span>
      {c.isDefault ? (
        <Badge variant="secondary">
          <Star aria-hidden />
          {t("default")}
        </Badge>
      ) : null}
    </div>
  );
  const rowActions = (c: CompanyRow) => <RowActions c={c} onEdit={() => setEditing(c)} onDefault={() => setMakingDefault(c)} />;

  return (
    <ListLayout
      intro={t("intro")}
      actions={
        <Button onClick={() => setEditing("new")}>
          <Plus aria-hidden />
          {t("new")}
        </Button>
      }
    >
      <ResponsiveRows
        label={t("title")}
        rows={rows}
        rowKey={(c) => c.id}
        cardProps={(c) => ({ "data-id": c.id }) as React.ComponentProps<"li">}
        emptyAlone
        empty={<EmptyState icon={<Building2 />} title={t("empty")} />}
        table={
          <SimpleTable
            caption={t("title")}
            rows={rows}
            rowKey={(c) => c.id}
            rowProps={(c) => ({ "data-id": c.id }) as React.ComponentProps<"tr">}
            columns={[
              {
                key: "name",
                header: t("columns.name"),
                cell: (c) => (
                  <>
                    {name(c)}
                    <span className="font-mono text-xs text-muted-foreground">/c/{c.slug}</span>
                  </>
                ),
              },
              {
                key: "timezone",
                header: t("columns.timezone"),
                cell: (c) => (
                  <>
                    <div title={c.timezone}>{formatTimeZone(c.timezone, locale)}</div>
                    <div className="text-xs text-muted-foreground">{c.currency}</div>
                  </>
                ),
              },
              {
                key: "contact",
                header: t("columns.contact"),
                className: "text-sm",
                cell: (c) => (
                  <>
                    <div className="tabular-nums">{c.telephone ?? "—"}</div>
                    {c.email ? <div className="text-xs text-muted-foreground">{c.email}</div> : null}
                  </>
                ),
              },
              { key: "actions", header: null, srHeader: tc("actions"), cell: rowActions },
            ]}
          />
        }
        card={(c) => (
          <>
            {name(c)}
            <div className="text-sm text-muted-foreground">
              {formatTimeZone(c.timezone, locale)} · {c.currency}
            </div>
            <div className="border-t pt-2">{rowActions(c)}</div>
          </>
        )}
      />

      <CompanyDialog
        key={editing === "new" ? "new" : (editing?.id ?? "none")}
        company={editing === "new" ? null : editing}
        open={editing !== null}
        onOpenChange={(o) => !o && setEditing(null)}
        onSaved={(saved, was) => {
          setEditing(null);
          // The company of this page changed its slug: its URLs moved with it.
          if (was?.slug === currentSlug && saved.slug !== currentSlug) router.replace(`/c/${saved.slug}/settings/companies`);
        }}
      />
      <ConfirmDialog
        open={makingDefault !== null}
        onOpenChange={(o) => !o && setMakingDefault(null)}
        title={t("makeDefaultTitle", { name: makingDefault?.name ?? "" })}
        description={t("makeDefaultBody")}
        confirmLabel={t("makeDefault")}
        onConfirm={() => (makingDefault ? setDefault(makingDefault) : undefined)}
      />
    </ListLayout>
  );
}

function RowActions({ c, onEdit, onDefault }: { c: CompanyRow; onEdit: () => void; onDefault: () => void }) {
  const t = useTranslations("settings.companies");
  const tc = useTranslations("catalog");
  return (
    <div className="flex flex-wrap items-center justify-end gap-1">
      <Button variant="ghost" size="sm" asChild>
        <Link href={`/c/${c.slug}`} aria-label={t("openNamed", { name: c.name })}>
          <ExternalLink aria-hidden />
          {t("open")}
        </Link>
      </Button>
      {c.isDefault ? null : (
        <Button variant="ghost" size="sm" onClick={onDefault} aria-label={t("makeDefaultNamed", { name: c.name })}>
          <Star aria-hidden />
          {t("makeDefault")}
        </Button>
      )}
      <Button variant="ghost" size="sm" onClick={onEdit} aria-label={t("editNamed", { name: c.name })}>
        <Pencil aria-hidden />
        {tc("edit")}
      </Button>
    </div>
  );
}
