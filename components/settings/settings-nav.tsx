"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { cn } from "@/lib/utils";

/**
 * The settings' sections as tabs that are links (each has its own URL). On a phone the row is
 * wider than the screen: it scrolls sideways, a fade on the side that hides more tabs says so
 * (a tab cut mid-word alone did not), and the current tab is scrolled into view.
 */
export function SettingsNav({ items, label }: { items: { href: string; label: string }[]; label: string }) {
  const pathname = usePathname();
  const scroller = useRef<HTMLElement>(null);
  const [more, setMore] = useState({ before: false, after: false });

  const measure = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    // A pixel of slack: fractional widths never line up exactly.
    const before = el.scrollLeft > 1;
    const after = el.scrollLeft + el.clientWidth < el.scrollWidth - 1;
    setMore((m) => (m.before === before && m.after === after ? m : { before, after }));
  }, []);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const current = el.querySelector<HTMLElement>("[aria-current=page]");
    // scrollLeft rather than scrollIntoView, which would also scroll the page down to the tabs.
    if (current) el.scrollLeft = current.offsetLeft - (el.clientWidth - current.offsetWidth) / 2;
    measure();
  }, [pathname, measure]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [measure]);

  return (
    <div className="relative -mx-3 sm:mx-0" data-testid="settings-tabs" data-more-before={more.before || undefined} data-more-after={more.after || undefined}>
      <nav ref={scroller} aria-label={label} onScroll={measure} className="relative overflow-x-auto px-3 [scrollbar-width:none] sm:px-0 [&::-webkit-scrollbar]:hidden">
        <ul className="flex w-max gap-1 border-b sm:w-auto">
          {items.map((item) => {
            const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
            return (
              <li key={item.href}>
                <Link
                  href={item.href}
                  aria-current={active ? "page" : undefined}
                  className={cn(
                    "-mb-px flex h-10 items-center border-b-2 border-transparent px-3 text-sm font-medium whitespace-nowrap text-muted-foreground outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/60 focus-visible:ring-inset",
                    active && "border-primary text-foreground",
                  )}
                >
                  {item.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <span
        aria-hidden
        className={cn("pointer-events-none absolute inset-y-0 left-0 w-8 bg-linear-to-r from-background to-transparent transition-opacity", more.before ? "opacity-100" : "opacity-0")}
      />
      <span
        aria-hidden
        className={cn("pointer-events-none absolute inset-y-0 right-0 w-10 bg-linear-to-l from-background to-transparent transition-opacity", more.after ? "opacity-100" : "opacity-0")}
      />
    </div>
  );
}
