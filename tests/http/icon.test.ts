// The browser tab's icon (app/icon.svg): linked from every page and served before sign-in,
// where the sign-in page is the first a visitor sees.
import { describe, expect, it } from "vitest";
import { API_URL } from "./support/api";

describe("the site icon", () => {
  it("is linked from the sign-in page and served to a visitor not signed in", async () => {
    const html = await (await fetch(`${API_URL}/login`)).text();
    const href = /<link rel="icon" href="([^"]+)"[^>]*type="image\/svg\+xml"/.exec(html)?.[1];
    expect(href).toMatch(/^\/icon\.svg/);
    const icon = await fetch(`${API_URL}${href!.replaceAll("&amp;", "&")}`, { redirect: "manual" });
    expect(icon.status).toBe(200);
    expect(icon.headers.get("content-type")).toContain("image/svg+xml");
    expect(await icon.text()).toContain("<svg");
  });
});
