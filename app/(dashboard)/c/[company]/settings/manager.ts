// Settings are for owners and admins: anyone else gets the same not-found as a page that does
// not exist (the domain refuses their calls anyway; this keeps the pages from rendering).
import "server-only";
import { notFound } from "next/navigation";
import { isManager } from "@/lib/auth/caller";
import { loadCompany } from "../company";

export async function loadManager(slug: string) {
  const loaded = await loadCompany(slug);
  if (!isManager(loaded.member.caller)) notFound();
  return loaded;
}
