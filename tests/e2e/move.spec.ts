// Moving appointments: from the drawer's "Déplacer" (by keyboard too), by drag and drop on the
// calendar (week view to another time, the part after midnight of an appointment across
// midnight, per-agent view to another agent's column, a refused drop going back), and "Absent"
// (no-show) with its undo. Appointments are booked through the API on days far from the demo's
// own, at times relative to now.
import { type Locator, type Page } from "@playwright/test";
import { expect, plain, screenshot, test } from "./fixtures";
import { CalendarPage } from "./pages/calendar";
import { PARIS, SALON } from "./support/accounts";
import { apiCustomer, DemoApi, parisInstant } from "./support/api";
import { plusDays } from "./support/days";

/** "YYYY-MM-DD" on a company's clock, `days` from today (a week later on a retry: a fresh day). */
function dayKey(timeZone: string, days: number): string {
  const at = new Date(Date.now() + (days + 7 * test.info().retry) * 86_400_000);
  // Off Sunday: the demo salon is closed then (and moves there are refused).
  const weekday = new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short" }).format(at);
  if (weekday === "Sun") at.setTime(at.getTime() + 86_400_000);
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

type Apt = { id: string; date: string; agentId: string | null; status: string; cancellation?: { kind: string } | null };

/** Drags an appointment's box so that its top lands on `time` in the grid column `column`. */
async function drag(page: Page, calendar: CalendarPage, box: Locator, column: number, time: string) {
  const from = (await box.boundingBox())!;
  const hour = calendar.grid().locator(".rbc-time-gutter .rbc-timeslot-group").filter({ hasText: time }).first();
  await hour.scrollIntoViewIfNeeded();
  const row = (await hour.boundingBox())!;
  const target = (await calendar.grid().locator(".rbc-time-content .rbc-day-slot").nth(column).boundingBox())!;
  const start = (await box.boundingBox())!;
  void from;
  // Grab the box 4px under its top, drop 4px under the hour's line: the top lands on the hour.
  await page.mouse.move(start.x + start.width / 2, start.y + 4);
  await page.mouse.down();
  await page.mouse.move(start.x + start.width / 2 + 5, start.y + 12, { steps: 4 });
  await page.mouse.move(target.x + target.width / 2, row.y + 4, { steps: 12 });
  await page.mouse.up();
}

test.describe("moving appointments", () => {
  test("Déplacer from the drawer, by keyboard from a focused event: new time and agent, history says so", async ({ page, request }) => {
    const api = new DemoApi(request);
    const { serviceId, agentId } = await api.paris();
    const [customer] = await api.customers(1);
    const day = dayKey(PARIS_TZ, 45);
    const apt = await api.bookParis({ serviceId, customerId: customer.id, agentId, date: parisInstant(`${day}T10:00`) });

    const calendar = new CalendarPage(page);
    await calendar.goto(PARIS.slug, `view=day&date=${day}`);
    // Keyboard only: focus the appointment, Enter opens its drawer, Tab to "Déplacer".
    await calendar.grid().locator(".rbc-event", { has: page.locator(`[data-id="${apt.id}"]`) }).focus();
    await page.keyboard.press("Enter");
    const drawer = calendar.drawer().first();
    await expect(drawer.getByRole("button", { name: "Déplacer" })).toBeVisible();
    await drawer.getByRole("button", { name: "Déplacer" }).focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Déplacer le rendez-vous" });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel("Heure").fill("14:30");
    await dialog.getByLabel("Agent").selectOption({ label: "Sans agent" });
    await dialog.getByLabel("Motif (facultatif)").fill("Le client arrive plus tard");
    await screenshot(page, "60-move-dialog-1280", { fullPage: false });
    await dialog.getByRole("button", { name: "Déplacer" }).focus();
    await page.keyboard.press("Enter");
    await expect(dialog).toBeHidden();
    await expect(page.getByText("Rendez-vous déplacé")).toBeVisible();

    const moved = await api.call<Apt>(`appointments/${apt.id}`);
    expect(moved.date).toBe(parisInstant(`${day}T14:30`).toISOString());
    expect(moved.agentId).toBeNull();
    const history = calendar.drawer().getByTestId("history");
    await expect(history.locator("li").last()).toContainText(/Déplacé de .* 10:00 à .* 14:30/);
    await expect(history.locator("li").last()).toContainText(`Agent : ${PARIS.agent} → aucun`);
    await expect(history.locator("li").last()).toContainText("Motif : Le client arrive plus tard");
    expect(plain(await calendar.drawer().innerText())).toContain("14:30 – 15:00");
    await screenshot(page, "61-move-history-1280", { fullPage: false });
  });

  test("drag in the week view to another time; a drop on a taken slot goes back with the server's message", async ({ page, request }) => {
    const api = new DemoApi(request);
    const { serviceId, agentId } = await api.paris();
    const [a, b] = await api.customers(2);
    const day = dayKey(PARIS_TZ, 52);
    const apt = await api.bookParis({ serviceId, customerId: a.id, agentId, date: parisInstant(`${day}T09:00`) });
    await api.bookParis({ serviceId, customerId: b.id, agentId, date: parisInstant(`${day}T15:00`) });

    const calendar = new CalendarPage(page);
    await calendar.goto(PARIS.slug, `view=week&date=${day}`);
    const column = (new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7;
    const box = calendar.grid().locator(".rbc-event", { has: page.locator(`[data-id="${apt.id}"]`) });
    await drag(page, calendar, box, column, "11:00");
    // Moved at once, then confirmed by the server.
    await expect(calendar.event(apt.id)).toContainText("11:00");
    await expect(page.getByText("Rendez-vous déplacé")).toBeVisible();
    await expect.poll(async () => (await api.call<Apt>(`appointments/${apt.id}`)).date).toBe(parisInstant(`${day}T11:00`).toISOString());
    await calendar.ready();

    // Onto the agent's 15:00: refused, back at 11:00, the server's reason shown.
    await drag(page, calendar, box, column, "15:00");
    await expect(page.getByText("Cet agent a déjà un rendez-vous sur ce créneau.")).toBeVisible();
    await expect(calendar.event(apt.id)).toContainText("11:00");
    expect((await api.call<Apt>(`appointments/${apt.id}`)).date).toBe(parisInstant(`${day}T11:00`).toISOString());
    await screenshot(page, "62-move-drag-refused-1280", { fullPage: false });
  });

  test("drag the part after midnight of an appointment across midnight: where its top lands is the new start", async ({ page, request }) => {
    const api = new DemoApi(request);
    const { serviceId } = await api.paris();
    const [customer] = await api.customers(1);
    // Neither day a Sunday: Paris changes its clocks on a Sunday night, 02:00 among the hours.
    let day = dayKey(PARIS_TZ, 59);
    if (new Date(`${plusDays(day, 1)}T12:00:00Z`).getUTCDay() === 0) day = plusDays(day, 2);
    const next = plusDays(day, 1);
    // 23:45–00:15, unassigned (the Paris company is open at all hours).
    const apt = await api.bookParis({ serviceId, customerId: customer.id, date: parisInstant(`${day}T23:45`) });

    // The next day's view shows only the part after midnight, at the top of the grid.
    const calendar = new CalendarPage(page);
    await calendar.goto(PARIS.slug, `view=day&date=${next}`);
    const box = calendar.grid().locator(".rbc-event", { has: page.locator(`[data-id="${apt.id}"]`) });
    await expect(box).toHaveCount(1);
    await drag(page, calendar, box, 0, "02:00");
    await expect(page.getByText("Rendez-vous déplacé")).toBeVisible();
    // The whole appointment moved, its half hour kept: one piece, 02:00–02:30 on that day.
    await expect.poll(async () => (await api.call<Apt>(`appointments/${apt.id}`)).date).toBe(parisInstant(`${next}T02:00`).toISOString());
    await calendar.ready();
    await expect(box).toHaveCount(1);
    expect(plain((await box.getAttribute("title")) ?? "")).toContain("02:00 – 02:30");
    await calendar.goto(PARIS.slug, `view=day&date=${day}`);
    await expect(calendar.event(apt.id)).toHaveCount(0);
  });

  test("drag in the per-agent view to another agent's column", async ({ page, request }) => {
    const api = new DemoApi(request);
    const companies = await api.call<{ id: string; slug: string }[]>("companies/list");
    const companyId = companies.find((c) => c.slug === SALON)!.id;
    const services = await api.call<{ id: string; fields: { name: string; required: boolean; type: string; options: { value: string }[] }[] }[]>(
      "services/list",
      { companyId, limit: 50 },
    );
    // A service two agents perform, whose required fields are choices.
    let chosen: { serviceId: string; agents: { id: string; fullname: string }[]; filledFields: Record<string, string> } | null = null;
    for (const s of services) {
      if (!s.fields.every((f) => !f.required || f.type === "select")) continue;
      const agents = await api.call<{ id: string; fullname: string; isActive: boolean }[]>("agents/list", { companyId, serviceId: s.id });
      const active = agents.filter((g) => g.isActive);
      if (active.length >= 2) {
        chosen = { serviceId: s.id, agents: active, filledFields: Object.fromEntries(s.fields.filter((f) => f.required).map((f) => [f.name, f.options[0].value])) };
        break;
      }
    }
    expect(chosen, "a salon service with two agents").not.toBeNull();
    const [customer] = await api.customers(1);
    // Abidjan's clock is UTC.
    const day = dayKey("Africa/Abidjan", 47);
    const [from, to] = chosen!.agents;
    const apt = await api.call<Apt>("appointments/create", {
      serviceId: chosen!.serviceId,
      customerId: customer.id,
      agentId: from.id,
      date: `${day}T10:00:00Z`,
      filledFields: chosen!.filledFields,
    });

    const calendar = new CalendarPage(page);
    await calendar.goto(SALON, `view=agents&date=${day}`);
    const titles = await calendar.resourceTitles();
    const box = calendar.grid().locator(".rbc-event", { has: page.locator(`[data-id="${apt.id}"]`) });
    // The server's answer held back: meanwhile the moved box's tooltip names its new agent.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(
      (url) => url.pathname.endsWith("/calendar"),
      async (route) => {
        if (route.request().method() === "POST" && route.request().headers()["next-action"]) await held;
        await route.continue();
      },
    );
    await drag(page, calendar, box, titles.indexOf(to.fullname), "10:00");
    await expect.poll(async () => plain((await box.getAttribute("title")) ?? "")).toContain(to.fullname);
    expect(plain((await box.getAttribute("title")) ?? "")).not.toContain(from.fullname);
    expect((await api.call<Apt>(`appointments/${apt.id}`)).agentId, "not moved yet on the server").toBe(from.id);
    release();
    await expect(page.getByText("Rendez-vous déplacé")).toBeVisible();
    await expect.poll(async () => (await api.call<Apt>(`appointments/${apt.id}`)).agentId).toBe(to.id);
    const moved = await api.call<Apt>(`appointments/${apt.id}`);
    expect(moved.date).toBe(`${day}T10:00:00.000Z`);
    await calendar.ready();
    const target = calendar.grid().locator(".rbc-time-content .rbc-day-slot").nth(titles.indexOf(to.fullname));
    await expect(target.locator(`[data-id="${apt.id}"]`)).toHaveCount(1);
    await screenshot(page, "63-move-drag-agents-1280", { fullPage: false });
  });

  test("Absent on a started confirmed appointment, then Annuler l'absence; the table filters no-shows", async ({ page, request }) => {
    const api = new DemoApi(request);
    const { serviceId } = await api.paris();
    const customer = await apiCustomer(request, `Awa Absente ${Date.now().toString(36)}`);
    // Started ten minutes ago, unassigned (no slot to collide with).
    const apt = await api.bookParis({ serviceId, customerId: customer.id, date: new Date(Date.now() - 10 * 60_000) });
    await api.move(apt.id, "CONFIRMED");

    await page.goto(`/c/${PARIS.slug}/appointments/${apt.id}`);
    const drawer = page.getByRole("dialog").first();
    await drawer.getByRole("button", { name: "Absent" }).click();
    const ask = page.getByRole("alertdialog");
    await expect(ask).toContainText("Marquer le client absent ?");
    await ask.getByRole("button", { name: "Marquer absent" }).click();
    await expect(page.getByText("Client marqué absent")).toBeVisible();
    await expect(drawer.getByTestId("no-show-badge")).toBeVisible();
    await expect(drawer.getByTestId("history").locator("li").last()).toContainText("Absent (client non venu)");
    const noShow = await api.call<Apt>(`appointments/${apt.id}`);
    expect(noShow.status).toBe("CANCELLED");
    expect(noShow.cancellation).toEqual({ kind: "no-show", reason: null });
    await screenshot(page, "64-no-show-drawer-1280", { fullPage: false });

    await drawer.getByRole("button", { name: "Annuler l'absence" }).click();
    await expect(page.getByText("Absence annulée : rendez-vous confirmé à nouveau")).toBeVisible();
    await expect.poll(async () => (await api.call<Apt>(`appointments/${apt.id}`)).status).toBe("CONFIRMED");

    // Absent again, from the table row's menu; the "Absents" filter lists it; the customer's page counts it.
    await page.goto(`/c/${PARIS.slug}/appointments?range=all&q=${encodeURIComponent(customer.fullname)}`);
    await page.getByRole("button", { name: `Actions pour ${customer.fullname}` }).first().click();
    await page.getByRole("menuitem", { name: "Absent" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Marquer absent" }).click();
    await expect.poll(async () => (await api.call<Apt>(`appointments/${apt.id}`)).status).toBe("CANCELLED");
    await page.goto(`/c/${PARIS.slug}/appointments?noshow=true&range=all`);
    await expect(page.getByRole("button", { name: "Absents" })).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByText(customer.fullname).first()).toBeVisible();
    await page.goto(`/c/${PARIS.slug}/customers/${customer.id}`);
    await expect(page.getByTestId("customer-no-shows")).toHaveText("1 absence");
    await screenshot(page, "65-no-show-customer-1280", { fullPage: false });
  });

  test("Déplacer offers the agent's free slots (its own place not counted as taken); picked and sent by keyboard", async ({ page, request }) => {
    const api = new DemoApi(request);
    const [customer] = await api.customers(1);
    const agent = await api.parisAgent("Agent Créneaux", [{ start: "10:00", end: "12:00" }]);
    const { name } = agent;
    try {
      const day = dayKey(PARIS_TZ, 47);
      // 10:15–10:45: the 10:00 slot is free only once this appointment's own place is set aside.
      const apt = await api.bookParis({ serviceId: agent.serviceId, customerId: customer.id, agentId: agent.id, date: parisInstant(`${day}T10:15`) });

      const calendar = new CalendarPage(page);
      await calendar.goto(PARIS.slug, `view=agents&date=${day}&agent=${agent.id}&appointment=${apt.id}`);
      await calendar.drawer().first().getByRole("button", { name: "Déplacer" }).click();
      const dialog = page.getByRole("dialog", { name: "Déplacer le rendez-vous" });
      const slots = dialog.getByTestId("slot-suggestions").getByRole("button");
      await expect(slots.first()).toContainText(`10:00 · ${name}`);
      await screenshot(page, "62-move-slots-1280", { fullPage: false });

      // Keyboard: focus the first slot, Enter fills the time, focus goes to "Déplacer", Enter moves.
      await slots.first().focus();
      await page.keyboard.press("Enter");
      await expect(dialog.getByLabel("Heure")).toHaveValue("10:00");
      await expect(dialog.getByRole("button", { name: "Déplacer" })).toBeFocused();
      await page.keyboard.press("Enter");
      await expect(dialog).toBeHidden();
      await expect(page.getByText("Rendez-vous déplacé")).toBeVisible();
      const moved = await api.call<Apt>(`appointments/${apt.id}`);
      expect([moved.date, moved.agentId]).toEqual([parisInstant(`${day}T10:00`).toISOString(), agent.id]);
    } finally {
      await agent.done();
    }
  });

  test("after a drop, Agent absent and the outside-hours hatch follow the appointment at once, before the server answers", async ({ page, request }) => {
    const api = new DemoApi(request);
    const [customer] = await api.customers(1);
    const agent = await api.parisAgent("Agent Absences", [{ start: "09:00", end: "18:00" }]);
    try {
      const day = dayKey(PARIS_TZ, 49);
      const apt = await api.bookParis({ serviceId: agent.serviceId, customerId: customer.id, agentId: agent.id, date: parisInstant(`${day}T10:00`) });
      // Time off added after the booking: 10:00–11:00 that day.
      await api.call(`agents/${agent.id}/time-off/create`, { startDate: day, startTime: "10:00", endTime: "11:00" });
      const calendar = new CalendarPage(page);
      await calendar.goto(PARIS.slug, `view=agents&date=${day}&agent=${agent.id}`);
      const body = calendar.event(apt.id);
      await expect(body).toHaveAttribute("data-agent-off", "true");
      await expect(body).toContainText("Agent absent");

      // The move's server action is held until the checks are done: what shows then is the browser's own doing.
      let gate: Promise<void> | null = null;
      let release = () => {};
      const hold = () => (gate = new Promise<void>((r) => (release = () => ((gate = null), r()))));
      await page.route(
        (url) => url.pathname.startsWith(`/c/${PARIS.slug}/calendar`),
        async (route) => {
          if (route.request().method() === "POST" && gate) await gate;
          await route.continue();
        },
      );
      const box = calendar.grid().locator(".rbc-event", { has: page.locator(`[data-id="${apt.id}"]`) });
      hold();
      await drag(page, calendar, box, 0, "14:00");
      await expect(body).toContainText("14:00");
      await expect(body).not.toHaveAttribute("data-agent-off");
      await expect(body).not.toContainText("Agent absent");
      release();
      await expect(page.getByText("Rendez-vous déplacé")).toBeVisible();
      await expect.poll(async () => (await api.call<Apt>(`appointments/${apt.id}`)).date).toBe(parisInstant(`${day}T14:00`).toISOString());
      await calendar.ready();

      // Before the agent's hours: refused, the owner moves it anyway; hatched as outside the hours at once.
      await drag(page, calendar, box, 0, "08:00");
      const force = page.getByRole("button", { name: "Déplacer quand même (hors horaires)" });
      await expect(force).toBeVisible();
      await expect(body).not.toHaveAttribute("data-outside");
      hold();
      await force.click();
      await expect(body).toContainText("08:00");
      await expect(body).toHaveAttribute("data-outside", "true");
      await screenshot(page, "66-move-outside-hours-1280", { fullPage: false });
      release();
      await expect.poll(async () => (await api.call<Apt>(`appointments/${apt.id}`)).date).toBe(parisInstant(`${day}T08:00`).toISOString());
      await calendar.ready();
      await expect(body).toHaveAttribute("data-outside", "true");
    } finally {
      await page.unrouteAll({ behavior: "ignoreErrors" });
      await agent.done();
    }
  });
});

const PARIS_TZ = "Europe/Paris";
