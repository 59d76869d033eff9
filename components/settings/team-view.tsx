"use client";

import { KeyRound, Loader2, Pencil, UserMinus, UserPlus, UsersRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { Chips } from "@/components/catalog/bits";
import { EmptyState } from "@/components/list/bits";
import { ConfirmDialog, failureMessage, FieldMessage, FormAlert, FormField, useErrorMessage, useFieldErrors, useFocusFirstError } from "@/components/form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useHydrated } from "@/components/use-hydrated";
import { MEMBER_ROLES, type MemberRole } from "@/lib/contract/scopes";
import { CopyButton } from "./copy-button";
import { useActions } from "@/components/actions-context";

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

const PASSWORD_MIN = 10;

/** A password easy to read out or type: no 0/O, 1/l/I. */
function generatePassword(length = 14): string {
  const alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = new Uint32Array(length);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
}

/** Owners and admins: who works in the app, with which role and (for staff) which companies. */
export function TeamView({ rows, companies, callerRole }: { rows: MemberRow[]; companies: Company[]; callerRole: MemberRole }) {
  const actions = useActions();
  const t = useTranslations("settings.team");
  const tc = useTranslations("catalog");
  const words = useErrorMessage();
  const hydrated = useHydrated();
  const [dialog, setDialog] = useState<MemberRow | "new" | null>(null);
  const [removing, setRemoving] = useState<MemberRow | null>(null);
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

  return (
    <div className="flex flex-col gap-4" data-hydrated={hydrated || undefined}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-muted-foreground">{t("intro")}</p>
        <Button onClick={() => setDialog("new")}>
          <UserPlus aria-hidden />
          {t("add")}
        </Button>
      </div>

      {rows.length === 0 ? (
        <div className="rounded-lg border bg-card">
          <EmptyState icon={<UsersRound />} title={t("empty")} />
        </div>
      ) : (
        <>
          <div className="hidden overflow-hidden rounded-lg border bg-card md:block">
            <Table>
              <caption className="sr-only">{t("title")}</caption>
              <TableHeader>
                <TableRow className="hover:bg-transparent">
                  <TableHead>{t("columns.member")}</TableHead>
                  <TableHead>{t("columns.role")}</TableHead>
                  <TableHead>{t("columns.companies")}</TableHead>
                  <TableHead>{t("columns.since")}</TableHead>
                  <TableHead>
                    <span className="sr-only">{tc("actions")}</span>
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((r) => (
                  <TableRow key={r.userId} data-email={r.email}>
                    <TableCell>
                      <div className="font-medium">
                        {r.name} {r.isYou ? <span className="text-xs font-normal text-muted-foreground">({t("you")})</span> : null}
                      </div>
                      <div className="text-xs text-muted-foreground">{r.email}</div>
                    </TableCell>
                    <TableCell>{roleBadge(r)}</TableCell>
                    <TableCell>
                      <Chips items={companiesOf(r)} />
                    </TableCell>
                    <TableCell className="whitespace-nowrap text-muted-foreground">{r.since}</TableCell>
                    <TableCell>{rowActions(r)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <ul className="flex flex-col gap-3 md:hidden" aria-label={t("title")}>
            {rows.map((r) => (
              <li key={r.userId} data-email={r.email} className="flex flex-col gap-2 rounded-lg border bg-card p-3">
                <div className="flex items-start justify-between gap-2">
                  <div className="min-w-0">
                    <div className="font-medium">
                      {r.name} {r.isYou ? <span className="text-xs font-normal text-muted-foreground">({t("you")})</span> : null}
                    </div>
                    <div className="truncate text-xs text-muted-foreground">{r.email}</div>
                  </div>
                  {roleBadge(r)}
                </div>
                <Chips items={companiesOf(r)} max={4} />
                <div className="border-t pt-2">{rowActions(r)}</div>
              </li>
            ))}
          </ul>
        </>
      )}

      <MemberDialog
        key={dialog === "new" ? "new" : (dialog?.userId ?? "none")}
        member={dialog === "new" ? null : dialog}
        open={dialog !== null}
        onOpenChange={(o) => !o && setDialog(null)}
        companies={companies}
        callerRole={callerRole}
      />
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(o) => !o && setRemoving(null)}
        title={t("removeTitle", { name: removing?.name ?? "" })}
        description={t("removeBody")}
        confirmLabel={t("remove")}
        destructive
        onConfirm={() => (removing ? remove(removing) : undefined)}
      />
    </div>
  );
}

function MemberDialog({
  member,
  open,
  onOpenChange,
  companies,
  callerRole,
}: {
  member: MemberRow | null;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  companies: Company[];
  callerRole: MemberRole;
}) {
  const actions = useActions();
  const t = useTranslations("settings.team");
  const tc = useTranslations("catalog");
  const words = useErrorMessage();
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstError = useFocusFirstError(formRef);
  const { base, errors, setErrors, aria, errorId, clear } = useFieldErrors();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [role, setRole] = useState<MemberRole>(member?.role ?? "staff");
  const [companyIds, setCompanyIds] = useState<string[]>(member?.companyIds ?? (companies.length === 1 ? [companies[0].id] : []));
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState<{ email: string; password: string | null; name: string } | null>(null);
  const [pending, start] = useTransition();
  const roles = MEMBER_ROLES.filter((r) => r !== "owner" || callerRole === "owner");
  const id = (k: string) => `${base}-${k}`;


  function submit(e: React.FormEvent) {
    e.preventDefault();
    setFormError(null);
    const local: Record<string, string[]> = {};
    if (!member) {
      if (!email.trim()) local.email = [tc("requiredField")];
      if (!name.trim()) local.name = [tc("requiredField")];
      if (password && password.length < PASSWORD_MIN) local.password = [t("passwordMin", { min: PASSWORD_MIN })];
    }
    if (role === "staff" && companyIds.length === 0) local.companyIds = [t("companiesRequired")];
    if (Object.keys(local).length) {
      setErrors(local);
      setFormError(tc("fixErrors"));
      focusFirstError();
      return;
    }
    start(async () => {
      const companiesFor = role === "staff" ? companyIds : [];
      const r = member
        ? await actions.editMember({ userId: member.userId, values: { role, companyIds: companiesFor } })
        : await actions.addMember({ values: { email: email.trim(), name, password: password || undefined, role, companyIds: companiesFor } });
      if (!r.ok) {
        setErrors(r.fields ?? {});
        setFormError(failureMessage(r, words, (k) => ["email", "name", "password", "role", "companyIds"].includes(k)));
        focusFirstError();
        return;
      }
      if (member) {
        toast.success(t("saved"), { description: r.data.name });
        onOpenChange(false);
      } else {
        toast.success(t("added"), { description: r.data.name });
        setDone({ email: email.trim().toLowerCase(), password: password || null, name: r.data.name });
      }
    });
  }

  const signInUrl = typeof window === "undefined" ? "/login" : `${window.location.origin}/login`;

  return (
    <Dialog open={open} onOpenChange={(o) => !pending && onOpenChange(o)}>
      <DialogContent closeLabel={tc("close")} className="max-h-[calc(100dvh-2rem)] overflow-y-auto sm:max-w-xl">
        {done ? (
          <div className="grid gap-4">
            <DialogHeader>
              <DialogTitle>{t("doneTitle", { name: done.name })}</DialogTitle>
              <DialogDescription>{done.password ? t("doneBody") : t("doneExisting")}</DialogDescription>
            </DialogHeader>
            <dl className="grid gap-2 rounded-md border bg-muted/40 p-3 text-sm">
              <div className="flex flex-wrap justify-between gap-2">
                <dt className="text-muted-foreground">{t("signInAt")}</dt>
                <dd className="font-mono">{signInUrl}</dd>
              </div>
              <div className="flex flex-wrap justify-between gap-2">
                <dt className="text-muted-foreground">{t("email")}</dt>
                <dd className="font-mono">{done.email}</dd>
              </div>
              {done.password ? (
                <div className="flex flex-wrap justify-between gap-2">
                  <dt className="text-muted-foreground">{t("password")}</dt>
                  <dd className="font-mono" data-testid="new-member-password">
                    {done.password}
                  </dd>
                </div>
              ) : null}
            </dl>
            <DialogFooter>
              <CopyButton
                label={t("copyCredentials")}
                text={[signInUrl, done.email, done.password].filter(Boolean).join("\n")}
              />
              <Button type="button" onClick={() => onOpenChange(false)}>
                {t("done")}
              </Button>
            </DialogFooter>
          </div>
        ) : (
          <form ref={formRef} onSubmit={submit} noValidate className="grid gap-4">
            <DialogHeader>
              <DialogTitle>{member ? t("editTitle", { name: member.name }) : t("addTitle")}</DialogTitle>
              <DialogDescription>{member ? member.email : t("addHint")}</DialogDescription>
            </DialogHeader>
            {member ? null : (
              <div className="grid gap-4 sm:grid-cols-2">
                <FormField id={id("email")} label={t("email")} required error={errors.email} errorId={errorId("email")}>
                  <Input
                    id={id("email")}
                    type="email"
                    value={email}
                    autoComplete="off"
                    onChange={(e) => {
                      setEmail(e.target.value);
                      clear("email");
                    }}
                    {...aria("email")}
                  />
                </FormField>
                <FormField id={id("name")} label={t("name")} required error={errors.name} errorId={errorId("name")}>
                  <Input
                    id={id("name")}
                    value={name}
                    maxLength={120}
                    autoComplete="off"
                    onChange={(e) => {
                      setName(e.target.value);
                      clear("name");
                    }}
                    {...aria("name")}
                  />
                </FormField>
                <FormField
                  id={id("password")}
                  label={t("password")}
                  hint={t("passwordHint", { min: PASSWORD_MIN })}
                  hintId={`${base}-password-hint`}
                  error={errors.password}
                  errorId={errorId("password")}
                  className="sm:col-span-2"
                >
                  <div className="flex gap-2">
                    <Input
                      id={id("password")}
                      type="text"
                      value={password}
                      autoComplete="new-password"
                      spellCheck={false}
                      className="font-mono"
                      onChange={(e) => {
                        setPassword(e.target.value);
                        clear("password");
                      }}
                      {...aria("password", `${base}-password-hint`)}
                    />
                    <Button
                      type="button"
                      variant="outline"
                      onClick={() => {
                        setPassword(generatePassword());
                        clear("password");
                      }}
                    >
                      <KeyRound aria-hidden />
                      {t("generate")}
                    </Button>
                  </div>
                </FormField>
              </div>
            )}
            <FormField id={id("role")} label={t("role")} required hint={t(`roleHints.${role}`)} hintId={`${base}-role-hint`} error={errors.role} errorId={errorId("role")}>
              <NativeSelect
                id={id("role")}
                value={role}
                onChange={(e) => {
                  setRole(e.target.value as MemberRole);
                  clear("role", "companyIds");
                }}
                {...aria("role", `${base}-role-hint`)}
              >
                {roles.map((r) => (
                  <option key={r} value={r}>
                    {t(`roles.${r}`)}
                  </option>
                ))}
              </NativeSelect>
            </FormField>
            {role === "staff" ? (
              <fieldset className="grid gap-2" aria-describedby={errors.companyIds ? errorId("companyIds") : undefined}>
                <legend className="mb-1 text-sm font-medium">{t("companies")}</legend>
                <ul className="grid gap-2 sm:grid-cols-2">
                  {companies.map((c) => {
                    const cid = `${base}-c-${c.id}`;
                    return (
                      <li key={c.id} className="flex items-center gap-2 rounded-md border p-2">
                        <Checkbox
                          id={cid}
                          checked={companyIds.includes(c.id)}
                          onCheckedChange={(v) => {
                            setCompanyIds((ids) => (v === true ? [...ids, c.id] : ids.filter((x) => x !== c.id)));
                            clear("companyIds");
                          }}
                        />
                        <Label htmlFor={cid} className="font-normal">
                          {c.name}
                        </Label>
                      </li>
                    );
                  })}
                </ul>
                <FieldMessage id={errorId("companyIds")} messages={errors.companyIds} />
              </fieldset>
            ) : null}
            <FormAlert message={formError} />
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => onOpenChange(false)} disabled={pending}>
                {tc("cancel")}
              </Button>
              <Button type="submit" disabled={pending}>
                {pending ? <Loader2 aria-hidden className="animate-spin" /> : null}
                {member ? tc("save") : t("addSubmit")}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
