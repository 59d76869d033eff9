"use client";

// Inputs of the catalog forms: money in whole francs, durations in minutes, categories as tags.
import { X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/utils";
import { currencyUnit, groupDigits, parseAmount } from "./money";

/** Whole amounts (XOF has no cents): digits with the unit after them; "5 000" is accepted. */
export function MoneyInput({
  value,
  onChange,
  currency,
  className,
  ...props
}: Omit<React.ComponentProps<"input">, "value" | "onChange" | "type"> & {
  value: string;
  onChange: (value: string) => void;
  currency: string;
}) {
  const unit = currencyUnit(currency);
  return (
    <div className={cn("relative", className)}>
      <Input
        type="text"
        inputMode="numeric"
        autoComplete="off"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onBlur={(e) => {
          const n = parseAmount(e.target.value);
          if (n !== undefined && Number.isFinite(n)) onChange(groupDigits(n));
          props.onBlur?.(e);
        }}
        className="pr-14 text-right tabular-nums"
        {...props}
      />
      <span aria-hidden className="pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 text-sm text-muted-foreground">
        {unit}
      </span>
    </div>
  );
}

/** Categories as removable chips; Enter or a comma adds what was typed, so does leaving the field. */
export function TagsInput({
  id,
  value,
  onChange,
  suggestions = [],
  placeholder,
  invalid,
  describedBy,
}: {
  id: string;
  value: string[];
  onChange: (tags: string[]) => void;
  suggestions?: string[];
  placeholder?: string;
  invalid?: boolean;
  describedBy?: string;
}) {
  const t = useTranslations("catalog");
  const listId = useId();
  const [text, setText] = useState("");

  function add(raw: string) {
    const tags = raw
      .split(",")
      .map((s) => s.trim().replace(/\s+/g, " "))
      .filter(Boolean);
    if (tags.length === 0) return;
    const next = [...value];
    for (const tag of tags) if (!next.some((v) => v.toLocaleLowerCase() === tag.toLocaleLowerCase())) next.push(tag.slice(0, 50));
    onChange(next);
    setText("");
  }

  const offered = suggestions.filter((s) => !value.some((v) => v.toLocaleLowerCase() === s.toLocaleLowerCase()));

  return (
    <div
      className={cn(
        "flex min-h-9 flex-wrap items-center gap-1.5 rounded-md border border-input bg-card px-2 py-1 shadow-xs focus-within:border-ring focus-within:ring-[3px] focus-within:ring-ring/40",
        invalid && "border-destructive",
      )}
    >
      <ul className="contents" aria-label={t("categoriesChosen")}>
        {value.map((tag) => (
          <li key={tag} className="flex items-center gap-1 rounded-md bg-secondary py-0.5 pr-1 pl-2 text-sm text-secondary-foreground">
            {tag}
            <button
              type="button"
              onClick={() => onChange(value.filter((v) => v !== tag))}
              aria-label={t("removeCategory", { name: tag })}
              className="rounded-sm p-0.5 text-muted-foreground outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/60"
            >
              <X aria-hidden className="size-3.5" />
            </button>
          </li>
        ))}
      </ul>
      <input
        id={id}
        list={offered.length ? listId : undefined}
        value={text}
        placeholder={value.length ? undefined : placeholder}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        onChange={(e) => {
          const v = e.target.value;
          if (v.endsWith(",")) add(v);
          else setText(v);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            if (text.trim()) {
              e.preventDefault();
              add(text);
            }
          } else if (e.key === "Backspace" && text === "" && value.length) {
            onChange(value.slice(0, -1));
          }
        }}
        onBlur={() => add(text)}
        className="h-7 min-w-32 flex-1 bg-transparent text-base outline-none placeholder:text-muted-foreground md:text-sm"
      />
      {offered.length ? (
        <datalist id={listId}>
          {offered.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      ) : null}
    </div>
  );
}
