"use client";

import { useParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { parseAsString, useQueryState } from "nuqs";
import { useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import type { AppointmentDetailView } from "./types";

/**
 * The drawer's appointment. Opening the drawer only changes the URL in the browser (a shallow
 * `?appointment=`): its detail comes from a small JSON route, not from the whole page again
 * (list, facet counts, services, agents), which made the drawer wait on a skeleton. The page's
 * own detail, when it brings one (a shared link, the re-render after a status change), is the
 * newest and wins when it arrives. An appointment that is gone says so and closes the drawer.
 */
export function useAppointmentDetail(openId: string | null, fromServer: AppointmentDetailView | null) {
  const { company } = useParams<{ company: string }>();
  const t = useTranslations("errors");
  const [, setOpenId] = useQueryState("appointment", parseAsString.withOptions({ shallow: true, history: "replace" }));
  const [shown, setShown] = useState<AppointmentDetailView | null>(fromServer);
  const [lastFromServer, setLastFromServer] = useState(fromServer);
  if (fromServer !== lastFromServer) {
    setLastFromServer(fromServer);
    if (fromServer) setShown(fromServer);
  }

  // Read the latest of these inside the effect without re-reading the detail when they change.
  const fail = useRef((_status: number | null) => {});
  fail.current = (status) => {
    toast.error(status === 404 ? t("appointment-not-found") : t("generic"));
    void setOpenId(null);
  };

  // The page arrived with this appointment's detail: no need to read it again at once.
  const given = useRef(fromServer?.id ?? null);
  useEffect(() => {
    if (!openId) return;
    if (given.current === openId) {
      given.current = null;
      return;
    }
    given.current = null;
    const abort = new AbortController();
    fetch(`/c/${encodeURIComponent(company)}/appointments/${encodeURIComponent(openId)}/detail`, {
      signal: abort.signal,
      cache: "no-store",
    })
      .then(async (res) => {
        if (res.ok) {
          setShown((await res.json()) as AppointmentDetailView);
          return;
        }
        fail.current(res.status);
      })
      .catch(() => {
        if (!abort.signal.aborted) fail.current(null);
      });
    return () => abort.abort();
  }, [openId, company]);

  return shown && shown.id === openId ? shown : null;
}
