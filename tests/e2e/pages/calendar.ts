// Page objects of the calendar and the home (day at a glance).
import { expect, type Locator, type Page } from "@playwright/test";

export class CalendarPage {
  constructor(readonly page: Page) {}

  async goto(company: string, query = "") {
    await this.page.goto(`/c/${company}/calendar${query ? `?${query}` : ""}`);
    await this.ready();
  }

  /** The server's answer is on screen and the grid (or the phone list) is drawn. */
  async ready() {
    await expect(this.page.locator("[data-hydrated]").first()).toBeAttached();
    await expect(this.page.locator("[aria-busy=true]")).toHaveCount(0);
    // A week of 500 appointments may take a while to draw on a loaded machine.
    await expect(this.page.locator("[data-testid=calendar] .rbc-calendar, [data-testid=agenda], [data-testid=agenda-empty]").first()).toBeVisible({ timeout: 30_000 });
  }

  grid() {
    return this.page.getByTestId("calendar");
  }

  /**
   * Where an element is drawn, once it is: a live refresh (an event of this test's own bookings
   * arriving after the page loaded) may redraw the grid between two reads.
   */
  async box(locator: Locator) {
    let box: Awaited<ReturnType<Locator["boundingBox"]>> = null;
    await expect.poll(async () => (box = await locator.boundingBox()) !== null).toBe(true);
    return box!;
  }

  title() {
    return this.page.getByTestId("calendar-title");
  }

  /** Appointments drawn on the grid (their bodies carry data-id and data-status). */
  events() {
    return this.grid().locator(".rbc-event [data-id]");
  }

  event(id: string) {
    return this.grid().locator(`.rbc-event [data-id="${id}"]`);
  }

  async chooseView(name: "Jour" | "Semaine" | "Mois" | "Par agent") {
    await this.page.getByRole("group", { name: "Vue" }).getByRole("button", { name, exact: true }).click();
    await this.ready();
  }

  /** Column titles of the per-agent view. */
  async resourceTitles(): Promise<string[]> {
    return (await this.grid().locator(".rbc-row-resource .rbc-header").allInnerTexts()).map((s) => s.trim());
  }

  /** Clicks the empty slot at `time` ("10:00") in the per-agent column `agent`. */
  async clickSlot(agent: string, time: string) {
    const titles = await this.resourceTitles();
    const index = titles.indexOf(agent);
    expect(index, `column ${agent} in ${titles.join(", ")}`).toBeGreaterThanOrEqual(0);
    const hour = this.grid().locator(".rbc-time-gutter .rbc-timeslot-group").filter({ hasText: time }).first();
    await hour.scrollIntoViewIfNeeded();
    const row = (await hour.boundingBox())!;
    const column = (await this.grid().locator(".rbc-time-content .rbc-day-slot").nth(index).boundingBox())!;
    await this.page.mouse.click(column.x + column.width / 2, row.y + 6);
  }

  drawer() {
    return this.page.getByRole("dialog");
  }

  /** The gutter's hour at the top of the scrolled time grid ("08:00"). */
  async topHour(): Promise<string> {
    return this.grid()
      .locator(".rbc-time-content")
      .evaluate((content) => {
        const top = content.getBoundingClientRect().top;
        const hours = [...content.querySelectorAll(".rbc-time-gutter .rbc-timeslot-group")];
        return hours.find((h) => h.getBoundingClientRect().bottom > top + 2)?.textContent?.trim() ?? "";
      });
  }

  /**
   * The lines of text an appointment's box shows whole: laid out (not display: none) and
   * inside the box (a line that does not fit moves out of it, see calendar-events.tsx).
   */
  async shownLines(id: string): Promise<string[]> {
    return this.event(id).evaluate((body) => {
      const box = body.getBoundingClientRect();
      return [...body.querySelectorAll("span")]
        .filter((s) => !s.querySelector("span") && s.textContent?.trim())
        .filter((s) => {
          const r = s.getBoundingClientRect();
          return r.width > 0 && r.left >= box.left - 1 && r.right <= box.right + 1 && r.bottom <= box.bottom + 1;
        })
        .map((s) => s.textContent!.trim());
    });
  }
}

export class OverviewPage {
  constructor(readonly page: Page) {}

  async goto(company: string) {
    await this.page.goto(`/c/${company}`);
    await this.ready();
  }

  async ready() {
    await expect(this.page.locator("[data-hydrated]").first()).toBeAttached();
    await expect(this.page.locator("[aria-busy=true]")).toHaveCount(0);
  }

  count(status: "total" | "PENDING" | "CONFIRMED" | "IN_PROGRESS" | "COMPLETED" | "CANCELLED"): Locator {
    return this.page.getByTestId(`count-${status}`);
  }

  async countValue(status: Parameters<OverviewPage["count"]>[0]): Promise<number> {
    return Number((await this.count(status).locator("span").last().innerText()).trim());
  }

  upcoming() {
    return this.page.getByTestId("upcoming").locator("> li");
  }
}
