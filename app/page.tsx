import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LogOut } from "lucide-react";
import { signOutAction } from "@/app/(dashboard)/c/[company]/actions";
import { Button } from "@/components/ui/button";
import { currentMember } from "@/app/_server/session";
import { listCompanies } from "@/lib/catalog";

// Members go straight to their default company's appointments (the first they may see for
// staff); everyone else to the sign-in page.
export default async function Home() {
  const member = await currentMember();
  if (!member) redirect("/login");
  const companies = await listCompanies(member.caller);
  if (companies.length > 0) redirect(`/c/${companies[0].slug}/appointments`);
  // Staff with no company yet: say so (a redirect to /login would loop).
  const t = await getTranslations();
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <h1 className="text-2xl font-semibold">{t("noCompany.title")}</h1>
      <p className="text-muted-foreground">{t("noCompany.body")}</p>
      <form action={signOutAction}>
        <Button type="submit" variant="outline">
          <LogOut aria-hidden />
          {t("nav.signOut")}
        </Button>
      </form>
    </main>
  );
}
