"use client";

// The bar under the booking form, kept low so it never hides the form on a phone: the form's
// message, the total (the domain's own pricing), "confirm now" and the buttons. The manager's
// "book anyway" sits in the form beside the date and time (force-choice.tsx), not here.
import { Loader2 } from "lucide-react";
import Link from "next/link";
import { useId } from "react";
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
  cancelHref,
}: {
  message: string | null;
  pending: boolean;
  /** The formatted total, or null before a service is chosen. */
  total: string | null;
  confirm: boolean;
  onConfirm: (confirm: boolean) => void;
  cancelHref: string;
}) {
  const t = useTranslations("form");
  const id = useId();
  return (
    <section className="sticky bottom-0 z-10 flex flex-col gap-2 rounded-lg border bg-card p-3 shadow-md sm:gap-3 sm:p-4" data-testid="booking-bar">
      <FormAlert message={message} />
      {/* Phones: total and "confirm now" on one line, the buttons under them; wider: the total, and on the right "confirm now" over the buttons. */}
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <div aria-live="polite" className="flex items-baseline gap-2 sm:block">
          <div className="sr-only text-sm text-muted-foreground sm:not-sr-only">{t("total")}</div>
          <div className="text-lg font-semibold whitespace-nowrap tabular-nums sm:text-2xl" data-testid="form-total">
            {total ?? "—"}
          </div>
          <div className="hidden text-xs text-muted-foreground sm:block">{t("totalHint")}</div>
        </div>
        {/* One column on the right from sm; on phones its two parts join the line above (contents). */}
        <div className="contents sm:flex sm:flex-col sm:items-end sm:gap-3">
          <div className="flex items-center gap-2">
            <Checkbox id={`${id}-confirm`} checked={confirm} onCheckedChange={(v) => onConfirm(v === true)} />
            <Label htmlFor={`${id}-confirm`}>{t("confirmNow")}</Label>
          </div>
          <div className="flex w-full gap-2 sm:w-auto">
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
