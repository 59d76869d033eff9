import { describe, expect, it } from "vitest";
import { loadMessages } from "@/i18n/messages";

function keys(obj: unknown, prefix = ""): string[] {
  if (!obj || typeof obj !== "object") return [prefix];
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("messages", () => {
  it("French and English have the same keys, none empty", async () => {
    const [fr, en] = await Promise.all([loadMessages("fr"), loadMessages("en")]);
    expect(keys(en).sort()).toEqual(keys(fr).sort());
    for (const k of keys(fr)) expect(k).not.toBe("");
  });
});
