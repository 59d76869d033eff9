"use client";

import { useEffect, useMemo, useState } from "react";
import { isRunningLate } from "@/lib/contract/late";
import type { AppointmentStatus } from "@/lib/contract/status";
import type { CalendarEventView } from "./types";

/** The time now, read again every minute (what "running late" is checked against). */
function useMinuteClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * The appointments the calendar draws: optimistic statuses applied, then those the status
 * filter or the hidden cancelled ones leave out dropped (one cancelled from the drawer leaves
 * the grid at once, as the server's next answer would); and which of them run late. The set
 * keeps its identity while its content is the same, so the memoised grid is not laid out
 * again every minute.
 */
export function useShownEvents(
  events: CalendarEventView[],
  overrides: Record<string, AppointmentStatus>,
  statuses: AppointmentStatus[] | undefined,
): { shown: CalendarEventView[]; lateIds: ReadonlySet<string> } {
  const statusKey = statuses?.join(",");
  const shown = useMemo(() => {
    const current = Object.keys(overrides).length ? events.map((e) => (overrides[e.id] ? { ...e, status: overrides[e.id] } : e)) : events;
    const keep = statusKey?.split(",");
    return keep ? current.filter((e) => keep.includes(e.status)) : current;
  }, [events, overrides, statusKey]);

  const now = useMinuteClock();
  const lateKey = shown
    .filter((e) => isRunningLate({ status: e.status, end: e.endsAt }, now))
    .map((e) => e.id)
    .join(",");
  const lateIds = useMemo(() => new Set(lateKey ? lateKey.split(",") : []), [lateKey]);
  return { shown, lateIds };
}
