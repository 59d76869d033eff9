import { describe, expect, it } from "vitest";
import { filledFieldsSchema, serviceFieldsSchema } from "@/lib/contract/fields";
import { slugify } from "@/lib/contract/slug";
import { normalizePhone } from "@/lib/contract/phone";
import { phoneKind } from "@/lib/contract/phone-kind";
import { computeTotalPrice } from "@/lib/contract/pricing";
import { isoInstant } from "@/lib/contract/validation";

const fields = serviceFieldsSchema.parse([
  { name: "modele", label: "Modèle", type: "select", required: true, options: [{ label: "A", value: "a", price: 500 }, { label: "B", value: "b" }] },
  { name: "extras", label: "Extras", type: "multipleSelect", options: [{ label: "X", value: "x", price: 100 }, { label: "Y", value: "y", price: 200 }] },
  { name: "note", label: "Note", type: "text", maxLength: 5 },
]);

describe("service fields", () => {
  it("default required to false, option prices to 0", () => {
    expect(fields[1].required).toBe(false);
    expect(fields[0].options[1].price).toBe(0);
  });

  it("refuses duplicate keys, duplicate option values, selects without options", () => {
    expect(serviceFieldsSchema.safeParse([{ name: "a", label: "A", type: "text" }, { name: "a", label: "B", type: "text" }]).success).toBe(false);
    expect(
      serviceFieldsSchema.safeParse([{ name: "a", label: "A", type: "select", options: [{ label: "1", value: "v" }, { label: "2", value: "v" }] }]).success,
    ).toBe(false);
    expect(serviceFieldsSchema.safeParse([{ name: "a", label: "A", type: "multipleSelect" }]).success).toBe(false);
    expect(serviceFieldsSchema.safeParse([{ name: "1a", label: "A", type: "text" }]).success).toBe(false);
    expect(serviceFieldsSchema.safeParse([{ name: "a", label: "A", type: "color" }]).success).toBe(false);
  });

  it("drops optional answers left empty and treats null as absent", () => {
    const parsed = filledFieldsSchema(fields).parse({ modele: "a", extras: [], note: "", });
    expect(parsed).toEqual({ modele: "a" });
    expect(filledFieldsSchema(fields).parse({ modele: "b", note: null })).toEqual({ modele: "b" });
  });

  it("enforces maxLength after trimming", () => {
    expect(filledFieldsSchema(fields).safeParse({ modele: "a", note: "  abcde  " }).success).toBe(true);
    expect(filledFieldsSchema(fields).safeParse({ modele: "a", note: "abcdef" }).success).toBe(false);
  });
});

describe("computeTotalPrice", () => {
  it("adds the chosen options' prices to the base price", () => {
    expect(computeTotalPrice({ basePrice: 1000, fields }, { modele: "a", extras: ["x", "y"] })).toBe(1800);
    expect(computeTotalPrice({ basePrice: 1000, fields }, { modele: "b" })).toBe(1000);
    expect(computeTotalPrice({ basePrice: 1000, fields }, {})).toBe(1000);
  });
});

describe("normalizePhone", () => {
  it.each([
    ["07 07 12 34 56", "+2250707123456"],
    ["+225 07-07-12-34-56", "+2250707123456"],
    ["00225 0707123456", "+2250707123456"],
    ["(07) 07.12.34.56", "+2250707123456"],
    ["+33 6 12 34 56 78", "+33612345678"],
  ])("%s → %s", (input, expected) => expect(normalizePhone(input)).toBe(expected));

  it.each(["123", "0707", "abc", "+0 123 456 789", "07 07 12 34 5a", "", "99 12 34 56 78", "+225 10 12 34 56 78"])("refuses %s", (input) => {
    expect(normalizePhone(input)).toBeUndefined();
  });
});

describe("isoInstant", () => {
  it("needs an offset and a real calendar time", () => {
    expect(isoInstant.parse("2025-01-15T10:00:00Z").toISOString()).toBe("2025-01-15T10:00:00.000Z");
    expect(isoInstant.parse("2025-01-15T10:00:00.123+01:00").toISOString()).toBe("2025-01-15T09:00:00.123Z");
    for (const bad of ["2025-01-15T10:00:00", "2025-01-15", "2025-02-29T10:00:00Z", "2025-01-15T24:00:00Z", "15/01/2025 10:00"]) {
      expect(isoInstant.safeParse(bad).success).toBe(false);
    }
  });
});

describe("slugify", () => {
  it("strips accents and punctuation", () => {
    expect(slugify("Salon Élégance – Cocody !")).toBe("salon-elegance-cocody");
    expect(slugify("  ")).toBe("x");
  });
});

describe("phoneKind", () => {
  it.each([
    ["+2250707123456", "mobile"],
    ["+2250544332211", "mobile"],
    ["+2250102030405", "mobile"],
    ["+2252722441010", "fixed"],
    ["+33612345678", "mobile"],
    ["+33145678901", "fixed"],
  ])("%s is %s", (e164, kind) => expect(phoneKind(e164)).toBe(kind));
});
