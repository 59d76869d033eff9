// CSV of the current filtered list (every page, not just the one on screen), for a
// spreadsheet: UTF-8 with a BOM so Excel reads the accents, ";" as French Excel expects.
import { getLocale, getTranslations } from "next-intl/server";
import { loadAppointmentsParams } from "@/components/appointments/search-params";
import { listAppointments } from "@/lib/appointments";
import { currentMember } from "@/app/_server/session";
import { getCompanyBySlug } from "@/lib/catalog";
import { isAppError } from "@/lib/contract/errors";
import { CSV_BOM, csvCell as csv } from "@/lib/contract/csv";
import { formatDateTime } from "@/lib/contract/format";
import { appointmentFilters } from "../filters";

const MAX_ROWS = 20_000;

export async function GET(request: Request, { params }: { params: Promise<{ company: string }> }) {
  const member = await currentMember();
  if (!member) return new Response("Non connecté", { status: 401 });
  const { company: slug } = await params;
  let company;
  try {
    company = await getCompanyBySlug(member.caller, decodeURIComponent(slug));
  } catch (err) {
    if (isAppError(err)) return new Response("Introuvable", { status: 404 });
    throw err;
  }
  const url = new URL(request.url);
  // The toolbar sends statuses comma-separated, as nuqs writes them.
  const sp = loadAppointmentsParams(url.searchParams);
  const [locale, t] = await Promise.all([getLocale(), getTranslations()]);
  const tz = company.timezone;
  const now = new Date();
  const { filters } = await appointmentFilters(member.caller, company, sp, now);
  const base = { ...filters, order: sp.sort, limit: 200 } as const;

  const header = [
    t("appointments.columns.date"),
    t("detail.customer"),
    t("form.customerPhone"),
    t("appointments.columns.service"),
    t("appointments.columns.agent"),
    t("appointments.columns.commune"),
    `${t("appointments.columns.price")} (${company.currency})`,
    t("appointments.columns.status"),
    "id",
  ];
  const lines = [header.map(csv).join(";")];
  let cursor: string | null = null;
  let count = 0;
  do {
    const page = await listAppointments(member.caller, { ...base, cursor });
    for (const a of page.data) {
      lines.push(
        [
          formatDateTime(a.date, tz, locale),
          a.customer.fullname,
          a.customer.telephone,
          a.service.name,
          a.agent?.fullname ?? t("appointments.unassigned"),
          a.commune ?? "",
          String(a.totalPrice),
          t(`status.${a.status}`),
          a.id,
        ]
          .map(csv)
          .join(";"),
      );
    }
    count += page.data.length;
    cursor = page.nextCursor;
  } while (cursor && count < MAX_ROWS);

  const day = new Intl.DateTimeFormat("en-CA", { timeZone: tz }).format(now);
  return new Response(`${CSV_BOM}${lines.join("\r\n")}\r\n`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="rendez-vous-${company.slug}-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
