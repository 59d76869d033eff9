// The calendar: every view on the demo week, the drawer and its status buttons, booking from an
// empty slot of an agent's column, the company's clock whatever the browser's zone (the browser
// runs in Asia/Tokyo, the server in Pacific/Kiritimati), a 500-appointment week, phones.
import { dayFirst, expect, expectNoSeriousA11yViolations, plain, screenshot, test } from "./fixtures";
import { CalendarPage } from "./pages/calendar";
import { DENSE, PARIS, SALON } from "./support/accounts";

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
    const abidjanHour = Number(new Intl.DateTimeFormat("en-GB", { timeZone: ABIDJAN, hour: "2-digit", hourCycle: "h23" }).format(new Date()));
    if (abidjanHour >= 8 && abidjanHour < 19) await expect(calendar.grid().locator(".rbc-current-time-indicator")).toBeVisible();
    await screenshot(page, "20-calendar-week-1280", { fullPage: false });

    // An event's times are the company's, as the table shows them (a browser-zone bug would move them by 9 hours).
    // (In a busy week an event may be too narrow for its text: its tooltip has it all.)
    const first = calendar.events().first();
    const id = (await first.getAttribute("data-id"))!;
    const eventText = plain((await calendar.grid().locator(".rbc-event", { has: page.locator(`[data-id="${id}"]`) }).getAttribute("title")) ?? "");
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

test.describe("calendar with 500 appointments in a week", () => {
  test("week, per-agent day and month stay fast and readable", async ({ page }) => {
    test.setTimeout(120_000);
    const calendar = new CalendarPage(page);
    const figures: string[] = [];

    const t0 = Date.now();
    await calendar.goto(DENSE.slug);
    await expect(calendar.events()).toHaveCount(500);
    figures.push(`week, first load (navigation to drawn): ${Date.now() - t0} ms; grid render ${(await calendar.renderTimes())[0]} ms`);
    await expect(page.getByText("Semaine chargée")).toBeVisible();
    await screenshot(page, "30-dense-week-1280", { fullPage: false });

    // Client-side: next week (empty) and back.
    for (let i = 0; i < 2; i++) {
      await page.getByRole("button", { name: "Semaine suivante" }).click();
      await calendar.ready();
      await expect(calendar.events()).toHaveCount(0);
      const back = Date.now();
      await page.getByRole("button", { name: "Semaine précédente" }).click();
      await expect(calendar.events()).toHaveCount(500);
      figures.push(`week, back from next week (click to drawn): ${Date.now() - back} ms; grid render ${(await calendar.renderTimes())[0]} ms`);
    }

    // Opening an appointment does not lay the week out again (the grid is memoised).
    const before = (await calendar.renderTimes()).length;
    const opened = Date.now();
    await calendar.events().nth(250).click({ force: true });
    await expect(calendar.drawer().getByTestId("history")).toBeVisible();
    figures.push(`drawer open on the dense week: ${Date.now() - opened} ms`);
    await page.keyboard.press("Escape");
    await calendar.ready();
    figures.push(`grid renders while opening and closing the drawer: ${(await calendar.renderTimes()).length - before}`);

    // A day of the week, one column per agent: every appointment readable.
    const dayStart = Date.now();
    await calendar.grid().locator(".rbc-time-header .rbc-header").nth(2).getByRole("button").click();
    await calendar.ready();
    await expect(calendar.grid()).toHaveAttribute("data-view", "agents");
    const dayCount = await calendar.events().count();
    expect(dayCount).toBeGreaterThan(70);
    expect((await calendar.resourceTitles()).length).toBe(13);
    figures.push(`per-agent day (${dayCount} appointments, 13 columns): ${Date.now() - dayStart} ms; grid render ${(await calendar.renderTimes())[0]} ms`);
    await screenshot(page, "31-dense-agents-1280", { fullPage: false });

    // Month: "+N" in each busy day, which opens that day per agent.
    await calendar.chooseView("Mois");
    figures.push(`month: grid render ${(await calendar.renderTimes())[0]} ms`);
    const more = calendar.grid().locator(".rbc-show-more").first();
    await expect(more).toHaveText(/^\+\d+ autres$/);
    await screenshot(page, "32-dense-month-1280", { fullPage: false });
    await more.click();
    await calendar.ready();
    await expect(calendar.grid()).toHaveAttribute("data-view", "agents");

    for (const f of figures) test.info().annotations.push({ type: "timing", description: f });
    console.log(`500-appointment week:\n  ${figures.join("\n  ")}`);
    // A generous bound, to catch a regression rather than to benchmark.
    for (const ms of await calendar.renderTimes()) expect(ms).toBeLessThan(3000);
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
