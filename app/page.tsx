import { redirect } from "next/navigation";
import { currentMember } from "@/lib/auth/session";
import { listCompanies } from "@/lib/catalog";

// Members go straight to their default company's appointments (the first they may see for
// staff); everyone else to the sign-in page.
export default async function Home() {
  const member = await currentMember();
  if (!member) redirect("/login");
  const companies = await listCompanies(member.caller);
  if (companies.length === 0) redirect("/login?error=no-company");
  redirect(`/c/${companies[0].slug}/appointments`);
}
