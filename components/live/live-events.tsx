"use client";

// Changes made elsewhere (another member, the API, an integration) reach this screen live: one
// event stream per tab (Server-Sent Events, resumed by the browser after a cut), a debounced
// refresh of what the server rendered (filters, selection, scroll, focus and open dialogs are
// client state and stay), and, for a few seconds, which appointments changed and who changed them.
import { useRouter } from "next/navigation";
import { createContext, use, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { AppointmentEvent } from "@/lib/contract/events";

/** How long a changed appointment stays marked. */
const MARK_MS = 8000;
/** Several changes in a burst: one refresh. */
const REFRESH_DEBOUNCE_MS = 250;

export type LiveChange = { appointmentId: string; by: string; type: AppointmentEvent["type"]; status: string; at: number };

type Live = {
  /** Changes by others in the last seconds, by appointment. */
  changes: ReadonlyMap<string, LiveChange>;
  /** Called with every event received (for notices that compare before and after). */
  onEvent: (listener: (event: AppointmentEvent) => void) => () => void;
  /** This tab is changing these appointments itself: their next events are not "someone else's". */
  markLocal: (appointmentIds: string[]) => void;
  connected: boolean;
};

const LiveContext = createContext<Live>({ changes: new Map(), onEvent: () => () => {}, markLocal: () => {}, connected: false });
/** How long a change made in this tab keeps its events from being marked. */
const LOCAL_MS = 15_000;

export function useLive(): Live {
  return use(LiveContext);
}

/**
 * `after`: the last event the server had when it rendered the page (lib/appointments/live.ts,
 * renderedCursor). The stream opens once the page has loaded and starts from there, so a change
 * made in between arrives too; after a cut the browser resumes from the last event it had.
 */
export function LiveEventsProvider({ companyId, userId, after, children }: { companyId: string; userId: string; after?: number; children: React.ReactNode }) {
  const router = useRouter();
  const [changes, setChanges] = useState<Map<string, LiveChange>>(new Map());
  const [connected, setConnected] = useState(false);
  const listeners = useRef(new Set<(event: AppointmentEvent) => void>());
  const local = useRef(new Map<string, number>());
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // As of the render that opens the stream: a refresh renders a newer one, the stream stays.
  const renderedAfter = useRef(after);
  renderedAfter.current = after;

  useEffect(() => {
    const from = renderedAfter.current === undefined ? "" : `&after=${renderedAfter.current}`;
    const source = new EventSource(`/api/events/stream?company=${encodeURIComponent(companyId)}${from}`);
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    source.onmessage = (message) => {
      let event: AppointmentEvent;
      try {
        event = JSON.parse(message.data) as AppointmentEvent;
      } catch {
        return;
      }
      for (const listener of listeners.current) listener(event);
      // Made in this tab (the same member on another screen is "elsewhere" and is marked).
      const mine = event.actor.type === "user" && event.actor.id === userId && (local.current.get(event.appointmentId) ?? 0) > Date.now() - LOCAL_MS;
      if (!mine) {
        const change: LiveChange = {
          appointmentId: event.appointmentId,
          by: event.actor.name ?? "",
          type: event.type,
          status: event.data.status,
          at: Date.now(),
        };
        setChanges((current) => new Map(current).set(event.appointmentId, change));
      }
      clearTimeout(refreshTimer.current);
      refreshTimer.current = setTimeout(() => {
        // The refresh must read the event it follows: on the primary, or a replica past it
        // (app/_server/session.ts, FRESH_COOKIE).
        document.cookie = "rdv-fresh=1; path=/; max-age=5; samesite=lax";
        router.refresh();
      }, REFRESH_DEBOUNCE_MS);
    };
    return () => {
      source.close();
      clearTimeout(refreshTimer.current);
    };
  }, [companyId, userId, router]);

  // Marks fade after a few seconds.
  useEffect(() => {
    if (changes.size === 0) return;
    const timer = setInterval(() => {
      const limit = Date.now() - MARK_MS;
      setChanges((current) => {
        const kept = [...current].filter(([, c]) => c.at > limit);
        return kept.length === current.size ? current : new Map(kept);
      });
    }, 1000);
    return () => clearInterval(timer);
  }, [changes.size]);

  const onEvent = useCallback((listener: (event: AppointmentEvent) => void) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  }, []);
  const markLocal = useCallback((ids: string[]) => {
    const now = Date.now();
    for (const id of ids) local.current.set(id, now);
  }, []);
  const value = useMemo(() => ({ changes, onEvent, markLocal, connected }), [changes, onEvent, markLocal, connected]);
  return <LiveContext value={value}>{children}</LiveContext>;
}
