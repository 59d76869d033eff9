import { describe, expect, it } from "vitest";
import { formatDuration, groupDigits, parseAmount } from "@/components/catalog/money";
import { keyFromLabel, serviceFieldsSchema } from "@/lib/contract/fields";
import { agentEdit, agentInput, companyInput } from "@/lib/contract/catalog-inputs";
import { fieldErrors } from "@/lib/contract/errors";

describe("keyFromLabel (the field editor's proposed keys and option values)", () => {
  it.each([
    ["Type de peau", "type_de_peau"],
    ["Mèches fournies par le salon ?", "meches_fournies_par_le_salon"],
    ["  Blond vénitien ", "blond_venitien"],
    ["2 personnes", "f_2_personnes"],
    ["!!!", "champ"],
  ])("%s → %s", (label, key) => {
    const made = keyFromLabel(label);
    expect(made).toBe(key);
    expect(serviceFieldsSchema.safeParse([{ name: made, label: "x", type: "text" }]).success).toBe(true);
  });

  it("stays within 50 characters and avoids taken keys", () => {
    const long = keyFromLabel("Une question vraiment très longue posée au moment de la réservation");
    expect(long.length).toBeLessThanOrEqual(50);
    expect(keyFromLabel("Longueur", ["longueur"])).toBe("longueur_2");
    expect(keyFromLabel("Longueur", ["longueur", "longueur_2"])).toBe("longueur_3");
  });
});

describe("field definition errors point at the field concerned", () => {
  it("a repeated key is reported on the repeat, a repeated option value on that option", () => {
    const r = serviceFieldsSchema.safeParse([
      { name: "a", label: "A", type: "text" },
      { name: "b", label: "B", type: "select", options: [{ label: "1", value: "v" }, { label: "2", value: "w" }, { label: "3", value: "v" }] },
      { name: "a", label: "C", type: "text" },
    ]);
    expect(r.success).toBe(false);
    const fields = fieldErrors(r.error!.issues);
    expect(Object.keys(fields).sort()).toEqual(["1.options.2.value", "2.name"]);
  });
});

describe("optional phone numbers say what is wrong", () => {
  it("a bad number is a phone error, not a bare invalid input; blanks are null", () => {
    const bad = agentInput.safeParse({ fullname: "Awa", telephone: "12" });
    expect(bad.success).toBe(false);
    expect(fieldErrors(bad.error!.issues).telephone).toEqual(["Numéro de téléphone invalide (ex. +225 07 07 12 34 56)"]);
    expect(agentInput.parse({ fullname: "Awa", telephone: "" }).telephone).toBeNull();
    expect(agentInput.parse({ fullname: "Awa", telephone: null }).telephone).toBeNull();
    expect(agentInput.parse({ fullname: "Awa" }).telephone).toBeNull();
    expect(agentInput.parse({ fullname: "Awa", telephone: "07 07 12 34 56" }).telephone).toBe("+2250707123456");
    expect(companyInput.parse({ name: "X", telephone: " 27 22 44 10 10 " }).telephone).toBe("+2252722441010");
  });

  it("an edit that leaves the phone out does not clear it", () => {
    expect("telephone" in agentEdit.parse({ fullname: "Awa" })).toBe(false);
    expect(agentEdit.parse({ telephone: "" }).telephone).toBeNull();
  });
});

describe("money and durations in the catalog forms", () => {
  it("reads whole amounts written the usual ways", () => {
    expect(parseAmount("5000")).toBe(5000);
    expect(parseAmount("5 000")).toBe(5000);
    expect(parseAmount("5\u202f000")).toBe(5000);
    expect(parseAmount("5.000")).toBe(5000);
    expect(parseAmount("")).toBeUndefined();
    expect(parseAmount("5.5")).toBeNaN();
    expect(parseAmount("5,5")).toBeNaN();
    expect(parseAmount("-3")).toBeNaN();
  });

  it("writes them back grouped, and durations in hours", () => {
    expect(groupDigits(1500000)).toBe("1 500 000");
    expect(groupDigits(500)).toBe("500");
    expect(formatDuration(45)).toBe("45 min");
    expect(formatDuration(90)).toBe("1 h 30");
    expect(formatDuration(180)).toBe("3 h");
    expect(formatDuration(65)).toBe("1 h 05");
  });
});
