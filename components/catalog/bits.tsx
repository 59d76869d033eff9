// Presentational pieces of the catalog and settings pages (no state: usable from server pages).
import { CheckCircle2, CircleSlash } from "lucide-react";
import { cn } from "@/lib/utils";

/** Active or not, in words and an icon (colour is not the only cue). */
export function ActiveBadge({ active, labels, className }: { active: boolean; labels: { active: string; inactive: string }; className?: string }) {
  return (
    <span
      data-active={active}
      className={cn(
        "inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap",
        active ? "border-emerald-300 bg-emerald-50 text-emerald-900" : "border-neutral-300 bg-neutral-100 text-neutral-700",
        className,
      )}
    >
      {active ? <CheckCircle2 aria-hidden className="size-3.5" /> : <CircleSlash aria-hidden className="size-3.5" />}
      {active ? labels.active : labels.inactive}
    </span>
  );
}

export function Chips({ items, max = 3, className }: { items: string[]; max?: number; className?: string }) {
  if (items.length === 0) return <span className="text-muted-foreground">—</span>;
  const shown = items.slice(0, max);
  const more = items.length - shown.length;
  return (
    <span className={cn("flex flex-wrap gap-1", className)}>
      {shown.map((c) => (
        <span key={c} className="rounded-md bg-secondary px-1.5 py-0.5 text-xs text-secondary-foreground">
          {c}
        </span>
      ))}
      {more > 0 ? (
        <span className="rounded-md px-1 py-0.5 text-xs text-muted-foreground" title={items.slice(max).join(", ")}>
          +{more}
        </span>
      ) : null}
    </span>
  );
}

/** The categories a company's services use, for suggestions. */
export function categoriesOf(services: { categories: string[] }[]): string[] {
  return [...new Set(services.flatMap((s) => s.categories))].sort((a, b) => a.localeCompare(b, "fr"));
}
