"use client";

import { Copy, Loader2, Plus, X } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { TimeField } from "@/components/forms/time-field";
import { Label } from "@/components/ui/label";
import type { ActionResult } from "@/lib/contract/action-result";
import { fieldErrors } from "@/lib/contract/errors";
import { type TimeInterval, WEEKDAYS, type Weekday, type WeeklyHours, weeklyHoursInput } from "@/lib/contract/hours";

type Days = Record<Weekday, TimeInterval[]>;
const toDays = (w: WeeklyHours | null): Days => Object.fromEntries(WEEKDAYS.map((d) => [d, w?.[d] ?? []])) as Days;

/**
 * A week of opening hours, per day several intervals (a lunch break is a gap), a day copied
 * to the others in one click. `none` is the state without a week of one's own: for a company
 * "open at all times", for an agent "follows the company". Checked with the domain's schema
 * before it is sent, so errors read the same as the server's.
 */
export function WeeklyHoursEditor({
  initial,
  noneLabel,
  onSave,
  readOnly = false,
}: {
  initial: WeeklyHours | null;
  noneLabel: string;
  onSave: (hours: WeeklyHours | null) => Promise<ActionResult<unknown>>;
  readOnly?: boolean;
}) {
  const t = useTranslations("scheduling");
  const router = useRouter();
  const base = useId();
  const [own, setOwn] = useState(initial !== null);
  const [days, setDays] = useState<Days>(() => toDays(initial ?? { mon: [{ start: "08:00", end: "19:00" }] }));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, start] = useTransition();

  const edit = (day: Weekday, change: (list: TimeInterval[]) => TimeInterval[]) => {
    setDays((d) => ({ ...d, [day]: change(d[day]) }));
    setErrors({});
  };
  const copyToAll = (from: Weekday) => {
    setDays((d) => Object.fromEntries(WEEKDAYS.map((x) => [x, d[from].map((i) => ({ ...i }))])) as Days);
    setErrors({});
  };

  function save() {
    const week = Object.fromEntries(WEEKDAYS.filter((d) => days[d].length > 0).map((d) => [d, days[d]])) as WeeklyHours;
    if (own) {
      const parsed = weeklyHoursInput.safeParse(week);
      if (!parsed.success) {
        setErrors(fieldErrors(parsed.error.issues));
        return;
      }
    }
    start(async () => {
      const r = await onSave(own ? week : null);
      if (!r.ok) {
        const fields: Record<string, string[]> = {};
        for (const [k, v] of Object.entries(r.fields ?? {})) fields[k.replace(/^(hours|schedule)\./, "")] = v;
        setErrors(fields);
        toast.error(r.message);
        return;
      }
      toast.success(t("saved"));
      router.refresh();
    });
  }

  return (
    <div className="grid gap-4" data-testid="weekly-hours">
      <div className="flex items-center gap-2">
        <Checkbox id={`${base}-none`} checked={!own} disabled={readOnly} onCheckedChange={(v) => setOwn(v !== true)} />
        <Label htmlFor={`${base}-none`}>{noneLabel}</Label>
      </div>
      {own ? (
        <ul className="grid gap-3">
          {WEEKDAYS.map((day) => (
            <li key={day} className="grid gap-2 border-b pb-3 last:border-b-0 sm:grid-cols-[8rem_1fr_auto]" data-day={day}>
              <span className="pt-2 text-sm font-medium">{t(`days.${day}`)}</span>
              <div className="grid gap-2">
                {days[day].length === 0 ? <span className="pt-2 text-sm text-muted-foreground">{t("closed")}</span> : null}
                {days[day].map((interval, i) => {
                  const key = `${day}.${i}`;
                  const error = [...(errors[`${key}.start`] ?? []), ...(errors[`${key}.end`] ?? [])];
                  return (
                    <div key={i} className="grid gap-1">
                      <div className="flex items-center gap-2">
                        {(["start", "end"] as const).map((edge) => (
                          // Not a native time field: in an English-language browser it shows
                          // "08:00 AM" in the French interface, and cannot show 24:00.
                          <TimeField
                            key={edge}
                            id={`${base}-${key}-${edge}`}
                            className="w-24"
                            aria-label={t(edge === "start" ? "from" : "to", { day: t(`days.${day}`) })}
                            aria-invalid={error.length > 0 || undefined}
                            value={interval[edge]}
                            disabled={readOnly}
                            // While the text is not a time the interval holds "", which the schema refuses on save.
                            onValueChange={(v) => edit(day, (l) => l.map((x, j) => (j === i ? { ...x, [edge]: v ?? "" } : x)))}
                          />
                        ))}
                        <Button
                          type="button"
                          variant="ghost"
                          size="icon"
                          aria-label={t("removeInterval", { day: t(`days.${day}`) })}
                          disabled={readOnly}
                          onClick={() => edit(day, (l) => l.filter((_, j) => j !== i))}
                        >
                          <X aria-hidden />
                        </Button>
                      </div>
                      {error.length ? <p className="text-xs text-destructive">{error.join(" ")}</p> : null}
                    </div>
                  );
                })}
              </div>
              <div className="flex items-start gap-1">
                <Button
                  type="button"
                  variant="outline"
                  size="sm"
                  disabled={readOnly}
                  onClick={() => {
                    const last = days[day].at(-1);
                    edit(day, (l) => [...l, last ? { start: last.end < "23:00" ? last.end : "22:00", end: "23:00" } : { start: "08:00", end: "19:00" }]);
                  }}
                >
                  <Plus aria-hidden /> {t("addInterval")}
                </Button>
                <Button type="button" variant="ghost" size="sm" disabled={readOnly} onClick={() => copyToAll(day)} aria-label={t("copyToAll", { day: t(`days.${day}`) })}>
                  <Copy aria-hidden />
                </Button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {readOnly ? null : (
        <Button type="button" className="w-fit" onClick={save} disabled={pending}>
          {pending ? <Loader2 aria-hidden className="animate-spin" /> : null}
          {t("save")}
        </Button>
      )}
    </div>
  );
}
