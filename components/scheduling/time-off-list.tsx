"use client";

import { Loader2, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { toast } from "sonner";
import { useActions } from "@/components/actions-context";
import { DateField } from "@/components/forms/date-field";
import { TimeField } from "@/components/forms/time-field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { formatTypedDate } from "@/lib/contract/date-input";
import type { TimeOff } from "@/lib/contract/hours";

/** An agent's time off and extra hours (company clock): the list, a remove button each, a form to add. */
export function TimeOffList({ company, agentId, items, readOnly = false }: { company: string; agentId: string; items: TimeOff[]; readOnly?: boolean }) {
  const actions = useActions();
  const t = useTranslations("scheduling");
  const router = useRouter();
  const base = useId();
  const [form, setForm] = useState({ kind: "off", startDate: "", endDate: "", startTime: "", endTime: "", note: "" });
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, start] = useTransition();
  const set = (k: keyof typeof form, v: string) => {
    setForm((f) => ({ ...f, [k]: v }));
    setErrors({});
  };

  function add(e: React.FormEvent) {
    e.preventDefault();
    start(async () => {
      const values = {
        kind: form.kind,
        startDate: form.startDate,
        endDate: form.endDate || undefined,
        startTime: form.startTime || null,
        endTime: form.endTime || null,
        note: form.note || null,
      };
      const r = await actions.createTimeOff({ company, id: agentId, values });
      if (!r.ok) {
        setErrors(r.fields ?? {});
        toast.error(r.message);
        return;
      }
      setForm({ kind: "off", startDate: "", endDate: "", startTime: "", endTime: "", note: "" });
      toast.success(t("timeOffAdded"));
      router.refresh();
    });
  }

  function remove(id: string) {
    start(async () => {
      const r = await actions.deleteTimeOff({ company, id: agentId, timeOffId: id });
      if (!r.ok) toast.error(r.message);
      router.refresh();
    });
  }

  // Dates day first, as they are typed (formatTypedDate), never the ISO key.
  const describe = (x: TimeOff) =>
    [
      x.startDate === x.endDate
        ? formatTypedDate(x.startDate)
        : t("dateRange", { from: formatTypedDate(x.startDate), to: formatTypedDate(x.endDate) }),
      x.startTime ? `${x.startTime}–${x.endTime}` : t("wholeDay"),
      x.note,
    ]
      .filter(Boolean)
      .join(" · ");
  // Dates and times in the interface's language (native date and time fields follow the
  // browser's: "mm/dd/yyyy" and "--:-- --" in the French interface with an English browser).
  // While a text is not a date or a time the value is "", which the server refuses, by field.
  const field = (k: keyof typeof form, type: "date" | "time" | "text", label: string) => {
    const id = `${base}-${k}`;
    const invalid = errors[k] ? true : undefined;
    return (
      <div className="grid gap-1">
        <Label htmlFor={id}>{label}</Label>
        {type === "date" ? (
          <DateField id={id} value={form[k]} onValueChange={(v) => set(k, v ?? "")} aria-invalid={invalid} />
        ) : type === "time" ? (
          <TimeField id={id} value={form[k]} onValueChange={(v) => set(k, v ?? "")} aria-invalid={invalid} />
        ) : (
          <Input id={id} value={form[k]} onChange={(e) => set(k, e.target.value)} aria-invalid={invalid} />
        )}
        {errors[k] ? <p className="text-xs text-destructive">{errors[k].join(" ")}</p> : null}
      </div>
    );
  };

  return (
    <div className="grid gap-4" data-testid="time-off">
      {items.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("noTimeOff")}</p>
      ) : (
        <ul className="grid gap-2">
          {items.map((x) => (
            <li key={x.id} className="flex items-center justify-between gap-2 rounded border px-3 py-2 text-sm">
              <span>
                <span className="font-medium">{t(x.kind === "off" ? "kindOff" : "kindExtra")}</span> · {describe(x)}
              </span>
              {readOnly ? null : (
                <Button type="button" variant="ghost" size="icon" disabled={pending} aria-label={t("removeTimeOff", { what: describe(x) })} onClick={() => remove(x.id)}>
                  <Trash2 aria-hidden />
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {readOnly ? null : (
        <form onSubmit={add} className="grid gap-3 rounded-lg border p-3 sm:grid-cols-3" noValidate>
          <div className="grid gap-1">
            <Label htmlFor={`${base}-kind`}>{t("kind")}</Label>
            <NativeSelect id={`${base}-kind`} value={form.kind} onChange={(e) => set("kind", e.target.value)}>
              <option value="off">{t("kindOff")}</option>
              <option value="extra">{t("kindExtra")}</option>
            </NativeSelect>
          </div>
          {field("startDate", "date", t("startDate"))}
          {field("endDate", "date", t("endDate"))}
          {field("startTime", "time", t("startTime"))}
          {field("endTime", "time", t("endTime"))}
          {field("note", "text", t("note"))}
          <Button type="submit" className="w-fit sm:col-span-3" disabled={pending}>
            {pending ? <Loader2 aria-hidden className="animate-spin" /> : null}
            {t("addTimeOff")}
          </Button>
        </form>
      )}
    </div>
  );
}
