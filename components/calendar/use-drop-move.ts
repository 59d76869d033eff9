"use client";

import { useCallback, useMemo } from "react";
import { useReschedule } from "@/components/appointments/use-reschedule";
import { instantToWallClock, wallClockToInstant } from "@/lib/contract/dates";
import { type Absence, absentDuring } from "@/lib/contract/hours";
import type { CalendarEventView, CalendarResource } from "./types";

/**
 * The calendar's moves: a dropped appointment (drag and drop on the grid) is sent to the server
 * and shows at its new place at once; the drawer's "Déplacer" goes through the same hook. A
 * refusal puts it back (the overlay ends with the action) with the server's message. Whether
 * the agent is off during an appointment is worked out here, where it is shown, so a moved one
 * says so at its new place at once, not on the next refresh; so is its agent's name (the
 * tooltip's), from the per-agent view's columns.
 */
export function useDropMove(
  stableEvents: CalendarEventView[],
  byId: Map<string, CalendarEventView>,
  timeZone: string,
  describe: (id: string) => string,
  timeOff: readonly Absence[] = [],
  resources: readonly CalendarResource[] = [],
) {
  const reschedule = useReschedule(describe);
  const places = reschedule.places;
  // A dragged appointment shows at its new place at once (until the server's answer).
  const placedEvents = useMemo(() => {
    const names = new Map(resources.map((r) => [r.id, r.title]));
    return stableEvents.map((e) => {
      const p = places[e.id];
      const placed = p
        ? {
            ...e,
            startsAt: p.startsAt,
            endsAt: p.endsAt,
            start: instantToWallClock(new Date(p.startsAt), timeZone),
            end: instantToWallClock(new Date(p.endsAt), timeZone),
            agentId: p.agentId,
            agentName: p.agentId === e.agentId ? e.agentName : p.agentId ? (names.get(p.agentId) ?? null) : null,
          }
        : e;
      return { ...placed, agentOff: absentDuring(timeOff, placed.agentId, placed.start, placed.end) };
    });
  }, [stableEvents, places, timeZone, timeOff, resources]);
  const onDrop = useCallback(
    (id: string, wall: string, agentId: string | null | undefined) => {
      const e = byId.get(id);
      const at = wallClockToInstant(wall, timeZone);
      if (!e || !at) return;
      const request: { date?: string; agentId?: string | null } = {};
      if (at.getTime() !== new Date(e.startsAt).getTime()) request.date = at.toISOString();
      if (agentId !== undefined && agentId !== e.agentId) request.agentId = agentId;
      if (request.date === undefined && request.agentId === undefined) return;
      const length = new Date(e.endsAt).getTime() - new Date(e.startsAt).getTime();
      const place = { startsAt: at.toISOString(), endsAt: new Date(at.getTime() + length).toISOString(), agentId: agentId === undefined ? e.agentId : agentId };
      reschedule.move(id, request, place);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reschedule.move reads the latest state itself
    [byId, timeZone],
  );
  return { reschedule, placedEvents, onDrop };
}
