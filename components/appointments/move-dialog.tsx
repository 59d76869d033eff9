"use client";

import { useLocale, useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { DateField } from "@/components/forms/date-field";
import { TimeField } from "@/components/forms/time-field";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { wallClockToInstant } from "@/lib/contract/dates";
import { formatTimeZone } from "@/lib/contract/format";
import { SlotSuggestions } from "./slot-suggestions";
import type { AppointmentDetailView } from "./types";
import type { MovePlace, MoveRequest } from "./use-reschedule";

/** An agent the move may go to: those who perform the appointment's service (and are active). */
export type MoveAgent = { id: string; name: string; serviceIds?: string[]; isActive?: boolean };

/**
 * "Déplacer": a new date and time on the company's clock, and an agent (or none), with the
 * next free slots offered first (the form's picker). Sends only what changed; the server's
 * rules decide (a refusal comes back as a toast, the dialog stays).
 */
export function MoveDialog({
  detail,
  open,
  agents,
  company,
  timeZone,
  pending,
  onClose,
  onMove,
}: {
  detail: AppointmentDetailView;
  open: boolean;
  agents: MoveAgent[];
  /** The company's slug (the slot search reads its clock). */
  company: string;
  timeZone: string;
  pending: boolean;
  onClose: () => void;
  onMove: (request: MoveRequest, place: MovePlace, onDone: (ok: boolean) => void) => void;
}) {
  const t = useTranslations("move");
  const locale = useLocale();
  const id = useId();
  const [date, setDate] = useState(detail.startWall.slice(0, 10));
  const [time, setTime] = useState(detail.startWall.slice(11));
  const [agentId, setAgentId] = useState(detail.agentId ?? "");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const choices = agents.filter(
    (a) => a.id === detail.agentId || ((a.isActive ?? true) && (!a.serviceIds || a.serviceIds.includes(detail.serviceId))),
  );

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const at = wallClockToInstant(`${date}T${time}`, timeZone);
    if (!at) {
      setError(t("invalidDate"));
      return;
    }
    const to = agentId || null;
    const request: MoveRequest = { reason: reason.trim() || undefined };
    if (at.getTime() !== new Date(detail.startsAt).getTime()) request.date = at.toISOString();
    if (to !== detail.agentId) request.agentId = to;
    if (request.date === undefined && request.agentId === undefined) {
      setError(t("same"));
      return;
    }
    setError(null);
    const length = new Date(detail.endsAt).getTime() - new Date(detail.startsAt).getTime();
    const place = { startsAt: at.toISOString(), endsAt: new Date(at.getTime() + length).toISOString(), agentId: to };
    onMove(request, place, (ok) => {
      if (ok) onClose();
    });
  }

  return (
    <Dialog open={open} onOpenChange={(o) => !o && onClose()}>
      <DialogContent>
        <form onSubmit={submit} className="grid gap-4" noValidate>
          <DialogHeader>
            <DialogTitle>{t("title")}</DialogTitle>
            <DialogDescription>{t("description", { customer: detail.customerName, service: detail.serviceName, timeZone: formatTimeZone(timeZone, locale) })}</DialogDescription>
          </DialogHeader>
          <div className="grid gap-4 sm:grid-cols-2">
            <div className="grid gap-2">
              <Label htmlFor={`${id}-date`}>{t("date")}</Label>
              <DateField id={`${id}-date`} value={date} timeZone={timeZone} onValueChange={(v) => v !== null && setDate(v)} required />
            </div>
            <div className="grid gap-2">
              <Label htmlFor={`${id}-time`}>{t("time")}</Label>
              <TimeField id={`${id}-time`} value={time} onValueChange={(v) => v !== null && setTime(v)} required />
            </div>
          </div>
          <div className="grid gap-2">
            <Label htmlFor={`${id}-agent`}>{t("agent")}</Label>
            <NativeSelect id={`${id}-agent`} value={agentId} onChange={(e) => setAgentId(e.target.value)}>
              <option value="">{t("unassigned")}</option>
              {choices.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </NativeSelect>
          </div>
          <SlotSuggestions
            company={company}
            serviceId={detail.serviceId}
            agentId={agentId}
            date={date}
            moving={detail.id}
            agents={choices}
            onPick={(slot) => {
              setDate(slot.date);
              setTime(slot.time);
              setAgentId(slot.agentId);
              setError(null);
              // The list is read again for the new choice: focus goes on, to "Déplacer".
              submitRef.current?.focus();
            }}
          />
          <div className="grid gap-2">
            <Label htmlFor={`${id}-reason`}>{t("reason")}</Label>
            <Textarea id={`${id}-reason`} value={reason} maxLength={500} placeholder={t("reasonPlaceholder")} onChange={(e) => setReason(e.target.value)} />
          </div>
          {error ? (
            <p role="alert" className="text-sm text-destructive">
              {error}
            </p>
          ) : null}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onClose}>
              {t("cancel")}
            </Button>
            <Button ref={submitRef} type="submit" aria-disabled={pending || undefined} className="aria-disabled:cursor-wait aria-disabled:opacity-60">
              {pending ? t("saving") : t("submit")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
