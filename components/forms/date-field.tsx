"use client";

import { CalendarDays } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { enGB, fr } from "react-day-picker/locale";
import { Button } from "@/components/ui/button";
import { Calendar } from "@/components/ui/calendar";
import { Input } from "@/components/ui/input";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { localDateKey } from "@/lib/contract/dates";
import { datePlaceholder, formatTypedDate, isoToLocalDate, localDateToIso, parseTypedDate } from "@/lib/contract/date-input";
import { cn } from "@/lib/utils";

/**
 * A date in the interface's language, not the browser's: typed day first (28/11/2026) or
 * picked in a month grid (react-day-picker, French or English names, Monday first). The value
 * is "YYYY-MM-DD"; `onValueChange` gets it when the text is a whole real date, "" when
 * emptied, and null while the text is not a date (so a form can say so rather than keep an
 * older value). `timeZone` marks the company's today in the grid.
 */
export function DateField({
  id,
  value,
  onValueChange,
  timeZone,
  min,
  className,
  inputClassName,
  ...aria
}: {
  id: string;
  value: string;
  onValueChange: (value: string | null) => void;
  timeZone?: string;
  min?: string;
  className?: string;
  inputClassName?: string;
  required?: boolean;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
}) {
  const locale = useLocale();
  const t = useTranslations("fields");
  const input = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(() => formatTypedDate(value));
  // A value set from outside (the URL, a picked slot) shows; one this field sent stays as typed.
  const [shownValue, setShownValue] = useState(value);
  if (value !== shownValue) {
    setShownValue(value);
    if (value !== (parseTypedDate(text, { complete: true }) ?? "")) setText(formatTypedDate(value));
  }

  function send(next: string | null) {
    if (next !== null) setShownValue(next);
    onValueChange(next);
  }

  function type(next: string) {
    setText(next);
    send(next.trim() === "" ? "" : parseTypedDate(next));
  }

  function leave() {
    const iso = parseTypedDate(text, { complete: true });
    if (iso) {
      setText(formatTypedDate(iso));
      if (iso !== value) send(iso);
    }
  }

  const selected = isoToLocalDate(value);
  const today = timeZone ? isoToLocalDate(localDateKey(new Date(), timeZone)) : undefined;
  const from = min ? isoToLocalDate(min) : undefined;
  return (
    // The grid's button sits inside the field, as an adornment: the pair takes one field's width.
    <div className={cn("relative", className)}>
      <Input
        ref={input}
        id={id}
        value={text}
        inputMode="numeric"
        autoComplete="off"
        placeholder={datePlaceholder(locale)}
        onChange={(e) => type(e.target.value)}
        onBlur={leave}
        className={cn("pr-10 tabular-nums", inputClassName)}
        {...aria}
      />
      <Popover open={open} onOpenChange={setOpen}>
        <PopoverTrigger asChild>
          <Button
            type="button"
            variant="ghost"
            size="icon-sm"
            className="absolute top-1/2 right-0.5 -translate-y-1/2 text-muted-foreground"
            aria-label={t("pickDate")}
            title={t("pickDate")}
          >
            <CalendarDays aria-hidden />
          </Button>
        </PopoverTrigger>
        <PopoverContent className="w-auto p-0" align="end" onCloseAutoFocus={(e) => (e.preventDefault(), input.current?.focus())}>
          <Calendar
            mode="single"
            autoFocus
            locale={locale === "en" ? enGB : fr}
            weekStartsOn={1}
            selected={selected}
            defaultMonth={selected ?? today}
            today={today}
            disabled={from ? { before: from } : undefined}
            onSelect={(d) => {
              if (!d) return;
              const iso = localDateToIso(d);
              setText(formatTypedDate(iso));
              send(iso);
              setOpen(false);
            }}
          />
        </PopoverContent>
      </Popover>
    </div>
  );
}
