"use client";

// The customer's message preferences in their dialog: first name for greetings, language,
// preferred channel (WhatsApp and SMS only for a mobile number) and the channels refused.
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { CheckboxGroup, FormField, TextField, type FieldKit } from "@/components/form";
import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { MESSAGE_LANGUAGES, type MessageChannel, type MessageLanguage } from "@/lib/contract/messages";
import { normalizePhone } from "@/lib/contract/phone";
import type { PhoneKind } from "@/lib/contract/phone-kind";

export type MessagingValues = {
  firstName: string;
  language: MessageLanguage;
  /** "" : the default rule. */
  preferredChannel: MessageChannel | "";
  optOuts: MessageChannel[];
};

/** The channels a customer may prefer or refuse (the journal is the app's, not theirs). */
const CUSTOMER_CHANNELS = ["whatsapp", "sms", "email"] as const satisfies readonly MessageChannel[];
const PHONE_CHANNELS: readonly MessageChannel[] = ["whatsapp", "sms"];

/**
 * The kind of the number typed (mobile, fixed), known at once for the saved one; another is
 * looked up with libphonenumber's full metadata, loaded only then (it is large for a form).
 */
function usePhoneKind(telephone: string, saved: { telephone: string; kind: PhoneKind } | undefined): PhoneKind | null {
  const [kind, setKind] = useState<PhoneKind | null>(saved?.kind ?? null);
  useEffect(() => {
    const e164 = normalizePhone(telephone);
    if (!e164) return setKind(null);
    if (saved && normalizePhone(saved.telephone) === e164) return setKind(saved.kind);
    let live = true;
    void import("@/lib/contract/phone-kind").then((m) => live && setKind(m.phoneKind(e164)));
    return () => {
      live = false;
    };
  }, [telephone, saved]);
  return kind;
}

export function CustomerMessagingFields({
  form,
  values,
  onChange,
  telephone,
  saved,
}: {
  form: FieldKit;
  values: MessagingValues;
  onChange: (patch: Partial<MessagingValues>) => void;
  telephone: string;
  saved?: { telephone: string; kind: PhoneKind };
}) {
  const t = useTranslations("CustomerMessages");
  const tm = useTranslations("MessagesPage.channel");
  const kind = usePhoneKind(telephone, saved);
  const mobile = kind === "mobile";
  const offered = CUSTOMER_CHANNELS.filter((c) => mobile || !PHONE_CHANNELS.includes(c));
  const { preferredChannel } = values;

  // A number that is no longer a mobile cannot keep WhatsApp or SMS as its channel.
  useEffect(() => {
    if (kind !== null && !mobile && PHONE_CHANNELS.includes(preferredChannel as MessageChannel)) onChange({ preferredChannel: "" });
  }, [kind, mobile, preferredChannel, onChange]);

  const select = (name: "language" | "preferredChannel", hint?: string) => ({
    field: form.field(name, { hint: !!hint }),
    control: form.control(name, { hint: !!hint }),
  });
  const language = select("language");
  const channel = select("preferredChannel", "hint");

  return (
    <fieldset className="grid gap-4 rounded-md border p-3">
      <legend className="px-1 text-sm font-medium">{t("preferences")}</legend>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          form={form}
          name="firstName"
          label={t("firstName")}
          hint={t("firstNameHint")}
          value={values.firstName}
          onValueChange={(firstName) => onChange({ firstName })}
          maxLength={60}
          autoComplete="off"
        />
        <FormField {...language.field} label={t("language")}>
          <NativeSelect
            {...language.control}
            value={values.language}
            onChange={(e) => {
              onChange({ language: e.target.value as MessageLanguage });
              form.clear("language");
            }}
          >
            {MESSAGE_LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {t(`languages.${l}`)}
              </option>
            ))}
          </NativeSelect>
        </FormField>
      </div>
      <FormField {...channel.field} label={t("channel")} hint={kind !== null && !mobile ? t("fixedLine") : t("channelAutoHint")}>
        <NativeSelect
          {...channel.control}
          value={values.preferredChannel}
          onChange={(e) => {
            onChange({ preferredChannel: e.target.value as MessagingValues["preferredChannel"] });
            form.clear("preferredChannel");
          }}
        >
          <option value="">{t("channelAuto")}</option>
          {offered.map((c) => (
            <option key={c} value={c}>
              {tm(c)}
            </option>
          ))}
        </NativeSelect>
      </FormField>
      <CheckboxGroup legend={t("optOuts")} error={form.errors.optOuts} errorId={form.errorId("optOuts")}>
        <p className="-mt-1 text-xs text-muted-foreground">
          {t("optOutsHint")}
        </p>
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {CUSTOMER_CHANNELS.map((c) => {
            const id = `${form.base}-optout-${c}`;
            return (
              <div key={c} className="flex items-center gap-2">
                <Checkbox
                  id={id}
                  checked={values.optOuts.includes(c)}
                  onCheckedChange={(v) => {
                    onChange({ optOuts: v === true ? [...values.optOuts, c] : values.optOuts.filter((x) => x !== c) });
                    form.clear("optOuts");
                  }}
                />
                <Label htmlFor={id}>{tm(c)}</Label>
              </div>
            );
          })}
        </div>
      </CheckboxGroup>
    </fieldset>
  );
}
