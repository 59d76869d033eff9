// The journal's URL → list input: split at now (due so far, latest first; "À venir", soonest
// first), the days chosen narrowing either side on the company's clock.
import { describe, expect, it } from "vitest";
import { listInputFromParams } from "@/components/messages/search-params";

const company = { id: "0b6f4a52-5a47-4d0f-9d57-5b1f3a3c2f10", timezone: "Europe/Paris" };
const now = new Date("2031-06-10T09:30:00Z");
const none = { state: [], channel: [], from: null, to: null };

describe("listInputFromParams", () => {
  it("opens on what is due up to now, latest first", () => {
    expect(listInputFromParams({ ...none, upcoming: false }, company, now)).toEqual({
      input: { companyId: company.id, state: undefined, channel: undefined, from: undefined, to: now.toISOString() },
      order: "desc",
    });
  });

  it("« À venir »: from now on, soonest first", () => {
    const { input, order } = listInputFromParams({ ...none, upcoming: true }, company, now);
    expect(input).toMatchObject({ from: now.toISOString(), to: undefined });
    expect(order).toBe("asc");
  });

  it("days narrow either side, on the company's clock", () => {
    const days = { ...none, from: "2031-06-01", to: "2031-06-30" };
    // Up to now: June 1st at 00:00 in Paris (UTC+2) to now, the end of June being later.
    expect(listInputFromParams({ ...days, upcoming: false }, company, now).input).toMatchObject({ from: "2031-05-31T22:00:00.000Z", to: now.toISOString() });
    // Upcoming: from now (later than June 1st) to the end of June 30th.
    expect(listInputFromParams({ ...days, upcoming: true }, company, now).input).toMatchObject({ from: now.toISOString(), to: "2031-06-30T22:00:00.000Z" });
    // Days wholly in the past stay as chosen while looking back.
    expect(listInputFromParams({ ...none, from: "2031-05-01", to: "2031-05-02", upcoming: false }, company, now).input).toMatchObject({
      from: "2031-04-30T22:00:00.000Z",
      to: "2031-05-02T22:00:00.000Z",
    });
  });
});
