"use client";

import { Loader2 } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useActions } from "@/components/actions-context";
import { Button } from "@/components/ui/button";

export type SlotOption = { agentId: string; date: string; time: string };

/**
 * The next free slots for the chosen service (and agent) from the chosen day, on the company's
 * clock; picking one fills the date, time and agent. Read again when those change. Shared by
 * the new-appointment form and "Déplacer" (which passes the appointment it moves as `moving`).
 */
export function SlotSuggestions({
  company,
  serviceId,
  agentId,
  date,
  moving,
  agents,
  onPick,
}: {
  company: string;
  serviceId: string;
  agentId: string;
  date: string;
  moving?: string;
  agents: { id: string; name: string }[];
  onPick: (slot: SlotOption) => void;
}) {
  const actions = useActions();
  const t = useTranslations("form.slots");
  const locale = useLocale();
  const [slots, setSlots] = useState<SlotOption[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    setSlots(null);
    setFailed(false);
    actions.findSlots({ company, serviceId, agentId: agentId || undefined, date, moving }).then((r) => {
      if (!live) return;
      if (r.ok) setSlots(r.data);
      else setFailed(true);
    });
    return () => {
      live = false;
    };
  }, [actions, company, serviceId, agentId, date, moving]);

  const agentName = (id: string) => agents.find((a) => a.id === id)?.name ?? "";
  // A date key read at noon UTC: the same calendar day in any browser zone.
  const day = (d: string) => new Date(`${d}T12:00:00Z`).toLocaleDateString(locale, { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });

  return (
    <div className="grid gap-2" data-testid="slot-suggestions">
      <div className="text-sm font-medium">{t("title")}</div>
      {failed ? (
        <p className="text-xs text-muted-foreground">{t("failed")}</p>
      ) : slots === null ? (
        <p className="flex items-center gap-2 text-xs text-muted-foreground">
          <Loader2 aria-hidden className="size-3 animate-spin" />
          {t("loading")}
        </p>
      ) : slots.length === 0 ? (
        <p className="text-xs text-muted-foreground">{t("none")}</p>
      ) : (
        <ul className="flex flex-wrap gap-2" aria-label={t("title")}>
          {slots.map((s) => (
            <li key={`${s.agentId}-${s.date}-${s.time}`}>
              <Button type="button" variant="outline" size="sm" onClick={() => onPick(s)}>
                {day(s.date)} {s.time} · {agentName(s.agentId)}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
