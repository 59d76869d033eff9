// Settings are for owners and admins: anyone else gets the same not-found as a page that does
// not exist (the domain refuses their calls anyway; this keeps the pages from rendering).
import "server-only";
import { notFound } from "next/navigation";
import { loadCompany } from "../company";

export async function loadManager(slug: string) {
  const loaded = await loadCompany(slug);
  const role = loaded.member.caller.role;
  if (role !== "owner" && role !== "admin") notFound();
  return loaded;
}
