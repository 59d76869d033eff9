"use client";

// The bar under the booking form: the form's message, the manager's "book anyway", the total
// (the domain's own pricing), "confirm now" and the buttons.
import { Loader2 } from "lucide-react";
import Link from "next/link";
import { useEffect, useId, useRef } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/form";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";

export function BookingBar({
  message,
  pending,
  total,
  confirm,
  onConfirm,
  force,
  cancelHref,
}: {
  message: string | null;
  pending: boolean;
  /** The formatted total, or null before a service is chosen. */
  total: string | null;
  confirm: boolean;
  onConfirm: (confirm: boolean) => void;
  /** Set when the server says this member may book outside the agent's hours after its refusal. */
  force: { onForce: () => void; onChangeTime: () => void } | null;
  cancelHref: string;
}) {
  const t = useTranslations("form");
  const id = useId();
  const forceRef = useRef<HTMLButtonElement>(null);
  // The choice is the next thing to do: focus goes to it once it shows and can be pressed.
  const asking = !!force;
  useEffect(() => {
    if (asking && !pending) forceRef.current?.focus();
  }, [asking, pending]);
  return (
    <section className="sticky bottom-0 z-10 flex flex-col gap-3 rounded-lg border bg-card p-4 shadow-md">
      <FormAlert message={message} />
      {force ? (
        <div role="group" aria-label={t("forceTitle")} data-testid="force-outside-hours" className="flex flex-col gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          <p>{t("forceHint")}</p>
          <div className="flex flex-wrap gap-2">
            <Button ref={forceRef} type="button" variant="destructive" disabled={pending} onClick={force.onForce}>
              {t("forceOutsideHours")}
            </Button>
            <Button type="button" variant="outline" disabled={pending} onClick={force.onChangeTime}>
              {t("forceChange")}
            </Button>
          </div>
        </div>
      ) : null}
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <div aria-live="polite">
          <div className="text-sm text-muted-foreground">{t("total")}</div>
          <div className="text-2xl font-semibold whitespace-nowrap tabular-nums" data-testid="form-total">
            {total ?? "—"}
          </div>
          <div className="text-xs text-muted-foreground">{t("totalHint")}</div>
        </div>
        <div className="flex flex-col gap-3 sm:items-end">
          <div className="flex items-center gap-2">
            <Checkbox id={`${id}-confirm`} checked={confirm} onCheckedChange={(v) => onConfirm(v === true)} />
            <Label htmlFor={`${id}-confirm`}>{t("confirmNow")}</Label>
          </div>
          <div className="flex gap-2">
            <Button variant="outline" size="lg" asChild className="flex-1 sm:flex-none">
              <Link href={cancelHref}>{t("cancel")}</Link>
            </Button>
            <Button type="submit" size="lg" disabled={pending} className="flex-[2] sm:flex-none">
              {pending ? <Loader2 aria-hidden className="animate-spin" /> : null}
              {pending ? t("submitting") : t("submit")}
            </Button>
          </div>
        </div>
      </div>
    </section>
  );
}
