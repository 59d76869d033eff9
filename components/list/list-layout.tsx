"use client";

// One layout for every list page (services, agents, customers, companies, team, API keys):
// an intro with the page's actions, a toolbar, the table on desktop and cards on phones,
// one empty state for both.
import { useHydrated } from "@/components/use-hydrated";
import { cn } from "@/lib/utils";

/** The list's frame; `data-hydrated` tells tests (and nothing else) that the page took over. */
export function ListLayout({
  before,
  intro,
  actions,
  toolbar,
  className,
  children,
}: {
  /** A panel above the list's header (the API keys' access details). */
  before?: React.ReactNode;
  /** The sentence that says what the list is (settings pages; catalog pages have a PageHeader). */
  intro?: React.ReactNode;
  actions?: React.ReactNode;
  toolbar?: React.ReactNode;
  className?: string;
  children: React.ReactNode;
}) {
  const hydrated = useHydrated();
  return (
    <div className={cn("flex flex-col gap-4", className)} data-hydrated={hydrated || undefined}>
      {before}
      {intro || actions ? (
        <div className="flex flex-wrap items-center justify-between gap-2">
          {intro ? <p className="text-sm text-muted-foreground">{intro}</p> : <span />}
          {actions}
        </div>
      ) : null}
      {toolbar}
      {children}
    </div>
  );
}

/**
 * The rows twice: `table` from md up, one card per row below. With `emptyAlone` an empty list
 * shows only its empty state (settings); otherwise the table shows its own (catalog: its
 * header stays, so the sorting is still there when a filter empties it).
 */
export function ResponsiveRows<R>({
  label,
  rows,
  rowKey,
  table,
  card,
  cardProps,
  empty,
  emptyAlone = false,
  listClassName,
}: {
  label: string;
  rows: readonly R[];
  rowKey: (row: R) => string;
  table: React.ReactNode;
  card: (row: R) => React.ReactNode;
  /** Attributes of a card's <li>; its className replaces the default card frame. */
  cardProps?: (row: R) => React.ComponentProps<"li">;
  empty: React.ReactNode;
  emptyAlone?: boolean;
  listClassName?: string;
}) {
  if (emptyAlone && rows.length === 0) return <div className="rounded-lg border bg-card">{empty}</div>;
  return (
    <>
      {table}
      <ul className={cn("flex flex-col gap-3 md:hidden", listClassName)} aria-label={label}>
        {rows.length === 0 ? (
          <li className="rounded-lg border bg-card">{empty}</li>
        ) : (
          rows.map((r) => {
            const { className, ...props } = cardProps?.(r) ?? {};
            return (
              <li key={rowKey(r)} className={className ?? "flex flex-col gap-2 rounded-lg border bg-card p-3"} {...props}>
                {card(r)}
              </li>
            );
          })
        )}
      </ul>
    </>
  );
}
