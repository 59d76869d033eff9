/**
 * A day `daysAhead` from today (YYYY-MM-DD, Abidjan = UTC), moved off Sunday: the demo
 * companies are closed on Sundays (opening hours Mon–Sat 08:00–19:00), so bookings there are refused.
 */
export function openDay(daysAhead: number): string {
  const d = new Date(Date.now() + daysAhead * 86_400_000);
  if (d.getUTCDay() === 0) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** A day key ("YYYY-MM-DD") `days` later (earlier when negative), counted on the calendar. */
export function plusDays(key: string, days: number): string {
  const d = new Date(`${key}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
