"use client";

import { Building2, Check, ChevronsUpDown } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

type Company = { slug: string; name: string };

export function CompanySwitcher({ current, companies }: { current: Company; companies: Company[] }) {
  const t = useTranslations("nav");
  if (companies.length <= 1) {
    return (
      <span className="flex min-w-0 items-center gap-2 text-sm font-medium">
        <Building2 aria-hidden className="size-4 shrink-0 text-muted-foreground" />
        <span className="truncate">{current.name}</span>
      </span>
    );
  }
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="outline" size="sm" className="min-w-0 max-w-[55vw] justify-between sm:max-w-xs" aria-label={`${t("switchCompany")} : ${current.name}`}>
          <Building2 aria-hidden className="text-muted-foreground" />
          <span className="truncate">{current.name}</span>
          <ChevronsUpDown aria-hidden className="opacity-50" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-64">
        <DropdownMenuLabel>{t("switchCompany")}</DropdownMenuLabel>
        <DropdownMenuSeparator />
        {companies.map((c) => (
          <DropdownMenuItem key={c.slug} asChild>
            <Link href={`/c/${c.slug}/appointments`} aria-current={c.slug === current.slug ? "page" : undefined}>
              <Check aria-hidden className={c.slug === current.slug ? "opacity-100" : "opacity-0"} />
              {c.name}
            </Link>
          </DropdownMenuItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
