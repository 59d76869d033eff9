"use client";

import { KeyRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { useActions } from "@/components/actions-context";
import { CheckboxField, FormField, SubmitRow, useFormState } from "@/components/form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { DEFAULT_RATE_PER_SECOND } from "@/lib/contract/message-rate";
import type { MessageChannel } from "@/lib/contract/messages";
import { CopyButton } from "../copy-button";
import { generatePassword } from "../password-input";
import { CallbackUrl } from "./callback-url";
import { CHANNEL_FIELDS, isSecret, providerValues, type FieldSpec, type ProviderRow } from "./channel-fields";

/**
 * A channel's provider settings, built from the channel's field list (channel-fields.ts, tied
 * to the contract's schema). A stored secret is never sent back: it shows as "défini", and
 * "Remplacer" opens an empty field for a new one; left closed, the stored one stays. The server
 * checks the whole (its HTTPS rule, required secrets) and names each refused field.
 */
export function ChannelDialog({
  channel,
  row,
  callbackUrl,
  onClose,
}: {
  channel: MessageChannel;
  row: ProviderRow | null;
  callbackUrl?: string;
  onClose: () => void;
}) {
  const actions = useActions();
  const t = useTranslations("settings.messages");
  const tc = useTranslations("catalog");
  const { form, formRef, formError, setFormError, pending, start, failed } = useFormState();
  const specs = CHANNEL_FIELDS[channel];
  const keys = Object.keys(specs);
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(keys.map((k) => [k, isSecret(channel, k) ? "" : (row?.settings[k] ?? "")])));
  // Secrets stored and kept: their field stays closed until "Remplacer".
  const [replacing, setReplacing] = useState<Set<string>>(() => new Set());
  const [enabled, setEnabled] = useState(row?.enabled ?? true);
  // Empty: the channel's default applies (shown as the placeholder).
  const [rate, setRate] = useState(row?.ratePerSecondSet && row.ratePerSecond !== null ? String(row.ratePerSecond) : "");
  const defaultRate = DEFAULT_RATE_PER_SECOND[channel];
  // Opened by hand or by a refusal inside: it stays open while the field is corrected.
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const name = t(`channels.${channel}.name`);
  const errorKey = (k: string) => `${isSecret(channel, k) ? "secrets" : "settings"}.${k}`;

  function set(k: string, v: string) {
    setValues((s) => ({ ...s, [k]: v }));
    form.clear(errorKey(k));
  }

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setFormError(null);
    start(async () => {
      const r = await actions.setMessageProvider({ channel, values: providerValues(channel, values, enabled, rate) });
      if (!r.ok) {
        failed(r, (k) => k === "ratePerSecond" || keys.some((f) => errorKey(f) === k));
        return;
      }
      // Typed secrets leave the page's memory with the dialog.
      toast.success(t("channelSaved", { channel: name }));
      onClose();
    });
  }

  const field = (k: string, spec: FieldSpec) => {
    const key = errorKey(k);
    const label = t(`fields.${channel}.${k}.label`);
    const hintKey = `fields.${channel}.${k}.hint`;
    const hint = t.has(hintKey) ? t(hintKey) : undefined;
    const stored = isSecret(channel, k) && row?.secrets[k] === true;
    const open = !stored || replacing.has(k);
    const props = { ...form.control(key, { hint: !!hint }), value: values[k], autoComplete: "off", spellCheck: false };
    let control: React.ReactNode;
    if (spec.kind === "select") {
      control = (
        <NativeSelect {...props} onChange={(e) => set(k, e.target.value)}>
          <option value="">{t("defaultOption", { value: spec.default ?? "" })}</option>
          {spec.options?.map((o) => (
            <option key={o} value={o}>
              {t.has(`fields.${channel}.${k}.options.${o}`) ? t(`fields.${channel}.${k}.options.${o}`) : o}
            </option>
          ))}
        </NativeSelect>
      );
    } else if (spec.kind === "json") {
      control = <Textarea {...props} rows={3} className="font-mono text-xs" placeholder={spec.placeholder} onChange={(e) => set(k, e.target.value)} />;
    } else if (spec.kind === "secret") {
      control = open ? (
        <div className="flex flex-col gap-2 sm:flex-row">
          <Input
            {...props}
            // A drawn token is shown (it must be pasted into the provider's console too); a typed one is masked.
            type={spec.generate ? "text" : "password"}
            autoComplete="new-password"
            className="font-mono"
            placeholder={stored ? t("secretNew") : undefined}
            // Opened by "Remplacer": the new value is typed at once.
            autoFocus={stored}
            onChange={(e) => set(k, e.target.value)}
          />
          {spec.generate ? (
            <Button type="button" variant="outline" onClick={() => set(k, generatePassword(32))}>
              <KeyRound aria-hidden />
              {t("generate")}
            </Button>
          ) : null}
          {spec.generate && values[k] ? <CopyButton text={values[k]} label={t("copy")} /> : null}
          {stored ? (
            <Button
              type="button"
              variant="ghost"
              onClick={() => {
                setReplacing((s) => new Set([...s].filter((x) => x !== k)));
                set(k, "");
              }}
            >
              {t("keepSecret")}
            </Button>
          ) : null}
        </div>
      ) : (
        <div className="flex flex-wrap items-center gap-2">
          <Badge variant="secondary" data-testid={`secret-set-${k}`}>
            {t("secretSet")}
          </Badge>
          <span className="text-xs text-muted-foreground">{t("secretHidden")}</span>
          <Button
            type="button"
            variant="outline"
            size="sm"
            id={form.controlId(key)}
            onClick={() => setReplacing((s) => new Set(s).add(k))}
            aria-label={t("replaceNamed", { field: label })}
          >
            {t("replace")}
          </Button>
        </div>
      );
    } else {
      control = (
        <Input
          {...props}
          type={spec.kind === "url" ? "url" : spec.kind === "email" ? "email" : "text"}
          inputMode={spec.kind === "number" ? "numeric" : spec.kind === "url" ? "url" : spec.kind === "email" ? "email" : undefined}
          placeholder={spec.placeholder}
          onChange={(e) => set(k, e.target.value)}
        />
      );
    }
    return (
      <FormField key={k} {...form.field(key, { hint: !!hint })} label={label} required={spec.required && !stored} hint={hint} className={spec.kind === "json" || spec.kind === "secret" ? "sm:col-span-2" : undefined}>
        {control}
      </FormField>
    );
  };

  const rateField = (
    <FormField
      key="ratePerSecond"
      {...form.field("ratePerSecond", { hint: true })}
      label={t("rate.label")}
      hint={defaultRate === null ? t("rate.hintUnlimited") : t("rate.hint", { default: defaultRate })}
    >
      <Input
        {...form.control("ratePerSecond", { hint: true })}
        value={rate}
        inputMode="numeric"
        autoComplete="off"
        placeholder={defaultRate === null ? t("rate.unlimited") : String(defaultRate)}
        onChange={(e) => {
          setRate(e.target.value);
          form.clear("ratePerSecond");
        }}
      />
    </FormField>
  );

  const main = keys.filter((k) => !specs[k].advanced);
  const advanced = keys.filter((k) => specs[k].advanced);

  return (
    <Dialog open onOpenChange={(o) => !o && !pending && onClose()}>
      <DialogContent closeLabel={tc("close")} className="max-h-[calc(100dvh-2rem)] overflow-y-auto sm:max-w-2xl">
        <form ref={formRef} onSubmit={submit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>{t("configureTitle", { channel: name })}</DialogTitle>
            <DialogDescription>{t(`channels.${channel}.formHint`)}</DialogDescription>
          </DialogHeader>
          <CheckboxField id={`${form.base}-enabled`} label={t("enabledChannel", { channel: name })} hint={t("enabledChannelHint")} checked={enabled} onCheckedChange={setEnabled} />
          <div className="grid gap-4 sm:grid-cols-2">{main.map((k) => field(k, specs[k]))}</div>
          <details className="group rounded-md border p-3" open={advancedOpen || [...advanced.map(errorKey), "ratePerSecond"].some((k) => form.errors[k])} onToggle={(e) => setAdvancedOpen(e.currentTarget.open)}>
            <summary className="cursor-pointer rounded text-sm font-medium outline-none focus-visible:ring-[3px] focus-visible:ring-ring/60">{t("advanced")}</summary>
            <div className="mt-3 grid gap-4 sm:grid-cols-2">
              {advanced.map((k) => field(k, specs[k]))}
              {rateField}
            </div>
          </details>
          {callbackUrl ? <CallbackUrl channel={channel} url={callbackUrl} /> : null}
          <SubmitRow pending={pending} message={formError} submitLabel={t("saveChannel")} onCancel={onClose} />
        </form>
      </DialogContent>
    </Dialog>
  );
}
