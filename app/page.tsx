import { asc } from "drizzle-orm";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { apps } from "@/db/schema";
import { countAppointmentsByStatus } from "@/lib/appointments";
import { APPOINTMENT_STATUSES } from "@/lib/appointments/status";
import { systemCaller } from "@/lib/auth/caller";
import { listCompanies } from "@/lib/catalog";

// Placeholder until the dashboard lands: today's counts per company, no personal data.
export default async function Home() {
  await connection();
  const t = await getTranslations();
  const db = await getDb();
  const [app] = await db.select().from(apps).orderBy(asc(apps.createdAt)).limit(1);
  const caller = app ? systemCaller(app.id) : null;
  const companies = caller ? await listCompanies(caller) : [];
  const start = new Date();
  start.setUTCHours(0, 0, 0, 0);
  const end = new Date(start.getTime() + 86_400_000);
  const counts = await Promise.all(
    companies.map((c) => countAppointmentsByStatus(caller!, { companyId: c.id, from: start, to: end })),
  );
  return (
    <main className="mx-auto max-w-3xl p-8">
      <h1 className="text-2xl font-semibold">{t("app.name")}</h1>
      <p className="text-neutral-600">{t("app.tagline")}</p>
      <h2 className="mt-8 text-lg font-medium">{t("home.today")}</h2>
      {companies.map((c, i) => (
        <section key={c.id} className="mt-4 rounded-lg border bg-white p-4">
          <h3 className="font-medium">{c.name}</h3>
          <ul className="mt-2 flex flex-wrap gap-4 text-sm">
            {APPOINTMENT_STATUSES.map((s) => (
              <li key={s}>
                {t(`status.${s}`)} : <strong>{counts[i][s]}</strong>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </main>
  );
}
