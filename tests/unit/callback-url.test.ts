import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/lib/contract/callback-url";

describe("safeCallbackUrl", () => {
  it("keeps a path of this site, with its query", () => {
    expect(safeCallbackUrl("/c/salon-cocody/calendar?view=week")).toBe("/c/salon-cocody/calendar?view=week");
  });
  it.each(["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "", undefined, 42, ["/c"]])(
    "sends %j home",
    (value) => {
      expect(safeCallbackUrl(value)).toBe("/");
    },
  );
});
