"use client";

import { Languages } from "lucide-react";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { LOCALES } from "@/i18n/locales";
import { cn } from "@/lib/utils";
import { useHydrated } from "./use-hydrated";
import { useActions } from "@/components/actions-context";

/** Two buttons, FR / EN: the choice is kept in a cookie and the page re-renders in place. */
export function LocaleSwitcher({ current, className }: { current: string; className?: string }) {
  const actions = useActions();
  const t = useTranslations();
  const [pending, start] = useTransition();
  const hydrated = useHydrated();
  return (
    <div role="group" data-hydrated={hydrated || undefined} aria-label={t("nav.language")} className={cn("flex items-center gap-1 text-sm", className)}>
      <Languages aria-hidden className="mr-1 size-4 text-muted-foreground" />
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={current === l}
          disabled={pending}
          onClick={() => start(() => actions.setLocale(l))}
          className={cn(
            "rounded px-2 py-1 outline-none focus-visible:ring-[3px] focus-visible:ring-ring/60",
            current === l ? "bg-secondary font-semibold" : "text-muted-foreground hover:text-foreground",
          )}
        >
          {t(`locale.${l}`)}
        </button>
      ))}
    </div>
  );
}
