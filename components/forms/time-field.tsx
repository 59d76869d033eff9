"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Input } from "@/components/ui/input";
import { parseTypedTime, stepTime } from "@/lib/contract/date-input";
import { cn } from "@/lib/utils";

/**
 * A time of day on the 24-hour clock whatever the browser's language ("14:30", never
 * "2:30 PM"): typed as 14:30, 14h30, 1430 or 9, tidied when the field is left; the arrow keys
 * move it by `step` minutes, as a native time field does. `onValueChange` gets "HH:MM", "" when
 * emptied, or null while the text is not a time.
 */
export function TimeField({
  id,
  value,
  onValueChange,
  step = 5,
  className,
  ...aria
}: {
  id: string;
  value: string;
  onValueChange: (value: string | null) => void;
  /** Minutes moved by the arrow keys. */
  step?: number;
  className?: string;
  required?: boolean;
  disabled?: boolean;
  "aria-label"?: string;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
}) {
  const t = useTranslations("fields");
  const [text, setText] = useState(value);
  const [shownValue, setShownValue] = useState(value);
  if (value !== shownValue) {
    setShownValue(value);
    if (value !== (parseTypedTime(text) ?? "")) setText(value);
  }

  function send(next: string | null, shown = next ?? text) {
    setText(shown);
    if (next !== null) setShownValue(next);
    onValueChange(next);
  }

  return (
    <Input
      id={id}
      value={text}
      inputMode="numeric"
      autoComplete="off"
      placeholder={t("timePlaceholder")}
      maxLength={8}
      onChange={(e) => {
        const next = e.target.value;
        // Sent at each key (the last one wins), so Enter right after typing books what is shown.
        send(next.trim() === "" ? "" : parseTypedTime(next), next);
      }}
      onBlur={() => {
        const parsed = parseTypedTime(text);
        if (parsed && parsed !== text) send(parsed);
      }}
      onKeyDown={(e) => {
        if (e.key !== "ArrowUp" && e.key !== "ArrowDown") return;
        e.preventDefault();
        send(stepTime(text, e.key === "ArrowUp" ? step : -step));
      }}
      className={cn("tabular-nums", className)}
      {...aria}
    />
  );
}
