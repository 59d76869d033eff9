"use client";

import { Menu } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle, SheetTrigger } from "@/components/ui/sheet";
import { cn } from "@/lib/utils";
import type { NavItem } from "./nav-items";

function isActive(item: NavItem, pathname: string): boolean {
  return item.exact ? pathname === item.href : pathname === item.href || pathname.startsWith(`${item.href}/`);
}

export function MainNav({ items, className }: { items: NavItem[]; className?: string }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  return (
    <nav aria-label={t("main")} className={className}>
      <ul className="flex items-center gap-1">
        {items.map((item) => {
          const active = isActive(item, pathname);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "rounded px-1.5 py-1 text-sm font-medium whitespace-nowrap xl:px-2 text-muted-foreground outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/60",
                  active && "bg-muted text-foreground",
                )}
              >
                {t(item.label)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/**
 * The same sections on small screens (the header has no room below `lg`): a menu button that
 * opens them in a panel from the left. Choosing one closes the panel.
 */
export function MobileNav({ items, company, className }: { items: NavItem[]; company: string; className?: string }) {
  const t = useTranslations("nav");
  const tm = useTranslations("mobileNav");
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetTrigger asChild>
        <Button variant="ghost" size="icon" className={className} aria-label={t("menu")}>
          <Menu aria-hidden />
        </Button>
      </SheetTrigger>
      <SheetContent side="left" className="w-72 max-w-[85vw] gap-0 sm:max-w-xs" closeLabel={tm("close")}>
        <SheetHeader className="border-b">
          <SheetTitle>{t("menu")}</SheetTitle>
          <SheetDescription className="truncate">{company}</SheetDescription>
        </SheetHeader>
        <nav aria-label={t("main")} className="overflow-y-auto p-2">
          <ul className="flex flex-col gap-1">
            {items.map((item) => {
              const active = isActive(item, pathname);
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    onClick={() => setOpen(false)}
                    aria-current={active ? "page" : undefined}
                    className={cn(
                      "flex h-11 items-center rounded-md px-3 text-base font-medium text-muted-foreground outline-none hover:bg-muted hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/60",
                      active && "bg-muted text-foreground",
                    )}
                  >
                    {t(item.label)}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      </SheetContent>
    </Sheet>
  );
}
