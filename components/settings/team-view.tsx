"use client";

import { KeyRound, Pencil, UserMinus, UserPlus, UsersRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { useActions } from "@/components/actions-context";
import { Chips } from "@/components/catalog/bits";
import { ConfirmDialog, failureMessage, useErrorMessage } from "@/components/form";
import { EmptyState } from "@/components/list/bits";
import { ListLayout, ResponsiveRows } from "@/components/list/list-layout";
import { SimpleTable } from "@/components/list/simple-table";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { MemberRole } from "@/lib/contract/scopes";
import { MemberDialog } from "./member-dialog";
import { ResetPasswordDialog } from "./reset-password-dialog";

export type MemberRow = {
  userId: string;
  name: string;
  email: string;
  role: MemberRole;
  companyIds: string[];
  since: string;
  isYou: boolean;
};

type Company = { id: string; name: string };

/** Owners and admins: who works in the app, with which role and (for staff) which companies. */
export function TeamView({ rows, companies, callerRole }: { rows: MemberRow[]; companies: Company[]; callerRole: MemberRole }) {
  const actions = useActions();
  const t = useTranslations("settings.team");
  const tc = useTranslations("catalog");
  const words = useErrorMessage();
  const [dialog, setDialog] = useState<MemberRow | "new" | null>(null);
  const [removing, setRemoving] = useState<MemberRow | null>(null);
  const [resetting, setResetting] = useState<MemberRow | null>(null);
  const [, start] = useTransition();
  const companyName = new Map(companies.map((c) => [c.id, c.name]));
  const owners = rows.filter((r) => r.role === "owner").length;
  // Only owners touch owners (the domain says so too); nobody removes themselves here.
  const canTouch = (r: MemberRow) => callerRole === "owner" || r.role !== "owner";
  const canRemove = (r: MemberRow) => canTouch(r) && !r.isYou && !(r.role === "owner" && owners <= 1);

  function remove(r: MemberRow) {
    return new Promise<void>((resolve) =>
      start(async () => {
        const res = await actions.removeMember({ userId: r.userId });
        if (res.ok) toast.success(t("removed", { name: r.name }));
        else toast.error(failureMessage(res, words, () => false));
        resolve();
      }),
    );
  }

  const companiesOf = (r: MemberRow) => (r.role === "staff" ? r.companyIds.map((id) => companyName.get(id) ?? id) : [t("allCompanies")]);
  const roleBadge = (r: MemberRow) => <Badge variant={r.role === "staff" ? "outline" : "secondary"}>{t(`roles.${r.role}`)}</Badge>;

  const rowActions = (r: MemberRow) => (
    <div className="flex flex-wrap items-center justify-end gap-1">
      <Button variant="ghost" size="sm" disabled={!canTouch(r)} onClick={() => setDialog(r)} aria-label={t("editNamed", { name: r.name })}>
        <Pencil aria-hidden />
        {tc("edit")}
      </Button>
      <Button
        variant="ghost"
        size="sm"
        disabled={!canTouch(r) || r.isYou}
        title={r.isYou ? t("reset.cannotSelf") : undefined}
        onClick={() => setResetting(r)}
        aria-label={t("reset.actionNamed", { name: r.name })}
      >
        <KeyRound aria-hidden />
        {t("reset.actionShort")}
      </Button>
      <Button
        variant="ghost"
        size="sm"
        className="text-destructive hover:text-destructive"
        disabled={!canRemove(r)}
        title={r.isYou ? t("cannotRemoveSelf") : undefined}
        onClick={() => setRemoving(r)}
        aria-label={t("removeNamed", { name: r.name })}
      >
        <UserMinus aria-hidden />
        {t("remove")}
      </Button>
    </div>
  );

  const member = (r: MemberRow) => (
    <div className="font-medium">
      {r.name} {r.isYou ? <span className="text-xs font-normal text-muted-foreground">({t("you")})</span> : null}
    </div>
  );

  return (
    <ListLayout
      intro={t("intro")}
      actions={
        <Button onClick={() => setDialog("new")}>
          <UserPlus aria-hidden />
          {t("add")}
        </Button>
      }
    >
      <ResponsiveRows
        label={t("title")}
        rows={rows}
        rowKey={(r) => r.userId}
        cardProps={(r) => ({ "data-email": r.email }) as React.ComponentProps<"li">}
        emptyAlone
        empty={<EmptyState icon={<UsersRound />} title={t("empty")} />}
        table={
          <SimpleTable
            caption={t("title")}
            rows={rows}
            rowKey={(r) => r.userId}
            rowProps={(r) => ({ "data-email": r.email }) as React.ComponentProps<"tr">}
            columns={[
              {
                key: "member",
                header: t("columns.member"),
                cell: (r) => (
                  <>
                    {member(r)}
                    <div className="text-xs text-muted-foreground">{r.email}</div>
                  </>
                ),
              },
              { key: "role", header: t("columns.role"), cell: roleBadge },
              { key: "companies", header: t("columns.companies"), cell: (r) => <Chips items={companiesOf(r)} /> },
              { key: "since", header: t("columns.since"), cell: (r) => r.since, className: "whitespace-nowrap text-muted-foreground" },
              { key: "actions", header: null, srHeader: tc("actions"), cell: rowActions },
            ]}
          />
        }
        card={(r) => (
          <>
            <div className="flex items-start justify-between gap-2">
              <div className="min-w-0">
                {member(r)}
                <div className="truncate text-xs text-muted-foreground">{r.email}</div>
              </div>
              {roleBadge(r)}
            </div>
            <Chips items={companiesOf(r)} max={4} />
            <div className="border-t pt-2">{rowActions(r)}</div>
          </>
        )}
      />

      <MemberDialog
        // Keys of their own: both dialogs closed must not share one (React warns of a duplicate key).
        key={`member-${dialog === "new" ? "new" : (dialog?.userId ?? "none")}`}
        member={dialog === "new" ? null : dialog}
        open={dialog !== null}
        onOpenChange={(o) => !o && setDialog(null)}
        companies={companies}
        callerRole={callerRole}
      />
      <ResetPasswordDialog key={`reset-${resetting?.userId ?? "none"}`} member={resetting} onOpenChange={(o) => !o && setResetting(null)} />
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(o) => !o && setRemoving(null)}
        title={t("removeTitle", { name: removing?.name ?? "" })}
        description={t("removeBody")}
        confirmLabel={t("remove")}
        destructive
        onConfirm={() => (removing ? remove(removing) : undefined)}
      />
    </ListLayout>
  );
}
