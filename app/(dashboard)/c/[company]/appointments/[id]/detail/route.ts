// One appointment's drawer, as JSON: opening the drawer reads this alone, rather than the whole
// page again (its list, facet counts, services and agents). Same checks as the page: a
// signed-in member, a company they can see, an appointment of that company; anything else 404.
import { getLocale } from "next-intl/server";
import { currentMember } from "@/app/_server/session";
import { getCompanyBySlug } from "@/lib/catalog";
import { isAppError } from "@/lib/contract/errors";
import { readDrawerDetail } from "../../../drawer-detail";

const notFound = () => Response.json({ code: "appointment-not-found" }, { status: 404, headers: { "Cache-Control": "no-store" } });

export async function GET(_request: Request, { params }: { params: Promise<{ company: string; id: string }> }) {
  const member = await currentMember();
  if (!member) return Response.json({ code: "unauthenticated" }, { status: 401 });
  const { company: slug, id } = await params;
  try {
    const [company, locale] = await Promise.all([getCompanyBySlug(member.caller, decodeURIComponent(slug)), getLocale()]);
    const detail = await readDrawerDetail(member.caller, company, id, locale);
    return Response.json(detail, { headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    if (isAppError(err) && (err.code === "appointment-not-found" || err.code === "company-not-found")) return notFound();
    throw err;
  }
}
