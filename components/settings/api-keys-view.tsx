"use client";

import { AlertTriangle, Ban, KeyRound, Loader2, Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { Chips } from "@/components/catalog/bits";
import { EmptyState } from "@/components/list/bits";
import { ConfirmDialog, failureMessage, FieldMessage, FormAlert, FormField, useErrorMessage, useFieldErrors, useFocusFirstError } from "@/components/form";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useHydrated } from "@/components/use-hydrated";
import { SCOPES, type Scope } from "@/lib/contract/scopes";
import { cn } from "@/lib/utils";
import { CopyButton } from "./copy-button";
import { useActions } from "@/components/actions-context";

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

/** What a booking app usually needs: read and create appointments, read the catalog. */
const DEFAULT_SCOPES: Scope[] = ["appointments:read", "appointments:write", "catalog:read"];

export function ApiKeysView({ rows, companies, appId, apiBase }: { rows: ApiKeyRow[]; companies: Company[]; appId: string; apiBase: string }) {
  const actions = useActions();
  const t = useTranslations("settings.apiKeys");
  const tc = useTranslations("catalog");
  const words = useErrorMessage();
  const hydrated = useHydrated();
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

  return (
    <div className="flex flex-col gap-4" data-hydrated={hydrated || undefined}>
      <section className="grid gap-2 rounded-lg border bg-card p-4 text-sm" aria-labelledby="api-access">
        <h2 id="api-access" className="font-semibold">
          {t("accessTitle")}
        </h2>
        <p className="text-muted-foreground">{t("accessBody")}</p>
        <dl className="grid gap-2 sm:grid-cols-[max-content_1fr] sm:gap-x-4">
          <dt className="text-muted-foreground">{t("appId")}</dt>
          <dd className="flex min-w-0 flex-wrap items-center gap-2">
            <code className="rounded bg-muted px-1.5 py-0.5 break-all" data-testid="app-id">
              {appId}
            </code>
          </dd>
          <dt className="text-muted-foreground">{t("baseUrl")}</dt>
          <dd className="min-w-0">
            <code className="rounded bg-muted px-1.5 py-0.5 break-all">{apiBase}</code>
          </dd>
        </dl>
        <a href="/docs/api" className="w-fit rounded font-medium text-primary underline-offset-4 outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/60">
          {t("docs")}
        </a>
      </section>

      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-muted-foreground">{t("intro")}</p>
        <Button
          onClick={() => {
            setCreateKey((k) => k + 1);
            setCreating(true);
          }}
        >
          <Plus aria-hidden />
          {t("new")}
        </Button>
      </div>

      {rows.length === 0 ? (
        <div className="rounded-lg border bg-card">
          <EmptyState icon={<KeyRound />} title={t("empty")} body={t("emptyHint")} />
        </div>
      ) : (
        <>
          <div className="hidden overflow-hidden rounded-lg border bg-card md:block">
            <Table>
              <caption className="sr-only">{t("title")}</caption>
              <TableHeader>
                <TableRow className="hover:bg-transparent">
                  <TableHead>{t("columns.name")}</TableHead>
                  <TableHead>{t("columns.scopes")}</TableHead>
                  <TableHead>{t("columns.company")}</TableHead>
                  <TableHead>{t("columns.lastUsed")}</TableHead>
                  <TableHead>{t("columns.created")}</TableHead>
                  <TableHead>
                    <span className="sr-only">{tc("actions")}</span>
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {[...active, ...revoked].map((r) => (
                  <TableRow key={r.id} data-id={r.id} data-name={r.name} className={cn(r.revoked && "text-muted-foreground")}>
                    <TableCell>
                      <div className="font-medium">{r.name}</div>
                      <code className="text-xs text-muted-foreground">{r.prefix}…</code>
                    </TableCell>
                    <TableCell>
                      <Chips items={scopeLabels(r)} max={5} />
                    </TableCell>
                    <TableCell>{r.company ?? t("allCompanies")}</TableCell>
                    <TableCell className="whitespace-nowrap">{r.lastUsed ?? t("never")}</TableCell>
                    <TableCell className="whitespace-nowrap">{r.created}</TableCell>
                    <TableCell className="text-right">
                      {r.revoked ? (
                        <span className="text-xs whitespace-nowrap" data-revoked>
                          {t("revokedOn", { date: r.revoked })}
                        </span>
                      ) : (
                        <Button
                          variant="ghost"
                          size="sm"
                          className="text-destructive hover:text-destructive"
                          onClick={() => setRevoking(r)}
                          aria-label={t("revokeNamed", { name: r.name })}
                        >
                          <Ban aria-hidden />
                          {t("revoke")}
                        </Button>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <ul className="flex flex-col gap-3 md:hidden" aria-label={t("title")}>
            {[...active, ...revoked].map((r) => (
              <li key={r.id} data-id={r.id} className={cn("flex flex-col gap-2 rounded-lg border bg-card p-3", r.revoked && "text-muted-foreground")}>
                <div className="flex items-start justify-between gap-2">
                  <div className="min-w-0">
                    <div className="font-medium">{r.name}</div>
                    <code className="text-xs text-muted-foreground">{r.prefix}…</code>
                  </div>
                  <span className="text-xs">{r.company ?? t("allCompanies")}</span>
                </div>
                <Chips items={scopeLabels(r)} max={5} />
                <div className="text-xs text-muted-foreground">
                  {t("columns.lastUsed")} : {r.lastUsed ?? t("never")} · {t("columns.created")} : {r.created}
                </div>
                <div className="border-t pt-2">
                  {r.revoked ? (
                    <span className="text-xs">{t("revokedOn", { date: r.revoked })}</span>
                  ) : (
                    <Button variant="outline" size="sm" className="text-destructive" onClick={() => setRevoking(r)} aria-label={t("revokeNamed", { name: r.name })}>
                      <Ban aria-hidden />
                      {t("revoke")}
                    </Button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}

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
    </div>
  );
}

function CreateKeyDialog({ open, onOpenChange, companies }: { open: boolean; onOpenChange: (open: boolean) => void; companies: Company[] }) {
  const actions = useActions();
  const t = useTranslations("settings.apiKeys");
  const tc = useTranslations("catalog");
  const words = useErrorMessage();
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstError = useFocusFirstError(formRef);
  const { base, errors, setErrors, aria, errorId, clear } = useFieldErrors();
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<Scope[]>(DEFAULT_SCOPES);
  const [companyId, setCompanyId] = useState("");
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ key: string; name: string } | null>(null);
  const [pending, start] = useTransition();
  const id = (k: string) => `${base}-${k}`;

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setFormError(null);
    const local: Record<string, string[]> = {};
    if (!name.trim()) local.name = [tc("requiredField")];
    if (scopes.length === 0) local.scopes = [t("scopesRequired")];
    if (Object.keys(local).length) {
      setErrors(local);
      setFormError(tc("fixErrors"));
      focusFirstError();
      return;
    }
    start(async () => {
      const r = await actions.createApiKey({ values: { name, scopes: SCOPES.filter((s) => scopes.includes(s)), companyId: companyId || null } });
      if (!r.ok) {
        const fields = { ...(r.fields ?? {}) };
        if (r.code === "company-not-found") fields.companyId = [words(r)];
        setErrors(fields);
        setFormError(failureMessage(r, words, (k) => ["name", "scopes", "companyId"].includes(k)));
        focusFirstError();
        return;
      }
      setCreated({ key: r.data.key, name: r.data.name });
    });
  }

  return (
    <Dialog open={open} onOpenChange={(o) => !pending && onOpenChange(o)}>
      <DialogContent
        closeLabel={tc("close")}
        className="max-h-[calc(100dvh-2rem)] overflow-y-auto sm:max-w-xl"
        // The key is shown once: a stray click outside must not lose it.
        onInteractOutside={(e) => created && e.preventDefault()}
      >
        {created ? (
          <div className="grid gap-4">
            <DialogHeader>
              <DialogTitle>{t("createdTitle", { name: created.name })}</DialogTitle>
              <DialogDescription>{t("createdBody")}</DialogDescription>
            </DialogHeader>
            <div className="flex items-start gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
              <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0" />
              {t("onceWarning")}
            </div>
            <div className="grid gap-2">
              <Label htmlFor={id("key")}>{t("yourKey")}</Label>
              <div className="flex flex-col gap-2 sm:flex-row">
                <Input id={id("key")} readOnly value={created.key} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} data-testid="new-api-key" />
                <CopyButton text={created.key} label={t("copy")} variant="default" />
              </div>
            </div>
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
                {t("done")}
              </Button>
            </DialogFooter>
          </div>
        ) : (
          <form ref={formRef} onSubmit={submit} noValidate className="grid gap-4">
            <DialogHeader>
              <DialogTitle>{t("newTitle")}</DialogTitle>
              <DialogDescription>{t("newHint")}</DialogDescription>
            </DialogHeader>
            <FormField id={id("name")} label={t("name")} required hint={t("nameHint")} hintId={`${base}-name-hint`} error={errors.name} errorId={errorId("name")}>
              <Input
                id={id("name")}
                value={name}
                maxLength={80}
                autoComplete="off"
                onChange={(e) => {
                  setName(e.target.value);
                  clear("name");
                }}
                {...aria("name", `${base}-name-hint`)}
              />
            </FormField>
            <fieldset className="grid gap-2" aria-describedby={errors.scopes ? errorId("scopes") : undefined}>
              <legend className="mb-1 text-sm font-medium">{t("scopesLabel")}</legend>
              <ul className="grid gap-2">
                {SCOPES.map((s) => {
                  const sid = `${base}-scope-${s.replace(":", "-")}`;
                  return (
                    <li key={s} className="flex items-start gap-2 rounded-md border p-2">
                      <Checkbox
                        id={sid}
                        className="mt-0.5"
                        checked={scopes.includes(s)}
                        onCheckedChange={(v) => {
                          setScopes((list) => (v === true ? [...list, s] : list.filter((x) => x !== s)));
                          clear("scopes");
                        }}
                        aria-describedby={`${sid}-hint`}
                      />
                      <div className="grid gap-0.5">
                        <Label htmlFor={sid} className="font-normal">
                          {t(`scopes.${s}.label`)} <code className="text-xs text-muted-foreground">{s}</code>
                        </Label>
                        <p id={`${sid}-hint`} className="text-xs text-muted-foreground">
                          {t(`scopes.${s}.hint`)}
                        </p>
                      </div>
                    </li>
                  );
                })}
              </ul>
              <FieldMessage id={errorId("scopes")} messages={errors.scopes} />
            </fieldset>
            <FormField id={id("company")} label={t("company")} hint={t("companyHint")} hintId={`${base}-company-hint`} error={errors.companyId} errorId={errorId("companyId")}>
              <NativeSelect
                id={id("company")}
                value={companyId}
                onChange={(e) => {
                  setCompanyId(e.target.value);
                  clear("companyId");
                }}
                {...aria("companyId", `${base}-company-hint`)}
              >
                <option value="">{t("allCompanies")}</option>
                {companies.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </NativeSelect>
            </FormField>
            <FormAlert message={formError} />
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => onOpenChange(false)} disabled={pending}>
                {tc("cancel")}
              </Button>
              <Button type="submit" disabled={pending}>
                {pending ? <Loader2 aria-hidden className="animate-spin" /> : <KeyRound aria-hidden />}
                {t("create")}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
