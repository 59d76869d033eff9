"use client";

import { ArrowRightLeft, Ban, CalendarClock, RotateCcw, UserX, IdCard, MapPin, Scissors, UserRound, Wallet } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle } from "@/components/ui/sheet";
import { Skeleton } from "@/components/ui/skeleton";
import type { AppointmentStatus } from "@/lib/contract/status";
import { type MoveAgent, MoveDialog } from "./move-dialog";
import { MOVE_ICONS, movesFrom } from "./row-actions";
import { StatusBadge } from "./status-badge";
import { MessageList } from "@/components/messages/message-list";
import type { AppointmentDetailView, AppointmentHistoryItem } from "./types";
import type { MovePlace, MoveRequest } from "./use-reschedule";

/** What the drawer needs to move an appointment ("Déplacer"). */
export type DrawerMove = {
  agents: MoveAgent[];
  /** The company's slug: the free slots offered are read on its clock. */
  company: string;
  timeZone: string;
  pending: boolean;
  onMove: (id: string, request: MoveRequest, place: MovePlace, onDone: (ok: boolean) => void) => void;
};

/** The detail panel of one appointment; its URL is the list's with ?appointment=<id>. */
export function AppointmentDrawer({
  openId,
  detail,
  status,
  pending,
  onClose,
  onMove,
  onCancel,
  move,
  noShow,
}: {
  openId: string | null;
  detail: AppointmentDetailView | null;
  status: AppointmentStatus | null;
  pending: boolean;
  onClose: () => void;
  onMove: (to: Exclude<AppointmentStatus, "PENDING" | "CANCELLED">) => void;
  onCancel: () => void;
  move: DrawerMove;
  /** "Absent" (a CONFIRMED appointment whose start has passed) and its undo for managers. */
  noShow: { onMark: () => void; onUndo: () => void };
}) {
  const t = useTranslations();
  const ready = detail && detail.id === openId ? detail : null;
  const [moving, setMoving] = useState<string | null>(null);
  return (
    <Sheet open={openId !== null} onOpenChange={(open) => !open && onClose()}>
      <SheetContent closeLabel={t("detail.close")} aria-describedby={undefined} className="overflow-y-auto">
        {ready && status ? (
          <>
            <SheetHeader className="border-b">
              <div className="flex items-center gap-2">
                <StatusBadge status={status} pending={pending} />
              </div>
              <SheetTitle>{ready.customerName}</SheetTitle>
              <SheetDescription>
                {ready.serviceName} · {ready.longDay}, {ready.time} – {ready.endTime}
              </SheetDescription>
            </SheetHeader>
            <div className="flex flex-col gap-6 px-4">
              <DetailActions
                status={status}
                pending={pending}
                onMove={onMove}
                onCancel={onCancel}
                onReschedule={() => setMoving(ready.id)}
                started={Date.now() >= new Date(ready.startsAt).getTime()}
                onNoShow={noShow.onMark}
              />
              {status === "CANCELLED" && ready.cancellationKind === "no-show" ? (
                <div className="flex flex-wrap items-center gap-2">
                  <span className="rounded-md border border-red-200 bg-red-50 px-2 py-1 text-sm font-medium text-red-800" data-testid="no-show-badge">
                    {t("noShow.badge")}
                  </span>
                  {ready.canUndoNoShow ? (
                    <Button variant="outline" disabled={pending} onClick={noShow.onUndo}>
                      <RotateCcw aria-hidden />
                      {t("noShow.undo")}
                    </Button>
                  ) : null}
                </div>
              ) : null}
              {moving === ready.id ? (
                <MoveDialog
                  // A fresh form for each appointment and each time it opens.
                  key={`${ready.id}-${ready.startsAt}-${ready.agentId}`}
                  detail={ready}
                  open
                  agents={move.agents}
                  company={move.company}
                  timeZone={move.timeZone}
                  pending={move.pending}
                  onClose={() => setMoving(null)}
                  onMove={(request, place, onDone) => move.onMove(ready.id, request, place, onDone)}
                />
              ) : null}
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-3 text-sm">
                <Item icon={<UserRound aria-hidden />} label={t("detail.customer")}>
                  <div className="font-medium">{ready.customerName}</div>
                  <a href={`tel:${ready.customerPhone.replace(/\s/g, "")}`} className="text-primary underline-offset-4 hover:underline">
                    {ready.customerPhone}
                  </a>
                  {ready.customerEmail ? <div className="text-muted-foreground">{ready.customerEmail}</div> : null}
                </Item>
                <Item icon={<Scissors aria-hidden />} label={t("detail.service")}>
                  {ready.serviceName} <span className="text-muted-foreground">({t("detail.duration", { minutes: ready.durationMinutes })})</span>
                </Item>
                <Item icon={<CalendarClock aria-hidden />} label={t("detail.when")}>
                  <span>{ready.longDay}</span>, {ready.time} – {ready.endTime}
                </Item>
                <Item icon={<IdCard aria-hidden />} label={t("detail.agent")}>
                  {ready.agentName ?? <span className="italic text-muted-foreground">{t("appointments.unassigned")}</span>}
                </Item>
                <Item icon={<MapPin aria-hidden />} label={t("detail.commune")}>
                  {ready.commune ?? "—"}
                </Item>
                <Item icon={<Wallet aria-hidden />} label={t("detail.price")}>
                  <span className="font-semibold tabular-nums" data-testid="detail-price">
                    {ready.price}
                  </span>
                </Item>
              </dl>
              <section aria-labelledby="detail-fields">
                <h3 id="detail-fields" className="mb-2 text-sm font-semibold">
                  {t("detail.fields")}
                </h3>
                {ready.fields.length ? (
                  <dl className="divide-y rounded-md border text-sm">
                    {ready.fields.map((f) => (
                      <div key={f.name} className="grid grid-cols-2 gap-2 px-3 py-2">
                        <dt className="text-muted-foreground">{f.label}</dt>
                        <dd>{f.value}</dd>
                      </div>
                    ))}
                  </dl>
                ) : (
                  <p className="text-sm text-muted-foreground">{t("detail.noFields")}</p>
                )}
              </section>
              <section aria-labelledby="detail-history" className="pb-6">
                <h3 id="detail-history" className="mb-3 text-sm font-semibold">
                  {t("detail.history")}
                </h3>
                <ol className="relative ml-2 border-l pl-5" data-testid="history">
                  {ready.history.map((e) => (
                    <li key={e.id} className="mb-4 last:mb-0">
                      <span aria-hidden className="absolute -left-[5px] mt-1.5 size-2.5 rounded-full border-2 border-card bg-primary" />
                      <p className="text-sm font-medium">
                        {e.note === "no-show"
                          ? t("detail.noShow")
                          : e.note === "no-show-undone"
                          ? t("detail.noShowUndone")
                          : e.move
                          ? e.move.dateChanged
                            ? t("detail.moved", { from: e.move.from, to: e.move.to })
                            : t("detail.reassigned", { from: e.move.fromAgent ?? t("detail.nobody"), to: e.move.toAgent ?? t("detail.nobody") })
                          : e.kind === "fields"
                          ? t("detail.fieldsChanged")
                          : e.fromStatus
                            ? t("detail.changed", { from: t(`status.${e.fromStatus}`), to: t(`status.${e.toStatus}`) })
                            : t("detail.created", { status: t(`status.${e.toStatus}`) })}
                        {e.outsideHours ? ` · ${t("detail.outsideHours")}` : ""}
                      </p>
                      {e.move?.dateChanged && e.move.agentChanged ? (
                        <p className="text-sm">
                          {t("detail.reassigned", { from: e.move.fromAgent ?? t("detail.nobody"), to: e.move.toAgent ?? t("detail.nobody") })}
                        </p>
                      ) : null}
                      <p className="text-xs text-muted-foreground">
                        {e.at}
                        {actorLine(e, t) ? ` · ${actorLine(e, t)}` : ""}
                      </p>
                      {e.reason ? <p className="mt-1 text-sm">{t("detail.reason", { reason: e.reason })}</p> : null}
                    </li>
                  ))}
                </ol>
                <h4 id="detail-messages" className="mt-5 mb-2 text-sm font-semibold">
                  {t("MessagesPage.history")}
                </h4>
                {ready.messages.length ? (
                  <MessageList rows={ready.messages} label={t("MessagesPage.history")} />
                ) : (
                  <p className="text-sm text-muted-foreground">{t("MessagesPage.historyEmpty")}</p>
                )}
              </section>
            </div>
          </>
        ) : (
          <>
            <SheetHeader>
              <SheetTitle>{t("detail.title")}</SheetTitle>
            </SheetHeader>
            <div className="flex flex-col gap-4 px-4" aria-busy="true">
              <Skeleton className="h-6 w-1/2" />
              <Skeleton className="h-4 w-3/4" />
              <Skeleton className="h-24 w-full" />
              <Skeleton className="h-40 w-full" />
            </div>
          </>
        )}
      </SheetContent>
    </Sheet>
  );
}

/** Who made a change: a member by name; a program through the API, with its key's name; the system. */
function actorLine(e: AppointmentHistoryItem, t: ReturnType<typeof useTranslations>): string | null {
  if (e.byClient) return t("MessagesPage.fromClient", { channel: e.byClient });
  if (e.actorType === "api_key") return e.actorName ? t("detail.viaApiKey", { name: e.actorName }) : t("detail.viaApi");
  if (e.actorType === "system") return e.actorName && e.actorName !== "système" ? t("detail.bySystemNamed", { name: e.actorName }) : t("detail.bySystem");
  return e.actorName ? t("detail.by", { name: e.actorName }) : null;
}

function Item({ icon, label, children }: { icon: React.ReactNode; label: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="flex items-start gap-2 pt-0.5 text-muted-foreground [&_svg]:size-4">
        {icon}
        <span>{label}</span>
      </dt>
      <dd>{children}</dd>
    </>
  );
}

function DetailActions({
  status,
  pending,
  onMove,
  onCancel,
  onReschedule,
  started,
  onNoShow,
}: {
  status: AppointmentStatus;
  pending: boolean;
  onMove: (to: Exclude<AppointmentStatus, "PENDING" | "CANCELLED">) => void;
  onCancel: () => void;
  onReschedule: () => void;
  /** Its start has passed (a CONFIRMED one may then be a no-show). */
  started: boolean;
  onNoShow: () => void;
}) {
  const t = useTranslations();
  const { forward, canCancel } = movesFrom(status);
  if (!forward.length && !canCancel) return <p className="text-sm text-muted-foreground">{t("detail.final")}</p>;
  return (
    <div role="group" aria-label={t("detail.actions")} className="flex flex-wrap gap-2">
      {forward.map((to, i) => {
        const Icon = MOVE_ICONS[to];
        return (
          // Same button from one step to the next (keyed by position, aria-disabled while
          // saving): Confirmer → Démarrer → Terminer by keyboard without losing the focus.
          <Button
            key={i}
            aria-disabled={pending || undefined}
            className="aria-disabled:cursor-wait aria-disabled:opacity-60"
            onClick={() => !pending && onMove(to as Exclude<AppointmentStatus, "PENDING" | "CANCELLED">)}
          >
            <Icon aria-hidden />
            {t(`transition.${to}`)}
          </Button>
        );
      })}
      {status === "CONFIRMED" && started ? (
        <Button variant="outline" disabled={pending} onClick={onNoShow}>
          <UserX aria-hidden />
          {t("noShow.mark")}
        </Button>
      ) : null}
      {canCancel ? (
        // Active: it can still move (the same statuses as can be cancelled).
        <Button variant="outline" disabled={pending} onClick={onReschedule}>
          <ArrowRightLeft aria-hidden />
          {t("move.open")}
        </Button>
      ) : null}
      {canCancel ? (
        <Button variant="outline" className="text-destructive" disabled={pending} onClick={onCancel}>
          <Ban aria-hidden />
          {t("transition.CANCELLED")}
        </Button>
      ) : null}
    </div>
  );
}
