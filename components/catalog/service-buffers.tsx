"use client";

import { useTranslations } from "next-intl";
import { Input } from "@/components/ui/input";
import { FormField } from "@/components/form";

/**
 * The service's buffers: minutes the agent is busy before (set-up) and after (cleaning) each
 * appointment, 0–240. The customer's appointment keeps the service's duration.
 */
export function ServiceBuffers({
  base,
  before,
  after,
  onChange,
  errors,
  errorId,
  aria,
}: {
  base: string;
  before: string;
  after: string;
  onChange: (key: "bufferBefore" | "bufferAfter", value: string) => void;
  errors: Record<string, string[] | undefined>;
  errorId: (key: string) => string;
  aria: (key: string, hint?: string) => Record<string, unknown>;
}) {
  const t = useTranslations("services");
  const field = (key: "bufferBefore" | "bufferAfter", value: string) => (
    <FormField id={`${base}-${key}`} label={t(key)} hint={t("bufferHint")} hintId={`${base}-${key}-hint`} error={errors[key]} errorId={errorId(key)}>
      <div className="relative">
        <Input
          id={`${base}-${key}`}
          type="number"
          inputMode="numeric"
          min={0}
          max={240}
          step={5}
          value={value}
          className="pr-12 tabular-nums"
          onChange={(e) => onChange(key, e.target.value)}
          {...aria(key, `${base}-${key}-hint`)}
        />
        <span aria-hidden className="pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 text-sm text-muted-foreground">
          min
        </span>
      </div>
    </FormField>
  );
  return (
    <>
      {field("bufferBefore", before)}
      {field("bufferAfter", after)}
    </>
  );
}
