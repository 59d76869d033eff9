// Working hours from the dashboard: an agent's week edited (a day copied to the others), time
// off added, and the new-appointment form offering that agent's free slots. A fresh agent of
// the Paris company (no opening hours), deactivated at the end, so other specs see no change.
import { dayFirst, expect, screenshot, test } from "./fixtures";
import { PARIS } from "./support/accounts";
import { DemoApi } from "./support/api";
import { openDay } from "./support/days";

test("an agent's week is edited and the form offers their free slots", async ({ page, request, newAppointment }) => {
  const api = new DemoApi(request);
  const paris = await api.paris();
  const name = `Agent Horaires ${Date.now() % 100000}`;
  const agent = await api.call<{ id: string }>("agents/create", { companyId: paris.companyId, fullname: name, serviceIds: [paris.serviceId] });
  try {
    await page.goto(`/c/${PARIS.slug}/agents/${agent.id}`);
    // The zone said as everywhere else in the app (UTC+1 or +2 with the season), not its IANA id.
    await expect(page.locator('section[aria-labelledby="agent-hours"] p').first()).toHaveText(/^Heures de l'entreprise \(heure de Paris, UTC\+[12]\)\.$/);
    const week = page.getByTestId("weekly-hours");
    await week.getByLabel("Suit les horaires de l'entreprise").click();
    // Typed on the 24-hour clock: a native time field follows the browser's own language (this
    // Chromium's is English) and showed "10:00 AM" in the French interface.
    await expect(week.getByLabel("Début (Lundi)")).not.toHaveAttribute("type", "time");
    await week.getByLabel("Début (Lundi)").fill("10h");
    await week.getByLabel("Fin (Lundi)").fill("1200");
    await week.getByLabel("Fin (Lundi)").blur();
    await expect(week.getByLabel("Début (Lundi)")).toHaveValue("10:00");
    await expect(week.getByLabel("Fin (Lundi)")).toHaveValue("12:00");
    await week.getByRole("button", { name: "Copier le Lundi sur tous les jours" }).click();
    await expect(week.getByLabel("Début (Dimanche)")).toHaveValue("10:00");
    await week.getByRole("button", { name: "Enregistrer les horaires" }).click();
    await expect(page.getByText("Horaires enregistrés")).toBeVisible();

    // A day off, listed after the save.
    const day = openDay(30);
    const timeOff = page.getByTestId("time-off");
    // Day first and not a native date field (which read "mm/dd/yyyy" in this English Chromium).
    await expect(timeOff.getByLabel("Du", { exact: true })).not.toHaveAttribute("type", "date");
    await expect(timeOff.getByLabel("De (facultatif)")).not.toHaveAttribute("type", "time");
    await timeOff.getByLabel("Du", { exact: true }).fill(dayFirst(day));
    await timeOff.getByRole("button", { name: "Ajouter" }).click();
    await expect(timeOff.getByText(`Absence · ${dayFirst(day)} · toute la journée`)).toBeVisible();
    await screenshot(page, "hours-agent-page-1280");

    await page.reload();
    await expect(page.getByTestId("weekly-hours").getByLabel("Fin (Samedi)")).toHaveValue("12:00");

    // The form: the day off is skipped, the next day's first slot is 10:00 with this agent.
    await page.goto(`/c/${PARIS.slug}/appointments/new?agentId=${agent.id}`);
    await expect(page.locator("form[data-hydrated]")).toBeVisible();
    await newAppointment.chooseService(PARIS.service);
    await newAppointment.setWhen(day, "08:00");
    const slots = page.getByTestId("slot-suggestions");
    const first = slots.getByRole("button").first();
    await expect(first).toContainText(`10:00 · ${name}`);
    await screenshot(page, "hours-form-slots-1280");
    await first.click();
    const next = new Date(`${day}T12:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    await expect(newAppointment.field("Date")).toHaveValue(dayFirst(next.toISOString().slice(0, 10)));
    await expect(newAppointment.field("Heure")).toHaveValue("10:00");
    await expect(newAppointment.field("Agent")).toHaveValue(agent.id);

    // The per-agent calendar shades the hours this agent does not work.
    await page.goto(`/c/${PARIS.slug}/calendar?view=agents&date=${day}&agent=${agent.id}`);
    await expect(page.locator(".rdv-closed").first()).toBeAttached();
    await screenshot(page, "hours-calendar-closed-1280");
  } finally {
    await api.call(`agents/${agent.id}/edit`, { isActive: false });
  }
});

test("time off is shaded in the per-agent calendar and the column says Absent", async ({ page, request }) => {
  const api = new DemoApi(request);
  // Following the Paris company, which has no opening hours: open at all times but for time off.
  const agent = await api.parisAgent("Agent Congé", null);
  try {
    const day = openDay(38);
    await api.call(`agents/${agent.id}/time-off/create`, { startDate: day, startTime: "10:00", endTime: "12:00" });
    const before = new Date(`${day}T12:00:00Z`);
    before.setUTCDate(before.getUTCDate() - 1);
    await page.goto(`/c/${PARIS.slug}/calendar?view=agents&date=${before.toISOString().slice(0, 10)}&agent=${agent.id}`);
    await expect(page.locator(".rbc-day-slot .rbc-time-slot").first()).toBeAttached();
    await expect(page.locator(".rdv-closed")).toHaveCount(0);

    await page.goto(`/c/${PARIS.slug}/calendar?view=agents&date=${day}&agent=${agent.id}`);
    await expect(page.getByText(`${agent.name} · Absent`)).toBeVisible();
    // Quarter-hour slots: 10:00–12:00 is eight closed slots in the agent's column, no more.
    await expect(page.locator(".rbc-day-slot .rdv-closed")).toHaveCount(8);
    await screenshot(page, "hours-calendar-time-off-1280");
  } finally {
    await agent.done();
  }
});
