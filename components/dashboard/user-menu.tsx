"use client";

import { Check, LogOut, UserRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { setLocaleAction } from "@/app/actions";
import { signOutAction } from "@/app/(dashboard)/c/[company]/actions";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { LOCALES } from "@/i18n/locales";

export function UserMenu({ name, email, locale }: { name: string; email: string; locale: string }) {
  const t = useTranslations();
  const [, start] = useTransition();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={`${t("nav.account")} : ${name}`}>
          <UserRound aria-hidden />
          <span className="hidden max-w-40 truncate lg:inline">{name}</span>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-60">
        <DropdownMenuLabel className="font-normal">
          <span className="block truncate font-medium">{name}</span>
          <span className="block truncate text-xs text-muted-foreground">{email}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuLabel className="text-xs text-muted-foreground">{t("nav.language")}</DropdownMenuLabel>
        {LOCALES.map((l) => (
          <DropdownMenuItem key={l} lang={l} onSelect={() => start(() => setLocaleAction(l))}>
            <Check aria-hidden className={l === locale ? "opacity-100" : "opacity-0"} />
            {t(`locale.${l}`)}
          </DropdownMenuItem>
        ))}
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={() => start(() => signOutAction())}>
          <LogOut aria-hidden />
          {t("nav.signOut")}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
