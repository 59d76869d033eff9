// The calendar: every view on the demo week, the drawer and its status buttons, booking from an
// empty slot of an agent's column, the company's clock whatever the browser's zone (the browser
// runs in Asia/Tokyo, the server in Pacific/Kiritimati), the hour each day opens on, cancelled
// and overlapping appointments, running late, a 500-appointment week, phones.
import { dayFirst, expect, expectNoSeriousA11yViolations, plain, screenshot, test } from "./fixtures";
import { CalendarPage } from "./pages/calendar";
import { DENSE, PARIS, SALON } from "./support/accounts";
import { DemoApi, parisInstant, wallClock } from "./support/api";
import { plusDays } from "./support/days";

/** "YYYY-MM-DD" on a company's clock, `days` from today. */
function dayKey(timeZone: string, days = 0): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

/** Monday of the week of a day key. */
function mondayOf(key: string): string {
  const d = new Date(`${key}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

const ABIDJAN = "Africa/Abidjan";
const SALON_AGENTS = ["Aminata Bamba", "Awa Koné", "Koffi Yao", "Mariam Traoré"];

test.describe("calendar", () => {
  test("every view shows the demo week, on the company's clock, with today / previous / next and the filters", async ({ page }) => {
    const calendar = new CalendarPage(page);
    await calendar.goto(SALON);
    await expect(page.getByRole("heading", { name: "Calendrier", level: 1 })).toBeVisible();

    // Week (the default): the demo's appointments of this week, Monday first.
    await expect(calendar.grid()).toHaveAttribute("data-view", "week");
    await expect(calendar.title()).toHaveText(/novembre|décembre|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre/);
    expect(await calendar.events().count()).toBeGreaterThan(20);
    const headers = await calendar.grid().locator(".rbc-time-header .rbc-header").allInnerTexts();
    expect(headers[0]).toMatch(/^lun\. \d+$/);
    expect(headers).toHaveLength(7);
    // Cancelled appointments are left out unless asked for.
    expect(await calendar.events().evaluateAll((els) => els.filter((e) => e.getAttribute("data-status") === "CANCELLED").length)).toBe(0);
    await screenshot(page, "20-calendar-week-1280", { fullPage: false });
    // The toolbar's buttons speak in one size: "Aujourd'hui" as the views and "Nouveau rendez-vous".
    const fontSize = (name: string) => page.getByRole("button", { name, exact: true }).evaluate((el) => getComputedStyle(el).fontSize);
    expect(await fontSize("Aujourd'hui")).toBe(await fontSize("Semaine"));
    expect(await page.getByRole("link", { name: "Nouveau rendez-vous", exact: true }).evaluate((el) => getComputedStyle(el).fontSize)).toBe(await fontSize("Semaine"));

    // An event's times are the company's, as the table shows them (a browser-zone bug would move them by 9 hours).
    // (In a busy week an event may be too narrow for its text: its tooltip has it all.)
    const first = calendar.events().first();
    const id = (await first.getAttribute("data-id"))!;
    const eventText = plain((await calendar.grid().locator(".rbc-event", { has: page.locator(`[data-id="${id}"]`) }).first().getAttribute("title")) ?? "");
    await page.goto(`/c/${SALON}/appointments/${id}`);
    const drawerText = plain(await page.getByRole("dialog").innerText());
    const range = /(\d{2}:\d{2}) – (\d{2}:\d{2})/.exec(drawerText)!;
    expect(eventText).toContain(`${range[1]} – ${range[2]}`);

    // Day.
    const monday = mondayOf(dayKey(ABIDJAN));
    await calendar.goto(SALON, `date=${monday}`);
    await calendar.chooseView("Jour");
    await expect(page).toHaveURL(/view=day/);
    await expect(calendar.grid()).toHaveAttribute("data-view", "day");
    await expect(calendar.title()).toHaveText(/^Lundi \d+ /);
    expect(await calendar.events().count()).toBeGreaterThan(3);
    await screenshot(page, "21-calendar-day-1280", { fullPage: false });

    // Previous and next move a day; "Aujourd'hui" comes back.
    await page.getByRole("button", { name: "Jour suivant" }).click();
    await calendar.ready();
    await expect(calendar.title()).toHaveText(/^Mardi /);
    await page.getByRole("button", { name: "Jour précédent" }).click();
    await page.getByRole("button", { name: "Jour précédent" }).click();
    await calendar.ready();
    await expect(calendar.title()).toHaveText(/^Dimanche /);
    await page.getByRole("button", { name: "Aujourd'hui" }).click();
    await calendar.ready();
    await expect(page).not.toHaveURL(/date=/);

    // Per agent: one column per agent of the salon, then the unassigned ones.
    await calendar.goto(SALON, `view=agents&date=${monday}`);
    expect(await calendar.resourceTitles()).toEqual([...SALON_AGENTS, "Non assigné"]);
    expect(await calendar.events().count()).toBeGreaterThan(3);
    await screenshot(page, "22-calendar-agents-1280", { fullPage: false });

    // Month: the whole month in cells, "+N" when a day is full.
    await calendar.chooseView("Mois");
    await expect(calendar.grid()).toHaveAttribute("data-view", "month");
    expect(await calendar.events().count()).toBeGreaterThan(20);
    await screenshot(page, "23-calendar-month-1280", { fullPage: false });

    // The table's filters, kept in the URL.
    await calendar.goto(SALON, "view=week");
    await page.getByRole("button", { name: "Statut" }).click();
    await page.getByRole("listbox").getByRole("option", { name: /^Terminé/ }).click();
    await page.keyboard.press("Escape");
    await expect(page).toHaveURL(/status=COMPLETED/);
    await calendar.ready();
    const statuses = await calendar.events().evaluateAll((els) => els.map((e) => e.getAttribute("data-status")));
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(["COMPLETED"]));
    await page.getByLabel("Agent").selectOption({ label: "Koffi Yao" });
    await expect(page).toHaveURL(/agent=/);
    await calendar.ready();
    const shared = page.url();
    const other = await page.context().newPage();
    const otherCalendar = new CalendarPage(other);
    await other.goto(shared);
    await otherCalendar.ready();
    await expect(otherCalendar.events()).toHaveCount(await calendar.events().count());
    await other.close();
  });

  test("Confirmer from the calendar: the same drawer, and the grid follows", async ({ page }) => {
    const calendar = new CalendarPage(page);
    // Next week: the demo's appointments there are still to come (pending or confirmed).
    await calendar.goto(SALON, `date=${dayKey(ABIDJAN, 7)}&status=PENDING`);
    const pending = calendar.events().first();
    const id = (await pending.getAttribute("data-id"))!;
    // Keyboard: an appointment is a button; Enter opens it.
    await calendar.grid().locator(".rbc-event").filter({ has: page.locator(`[data-id="${id}"]`) }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`appointment=${id}`));
    const drawer = calendar.drawer();
    await expect(drawer.getByTestId("history")).toBeVisible();
    await expect(drawer.locator("[data-status]")).toHaveText("En attente");
    await expectNoSeriousA11yViolations(page);

    await drawer.getByRole("button", { name: "Confirmer" }).click();
    await expect(drawer.locator("[data-status]")).toHaveText("Confirmé");
    await expect(page.getByText("Rendez-vous confirmé").first()).toBeVisible();
    await screenshot(page, "24-calendar-drawer-1280", { fullPage: false });
    await page.keyboard.press("Escape");
    await expect(page).not.toHaveURL(/appointment=/);
    await calendar.ready();
    // Filtered on "pending", the grid no longer shows it; without the filter it shows confirmed.
    await expect(calendar.event(id)).toHaveCount(0);
    await calendar.goto(SALON, `date=${dayKey(ABIDJAN, 7)}`);
    await expect(calendar.event(id)).toHaveAttribute("data-status", "CONFIRMED");

    // Démarrer from the drawer opened by a click, the grid changes colour under it.
    await calendar.event(id).click();
    await expect(drawer.getByRole("button", { name: "Démarrer" })).toBeVisible();
    await drawer.getByRole("button", { name: "Démarrer" }).click();
    await expect(drawer.locator("[data-status]")).toHaveText("En cours");
    await expect(calendar.event(id)).toHaveAttribute("data-status", "IN_PROGRESS");
  });

  test("an empty slot in an agent's column opens the form with that agent and time (company in Paris, browser in Tokyo)", async ({ page, newAppointment }) => {
    const calendar = new CalendarPage(page);
    const day = dayKey("Europe/Paris", 3);
    await calendar.goto(PARIS.slug, `view=agents&date=${day}`);
    expect(await calendar.resourceTitles()).toEqual([PARIS.agent, "Non assigné"]);
    await calendar.clickSlot(PARIS.agent, "10:00");

    await expect(page).toHaveURL(/\/appointments\/new\?/);
    await expect(page).toHaveURL(new RegExp(`date=${day}T10(%3A|:)00`));
    await expect(page.locator("form[data-hydrated]")).toBeVisible();
    await expect(newAppointment.field("Date")).toHaveValue(dayFirst(day));
    await expect(newAppointment.field("Heure")).toHaveValue("10:00");
    await expect(newAppointment.field("Agent").locator("option:checked")).toHaveText(PARIS.agent);
    await expect(page.getByRole("link", { name: "Retour au calendrier" })).toBeVisible();
    await screenshot(page, "25-calendar-slot-form-1280");

    await newAppointment.chooseService(PARIS.service);
    await expect(newAppointment.field("Agent").locator("option:checked")).toHaveText(PARIS.agent);
    await page.getByLabel("Style").selectOption({ label: "Courte" });
    await newAppointment.chooseCustomer("Salimata Bamba");
    await newAppointment.submit();

    // Back on the calendar, on that day, the new appointment open and drawn in the agent's column at 10:00.
    await expect(page).toHaveURL(new RegExp(`/c/${PARIS.slug}/calendar\\?.*appointment=`));
    await calendar.ready();
    const id = new URL(page.url()).searchParams.get("appointment")!;
    await expect(calendar.drawer().getByRole("heading", { name: "Salimata Bamba" })).toBeVisible();
    expect(plain(await calendar.drawer().innerText())).toContain("10:00 – 10:30");
    await page.keyboard.press("Escape");
    const event = calendar.event(id);
    await expect(event).toContainText("10:00");
    await expect(event).toContainText("Salimata Bamba");
    const column = calendar.grid().locator(".rbc-time-content .rbc-day-slot").nth(0);
    await expect(column.locator(`[data-id="${id}"]`)).toHaveCount(1);
    // Drawn at 10:00 on the grid, level with the gutter's 10:00.
    const hour = (await calendar.grid().locator(".rbc-time-gutter .rbc-timeslot-group").filter({ hasText: "10:00" }).first().boundingBox())!;
    const box = (await event.boundingBox())!;
    expect(Math.abs(box.y - hour.y)).toBeLessThan(4);
    await screenshot(page, "26-calendar-created-1280", { fullPage: false });
  });

  test("axe: week, per-agent and month views", async ({ page }) => {
    const calendar = new CalendarPage(page);
    await calendar.goto(SALON);
    await expectNoSeriousA11yViolations(page);
    await calendar.chooseView("Par agent");
    await expectNoSeriousA11yViolations(page);
    await calendar.chooseView("Mois");
    await expectNoSeriousA11yViolations(page);
  });

  test("in English: labels, weekdays and the 24-hour clock", async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: "locale", value: "en", url: baseURL! }]);
    const calendar = new CalendarPage(page);
    await calendar.goto(SALON, `view=agents&date=${mondayOf(dayKey(ABIDJAN))}`);
    await expect(page.getByRole("heading", { name: "Calendar", level: 1 })).toBeVisible();
    await expect(calendar.title()).toHaveText(/^Monday,? \d{1,2} /);
    expect(await calendar.resourceTitles()).toContain("Unassigned");
    await expect(page.getByRole("group", { name: "View" }).getByRole("button", { name: "By agent" })).toHaveAttribute("aria-pressed", "true");
    await expect(calendar.grid().locator(".rbc-time-gutter").getByText("13:00")).toBeVisible();
    await context.clearCookies({ name: "locale" });
  });
});

// Appointments these tests create in the Paris company, on days nobody else books (a retry
// takes the week after, since a first attempt's bookings stay).
const PARIS_TZ = "Europe/Paris";
const farDay = (days: number) => dayKey(PARIS_TZ, days + 7 * test.info().retry);
const firstName = (name: string) => name.split(" ")[0];

test.describe("calendar: opening hour, cancelled and overlapping, running late (company in Paris)", () => {
  test("today opens just before now, another day on its first appointment's hour or 08:00", async ({ page, request }) => {
    const api = new DemoApi(request);
    const { serviceId } = await api.paris();
    const [first, last] = await api.customers(2);
    // Today with appointments at both ends of the day: the grid holds it all, and where it
    // opens is the scroll's doing, at whatever hour the test runs.
    const today = dayKey(PARIS_TZ);
    await api.bookParis({ serviceId, customerId: first.id, date: parisInstant(`${today}T00:00`) });
    await api.bookParis({ serviceId, customerId: last.id, date: parisInstant(`${today}T23:00`) });
    const calendar = new CalendarPage(page);
    await calendar.goto(PARIS.slug, "view=day");
    const content = (await calendar.grid().locator(".rbc-time-content").boundingBox())!;
    const nowLine = (await calendar.grid().locator(".rbc-current-time-indicator").boundingBox())!;
    expect(nowLine.y).toBeGreaterThanOrEqual(content.y);
    expect(nowLine.y).toBeLessThanOrEqual(content.y + content.height);
    const nowHour = Number(wallClock(new Date(), PARIS_TZ).slice(11, 13));
    await expect.poll(() => calendar.topHour()).toMatch(/^\d{2}:00$/);
    expect(Number((await calendar.topHour()).slice(0, 2))).toBeLessThanOrEqual(nowHour);

    // The next day has nothing: it opens at 08:00, not where today was scrolled.
    await page.getByRole("button", { name: "Jour suivant" }).click();
    await calendar.ready();
    await expect(calendar.grid()).not.toHaveAttribute("data-day", today);
    await expect.poll(() => calendar.topHour()).toBe("08:00");

    // A day (and a week) with an appointment at 06:30 opens at 06:00.
    const day = farDay(20);
    await api.bookParis({ serviceId, customerId: first.id, date: parisInstant(`${day}T06:30`) });
    await calendar.goto(PARIS.slug, `view=agents&date=${day}`);
    await expect.poll(() => calendar.topHour()).toBe("06:00");
    await calendar.chooseView("Semaine");
    await expect.poll(() => calendar.topHour()).toBe("06:00");
    await screenshot(page, "34-calendar-week-opens-early-1280", { fullPage: false });
  });

  test("overlapping appointments stay readable; cancelled ones are hidden, or step aside when asked for", async ({ page, request }) => {
    const api = new DemoApi(request);
    const { serviceId, agentId } = await api.paris();
    const people = (await api.customers(5)).slice(0, 5);
    const day = farDay(13);
    const at10 = parisInstant(`${day}T10:00`);
    // The agent's 10:00 was cancelled and given to someone else.
    const gone = await api.bookParis({ serviceId, agentId, customerId: people[0].id, date: at10 });
    await api.move(gone.id, "CANCELLED");
    const taken = await api.bookParis({ serviceId, agentId, customerId: people[1].id, date: at10 });
    // Three nobody has taken yet, at the same time.
    const open = [];
    for (const [i, time] of ["11:00", "11:00", "11:15"].entries()) {
      open.push(await api.bookParis({ serviceId, customerId: people[2 + i].id, date: parisInstant(`${day}T${time}`) }));
    }

    const calendar = new CalendarPage(page);
    await calendar.goto(PARIS.slug, `view=agents&date=${day}`);
    const columns = calendar.grid().locator(".rbc-time-content .rbc-day-slot");
    await expect(calendar.event(gone.id)).toHaveCount(0);
    const agentColumn = await calendar.box(columns.nth(0));
    expect((await calendar.box(calendar.event(taken.id))).width).toBeGreaterThan(agentColumn.width * 0.9);
    // Side by side in "Non assigné", each still says its start and its customer.
    for (const [i, a] of open.entries()) {
      const lines = await calendar.shownLines(a.id);
      expect(lines, a.id).toContain(wallClock(a.date, PARIS_TZ).slice(11));
      expect(lines.some((l) => l.startsWith(firstName(people[2 + i].fullname))), lines.join(" | ")).toBe(true);
    }
    await screenshot(page, "29-calendar-agents-overlaps-1280", { fullPage: false });
    // In the week, a seventh of the width shared by three: narrower, still the start and the name.
    await calendar.chooseView("Semaine");
    for (const [i, a] of open.entries()) {
      const box = await calendar.box(calendar.event(a.id));
      expect(box.width, a.id).toBeLessThan(80);
      const lines = await calendar.shownLines(a.id);
      expect(lines, a.id).toContain(wallClock(a.date, PARIS_TZ).slice(11));
      expect(lines, a.id).toContain(firstName(people[2 + i].fullname));
    }
    await screenshot(page, "29a-calendar-week-overlaps-1280", { fullPage: false });
    await calendar.chooseView("Par agent");

    // Asked for, the cancelled one takes a lane at the right; the one in its place keeps the rest.
    const toggle = page.getByRole("checkbox", { name: "Afficher les annulés" });
    await toggle.check();
    await expect(page).toHaveURL(/cancelled=true/);
    await calendar.ready();
    const goneBox = await calendar.box(calendar.event(gone.id));
    const takenBox = await calendar.box(calendar.event(taken.id));
    expect(takenBox.width).toBeLessThan(agentColumn.width * 0.75);
    expect(takenBox.width).toBeGreaterThan(agentColumn.width * 0.6);
    expect(goneBox.x).toBeGreaterThanOrEqual(takenBox.x + takenBox.width);
    expect(await calendar.shownLines(gone.id)).toContain("10:00");
    await screenshot(page, "29b-calendar-agents-cancelled-shown-1280", { fullPage: false });

    // A status filter says exactly what shows: "Annulé" alone shows them, the toggle aside.
    await calendar.goto(PARIS.slug, `view=agents&date=${day}&status=CANCELLED`);
    await expect(calendar.event(gone.id)).toHaveCount(1);
    await expect(calendar.event(taken.id)).toHaveCount(0);
    await expect(toggle).toBeDisabled();
    await expect(toggle).toBeChecked();

    // Month: hidden by default; asked for, after the day's active ones (so "+N" holds them).
    await calendar.goto(PARIS.slug, `view=month&date=${day}`);
    await expect(calendar.event(taken.id)).toHaveCount(1);
    await expect(calendar.event(gone.id)).toHaveCount(0);
    await calendar.goto(PARIS.slug, `view=month&date=${day}&cancelled=true`);
    // The statuses listed in that day's cell, top to bottom.
    const inCell = await calendar.event(taken.id).evaluate((body) => {
      const row = body.closest(".rbc-month-row")!;
      const left = body.getBoundingClientRect().x;
      return [...row.querySelectorAll(".rbc-event [data-id]")]
        .filter((e) => Math.abs(e.getBoundingClientRect().x - left) < 2)
        .sort((a, b) => a.getBoundingClientRect().y - b.getBoundingClientRect().y)
        .map((e) => e.getAttribute("data-status"));
    });
    expect(inCell.length).toBeGreaterThan(1);
    const firstCancelled = inCell.indexOf("CANCELLED");
    if (firstCancelled >= 0) expect(inCell.slice(firstCancelled), inCell.join(",")).toEqual(inCell.slice(firstCancelled).map(() => "CANCELLED"));
    await screenshot(page, "23b-calendar-month-cancelled-shown-1280", { fullPage: false });
  });

  test("an appointment in progress past its end says it runs late", async ({ page, request }) => {
    const api = new DemoApi(request);
    const { serviceId } = await api.paris();
    const [a, b] = await api.customers(2);
    const minute = Math.floor(Date.now() / 60_000) * 60_000;
    // 30 minutes each: one ended an hour and a half ago, one ends in twenty minutes.
    const late = await api.bookParis({ serviceId, customerId: a.id, date: new Date(minute - 120 * 60_000) });
    const onTime = await api.bookParis({ serviceId, customerId: b.id, date: new Date(minute - 10 * 60_000) });
    await api.move(late.id, "CONFIRMED", "IN_PROGRESS");
    await api.move(onTime.id, "CONFIRMED", "IN_PROGRESS");

    const calendar = new CalendarPage(page);
    await calendar.goto(PARIS.slug, `view=day&date=${wallClock(late.date, PARIS_TZ).slice(0, 10)}`);
    await expect(calendar.event(late.id)).toHaveAttribute("data-late", "true");
    expect(await calendar.shownLines(late.id)).toContain("En retard");
    await expect(calendar.grid().locator(".rbc-event", { has: page.locator(`[data-id="${late.id}"]`) })).toHaveAttribute("title", /En retard/);
    await screenshot(page, "35-calendar-late-1280", { fullPage: false });
    // On a phone, the day's list says it too.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(page.getByTestId("agenda").locator(`li[data-id="${late.id}"]`)).toContainText("En retard");
    await expect(page.getByTestId("agenda").locator(`li[data-id="${late.id}"]`)).toHaveAttribute("data-late", "true");
    await page.setViewportSize({ width: 1280, height: 800 });

    await calendar.goto(PARIS.slug, `view=day&date=${wallClock(onTime.date, PARIS_TZ).slice(0, 10)}`);
    await expect(calendar.event(onTime.id)).toHaveAttribute("data-status", "IN_PROGRESS");
    await expect(calendar.event(onTime.id)).not.toHaveAttribute("data-late", /.*/);
  });

  test("an appointment across midnight is drawn on both days, with its times", async ({ page, request }) => {
    const api = new DemoApi(request);
    const { serviceId } = await api.paris();
    const [who] = await api.customers(1);
    // A Wednesday, so the Thursday it ends on is in the same week.
    const wednesday = plusDays(mondayOf(farDay(27)), 2);
    const thursday = plusDays(wednesday, 1);
    const late = await api.bookParis({ serviceId, customerId: who.id, date: parisInstant(`${wednesday}T23:45`) });

    // The week: a piece at the bottom of Wednesday's column, one at the top of Thursday's, each
    // saying the whole range (the library's default puts it in the all-day row, hidden here).
    const calendar = new CalendarPage(page);
    await calendar.goto(PARIS.slug, `date=${wednesday}`);
    const pieces = calendar.event(late.id);
    await expect(pieces).toHaveCount(2);
    const [evening, night] = [await calendar.box(pieces.nth(0)), await calendar.box(pieces.nth(1))];
    expect(night.x).toBeGreaterThan(evening.x);
    expect(night.y).toBeLessThan(evening.y);
    const boxes = calendar.grid().locator(".rbc-event", { has: page.locator(`[data-id="${late.id}"]`) });
    for (const title of await boxes.evaluateAll((els) => els.map((e) => e.getAttribute("title") ?? ""))) {
      expect(plain(title)).toContain("23:45 – 00:15");
    }
    await expect(pieces.first()).toContainText("23:45");
    await screenshot(page, "36-calendar-across-midnight-1280", { fullPage: false });

    // Each day on its own shows its part: Thursday opens at midnight.
    await calendar.goto(PARIS.slug, `view=day&date=${wednesday}`);
    await expect(pieces).toHaveCount(1);
    await calendar.goto(PARIS.slug, `view=day&date=${thursday}`);
    await expect(pieces).toHaveCount(1);
    await expect.poll(() => calendar.topHour()).toBe("00:00");
    // The drawer opens from either piece.
    await pieces.first().click();
    await expect(calendar.drawer()).toContainText("23:45 – 00:15");
  });
});

test.describe("calendar with 500 appointments in a week", () => {
  test("week, per-agent day and month stay readable", async ({ page }) => {
    test.setTimeout(120_000);
    const calendar = new CalendarPage(page);

    // The week without its cancelled appointments, then with them (the toggle, kept in the URL).
    await calendar.goto(DENSE.slug);
    await expect(page.getByText("Semaine chargée")).toBeVisible();
    const active = await calendar.events().count();
    expect(active).toBeGreaterThan(300);
    expect(active).toBeLessThan(500);
    await screenshot(page, "30-dense-week-1280", { fullPage: false });
    await page.getByRole("checkbox", { name: "Afficher les annulés" }).check();
    await expect(page).toHaveURL(/cancelled=true/);
    await calendar.ready();
    await expect(calendar.events()).toHaveCount(500);
    await page.getByRole("checkbox", { name: "Afficher les annulés" }).uncheck();
    await calendar.ready();
    await expect(page).not.toHaveURL(/cancelled=/);
    await expect(calendar.events()).toHaveCount(active);

    // Next week (empty) and back: the same week again.
    await page.getByRole("button", { name: "Semaine suivante" }).click();
    await calendar.ready();
    await expect(calendar.events()).toHaveCount(0);
    await page.getByRole("button", { name: "Semaine précédente" }).click();
    await calendar.ready();
    await expect(calendar.events()).toHaveCount(active);

    // An appointment opens the drawer.
    await calendar.events().nth(Math.floor(active / 2)).click({ force: true });
    await expect(calendar.drawer().getByTestId("history")).toBeVisible();
    await page.keyboard.press("Escape");
    await calendar.ready();

    // A day of the week, one column per agent: every appointment wide enough for its start
    // and customer on one line (5rem, calendar-events.tsx), and saying them.
    await calendar.grid().locator(".rbc-time-header .rbc-header").nth(2).getByRole("button").click();
    await calendar.ready();
    await expect(calendar.grid()).toHaveAttribute("data-view", "agents");
    expect(await calendar.events().count()).toBeGreaterThan(60);
    expect((await calendar.resourceTitles()).length).toBe(13);
    const widths = await calendar.events().evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
    expect(Math.min(...widths)).toBeGreaterThanOrEqual(80);
    const sample = (await calendar.events().nth(3).getAttribute("data-id"))!;
    const lines = await calendar.shownLines(sample);
    expect(lines.some((l) => /^\d{2}:\d{2}$/.test(l))).toBe(true);
    expect(lines.some((l) => /^\p{L}/u.test(l) && l.includes(" "))).toBe(true); // the customer's full name
    await screenshot(page, "31-dense-agents-1280", { fullPage: false });

    // Month: "+N" in each busy day, which opens that day per agent.
    await calendar.chooseView("Mois");
    const more = calendar.grid().locator(".rbc-show-more").first();
    await expect(more).toHaveText(/^\+\d+ autres$/);
    await screenshot(page, "32-dense-month-1280", { fullPage: false });
    await more.click();
    await calendar.ready();
    await expect(calendar.grid()).toHaveAttribute("data-view", "agents");
  });
});

test.describe("calendar on a phone (390 px)", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("a list of the days and their appointments, the same drawer", async ({ page }) => {
    const calendar = new CalendarPage(page);
    await calendar.goto(SALON);
    await expect(page.locator(".rbc-calendar")).toHaveCount(0);
    const agenda = page.getByTestId("agenda");
    await expect(agenda.locator("li").first()).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await screenshot(page, "27-calendar-390", { fullPage: false });
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("combobox", { name: "Vue" }).selectOption({ label: "Jour" });
    await calendar.ready();
    await expect(page).toHaveURL(/view=day/);
    const item = agenda.locator("li").first();
    await item.getByRole("button").click();
    await expect(calendar.drawer().getByTestId("history")).toBeVisible();
    await screenshot(page, "28-calendar-drawer-390", { fullPage: false });
    await expectNoSeriousA11yViolations(page);
  });
});
