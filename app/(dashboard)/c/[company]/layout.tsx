import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { CalendarCheck } from "lucide-react";
import { CompanySwitcher } from "@/components/dashboard/company-switcher";
import { MainNav, MobileNav } from "@/components/dashboard/main-nav";
import { navItems } from "@/components/dashboard/nav-items";
import { UserMenu } from "@/components/dashboard/user-menu";
import { LiveEventsProvider } from "@/components/live/live-events";
import { LocaleSwitcher } from "@/components/locale-switcher";
import { isManager } from "@/lib/auth/caller";
import { renderedCursor } from "@/lib/appointments/live";
import { listMemberApps } from "@/lib/auth/members";
import { requireMember } from "@/app/_server/session";
import { loadCompanies, loadCompany } from "./company";

export default async function CompanyLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ company: string }>;
}) {
  const { company: slug } = await params;
  const [after, { member, company }, companies, t, locale, apps] = await Promise.all([
    // Where the screen's live stream starts (renderedCursor, lib/appointments/live.ts).
    renderedCursor(),
    loadCompany(slug),
    loadCompanies(),
    getTranslations("nav"),
    getLocale(),
    // The apps this member belongs to: a switcher in the account menu when there are several.
    requireMember().then((m) => listMemberApps(m.user.id)),
  ]);
  const items = navItems(company.slug, isManager(member.caller));
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only z-50 rounded bg-card px-3 py-2 focus:not-sr-only focus:absolute focus:top-2 focus:left-2"
      >
        {t("skip")}
      </a>
      <header className="sticky top-0 z-40 border-b bg-card/95 backdrop-blur">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-2 px-3 sm:gap-4 sm:px-6">
          <MobileNav items={items} company={company.name} className="-ml-1 lg:hidden" />
          <Link
            href={`/c/${company.slug}/appointments`}
            aria-label="Rendez-vous"
            className="flex shrink-0 items-center gap-2 rounded font-semibold whitespace-nowrap outline-none focus-visible:ring-[3px] focus-visible:ring-ring/60"
          >
            <span className="flex size-8 items-center justify-center rounded-md bg-primary text-primary-foreground">
              <CalendarCheck aria-hidden className="size-4" />
            </span>
            {/* Beside the full navigation (the header stays 1280 px wide) the icon says it alone. */}
            <span className="hidden sm:inline lg:hidden">Rendez-vous</span>
          </Link>
          {/* Narrower beside the full navigation (lg to xl), where the name truncates. */}
          <div className="flex min-w-0 lg:max-w-48 xl:max-w-xs [&>*]:shrink">
            <CompanySwitcher
              current={{ slug: company.slug, name: company.name }}
              companies={companies.map((c) => ({ slug: c.slug, name: c.name }))}
            />
          </div>
          <MainNav
            items={items}
            className="hidden lg:block"
          />
          <div className="ml-auto flex items-center gap-1 sm:gap-3">
            {/* From lg to xl the language is in the account menu only. */}
            <LocaleSwitcher current={locale} className="hidden sm:flex lg:hidden xl:flex" />
            <UserMenu
              name={member.user.name}
              email={member.user.email}
              locale={locale}
              apps={apps.map((a) => ({ id: a.id, name: a.name }))}
              currentAppId={member.caller.appId}
            />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-3 py-4 sm:px-6 sm:py-6">
        <LiveEventsProvider companyId={company.id} userId={member.user.id} after={after}>
          {children}
        </LiveEventsProvider>
      </main>
    </div>
  );
}
