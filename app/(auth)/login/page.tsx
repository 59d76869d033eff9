import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { CalendarCheck } from "lucide-react";
import { LocaleSwitcher } from "@/components/locale-switcher";
import { safeCallbackUrl } from "@/lib/contract/callback-url";
import { currentMember } from "@/app/_server/session";
import { LoginForm } from "./login-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("login");
  return { title: t("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  if (await currentMember()) redirect(callbackUrl);
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const demo = process.env.SHOW_DEMO_LOGIN !== "0" && !process.env.DATABASE_URL;
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-6 bg-muted/40 p-4">
      <div className="w-full max-w-sm rounded-xl border bg-card p-6 shadow-sm sm:p-8">
        <div className="mb-6 flex items-center gap-3">
          <span className="flex size-10 items-center justify-center rounded-lg bg-primary text-primary-foreground">
            <CalendarCheck aria-hidden className="size-5" />
          </span>
          <div>
            <p className="text-sm font-medium text-muted-foreground">{t("app.name")}</p>
            <h1 className="text-xl font-semibold">{t("login.title")}</h1>
          </div>
        </div>
        <p className="mb-6 text-sm text-muted-foreground">{t("login.subtitle")}</p>
        <LoginForm callbackUrl={callbackUrl} />
        {demo ? (
          <p className="mt-6 rounded-md bg-muted p-3 text-xs text-muted-foreground">
            {t("login.demo", { email: "proprietaire@demo.rendez-vous.ci", password: "Abidjan-Demo-2026" })}
          </p>
        ) : null}
      </div>
      <LocaleSwitcher current={locale} />
    </main>
  );
}
