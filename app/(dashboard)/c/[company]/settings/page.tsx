import { redirect } from "next/navigation";
import { loadManager } from "./manager";

export default async function SettingsPage({ params }: { params: Promise<{ company: string }> }) {
  const { company: slug } = await params;
  const { company } = await loadManager(slug);
  redirect(`/c/${company.slug}/settings/companies`);
}
