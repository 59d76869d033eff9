import type { Page } from "@playwright/test";

/**
 * The page's event stream, answered. The server subscribes before it answers, so a change made
 * after this reaches the page as an event, marked. Call it before the page loads.
 */
export function streamOpen(page: Page) {
  return page.waitForResponse((r) => new URL(r.url()).pathname === "/api/events/stream" && r.ok());
}
