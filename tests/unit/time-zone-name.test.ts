import { describe, expect, it } from "vitest";
import { formatLongDateTime, formatTimeZone, zoneOffsetLabel } from "@/lib/contract/format";

const winter = new Date("2026-01-15T12:00:00Z");
const summer = new Date("2026-07-15T12:00:00Z");

describe("time zones as people say them", () => {
  it("French: heure d'Abidjan, GMT; heure de Paris, UTC+1 in winter and UTC+2 in summer", () => {
    expect(formatTimeZone("Africa/Abidjan", "fr", winter)).toBe("heure d'Abidjan, GMT");
    expect(formatTimeZone("Europe/Paris", "fr", winter)).toBe("heure de Paris, UTC+1");
    expect(formatTimeZone("Europe/Paris", "fr", summer)).toBe("heure de Paris, UTC+2");
    expect(formatTimeZone("Africa/Douala", "fr", winter)).toBe("heure de Douala, UTC+1");
    expect(formatTimeZone("Europe/Istanbul", "fr", winter)).toBe("heure d'Istanbul, UTC+3");
  });

  it("English: Abidjan time, GMT; Paris time, GMT+1", () => {
    expect(formatTimeZone("Africa/Abidjan", "en", winter)).toBe("Abidjan time, GMT");
    expect(formatTimeZone("Europe/Paris", "en", winter)).toBe("Paris time, GMT+1");
    expect(formatTimeZone("Europe/Paris", "en", summer)).toBe("Paris time, GMT+2");
  });

  it("cities with several words or a sub-region, half hours, west of Greenwich", () => {
    expect(formatTimeZone("America/Argentina/Buenos_Aires", "fr", winter)).toBe("heure de Buenos Aires, UTC\u22123");
    expect(formatTimeZone("America/Argentina/Buenos_Aires", "en", winter)).toBe("Buenos Aires time, GMT-3");
    expect(formatTimeZone("Asia/Kolkata", "en", winter)).toBe("Kolkata time, GMT+5:30");
    expect(formatTimeZone("America/St_Johns", "fr", winter)).toBe("heure de St Johns, UTC\u22123:30");
  });

  it("zones without a city say the offset alone", () => {
    expect(formatTimeZone("UTC", "fr", winter)).toBe("GMT");
    expect(formatTimeZone("Etc/GMT+3", "en", winter)).toBe("GMT-3");
    expect(zoneOffsetLabel("Europe/Paris", "fr", summer)).toBe("UTC+2");
  });

  it("the drawer's long date and time, in the company's zone and the UI language", () => {
    const at = new Date("2026-11-28T08:14:00Z");
    expect(formatLongDateTime(at, "Europe/Paris", "fr")).toBe("Samedi 28 novembre 2026, 09:14");
    expect(formatLongDateTime(at, "Africa/Abidjan", "en")).toBe("Saturday, 28 November 2026, 08:14");
  });
});
