"use client";

import { ArrowLeftRight, Check, KeyRound, LogOut, UserRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
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
import { PasswordDialog } from "./password-dialog";
import { useActions } from "@/components/actions-context";

/** The account menu: who is signed in, the language, the workspace (for members of several apps), sign out. */
export function UserMenu({
  name,
  email,
  locale,
  apps,
  currentAppId,
}: {
  name: string;
  email: string;
  locale: string;
  /** The member's apps; the switcher shows only when there are several. */
  apps: { id: string; name: string }[];
  currentAppId: string;
}) {
  const actions = useActions();
  const t = useTranslations();
  const [, start] = useTransition();
  const [passwordOpen, setPasswordOpen] = useState(false);
  return (
    <>
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={`${t("nav.account")} : ${name}`}>
          {/* The icon alone: the header is 1280 px at most, and beside the eight sections the
              company's name needs the room (the button's label and the menu name the member). */}
          <UserRound aria-hidden />
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
          <DropdownMenuItem key={l} lang={l} onSelect={() => start(() => actions.setLocale(l))}>
            <Check aria-hidden className={l === locale ? "opacity-100" : "opacity-0"} />
            {t(`locale.${l}`)}
          </DropdownMenuItem>
        ))}
        {apps.length > 1 ? (
          <>
            <DropdownMenuSeparator />
            <DropdownMenuLabel className="flex items-center gap-1.5 text-xs text-muted-foreground">
              <ArrowLeftRight aria-hidden className="size-3.5" />
              {t("nav.workspace")}
            </DropdownMenuLabel>
            {apps.map((a) => (
              <DropdownMenuItem
                key={a.id}
                aria-current={a.id === currentAppId ? "true" : undefined}
                onSelect={() => a.id !== currentAppId && start(() => actions.switchApp(a.id))}
              >
                <Check aria-hidden className={a.id === currentAppId ? "opacity-100" : "opacity-0"} />
                <span className="truncate">{a.name}</span>
              </DropdownMenuItem>
            ))}
          </>
        ) : null}
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={() => setPasswordOpen(true)}>
          <KeyRound aria-hidden />
          {t("account.password.menu")}
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={() => start(() => actions.signOut())}>
          <LogOut aria-hidden />
          {t("nav.signOut")}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
    <PasswordDialog open={passwordOpen} onOpenChange={setPasswordOpen} changePassword={actions.changePassword} signOut={actions.signOut} />
    </>
  );
}
