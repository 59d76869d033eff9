"use client";

import { Ban, CheckCheck, Eye, MoreHorizontal, Play, ThumbsUp, UserX } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { nextStatuses, type AppointmentStatus } from "@/lib/contract/status";
import { cn } from "@/lib/utils";

export const MOVE_ICONS = { CONFIRMED: ThumbsUp, IN_PROGRESS: Play, COMPLETED: CheckCheck, CANCELLED: Ban } as const;

/** The moves from a status, forward first, cancel last. */
export function movesFrom(status: AppointmentStatus) {
  const moves = nextStatuses(status) as Exclude<AppointmentStatus, "PENDING">[];
  return { forward: moves.filter((m) => m !== "CANCELLED"), canCancel: moves.includes("CANCELLED") };
}

/**
 * A row's actions: the next step as a button (one click for the common case), the rest in a
 * menu. Only moves the current status allows are shown.
 */
export function RowActions({
  status,
  name,
  disabled,
  onMove,
  onCancel,
  onOpen,
  onNoShow,
  compact,
}: {
  status: AppointmentStatus;
  name: string;
  disabled?: boolean;
  onMove: (to: Exclude<AppointmentStatus, "PENDING" | "CANCELLED">) => void;
  onCancel: () => void;
  onOpen: () => void;
  /** "Absent", offered when the appointment may be a no-show (confirmed, its start passed). */
  onNoShow?: () => void;
  compact?: boolean;
}) {
  const t = useTranslations();
  const { forward, canCancel } = movesFrom(status);
  return (
    <div className="flex items-center justify-end gap-1" onClick={(e) => e.stopPropagation()}>
      {forward.map((to, i) => {
        const Icon = MOVE_ICONS[to];
        return (
          // Keyed by position: after Confirmer the same button becomes Démarrer and keeps the focus.
          <Button
            key={i}
            variant="outline"
            size="sm"
            // aria-disabled, not disabled: a disabled button drops the keyboard focus.
            aria-disabled={disabled || undefined}
            onClick={() => !disabled && onMove(to as Exclude<AppointmentStatus, "PENDING" | "CANCELLED">)}
            aria-label={`${t(`transition.${to}`)} — ${name}`}
            className={cn("aria-disabled:cursor-wait aria-disabled:opacity-60", compact && "flex-1")}
          >
            <Icon aria-hidden />
            {t(`transition.${to}`)}
          </Button>
        );
      })}
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="icon-sm" aria-label={t("appointments.rowActions", { name })}>
            <MoreHorizontal aria-hidden />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          <DropdownMenuItem onSelect={onOpen}>
            <Eye aria-hidden />
            {t("appointments.open")}
          </DropdownMenuItem>
          {forward.map((to) => {
            const Icon = MOVE_ICONS[to];
            return (
              <DropdownMenuItem key={to} disabled={disabled} onSelect={() => onMove(to as Exclude<AppointmentStatus, "PENDING" | "CANCELLED">)}>
                <Icon aria-hidden />
                {t(`transition.${to}`)}
              </DropdownMenuItem>
            );
          })}
          {onNoShow ? (
            <DropdownMenuItem disabled={disabled} onSelect={onNoShow}>
              <UserX aria-hidden />
              {t("noShow.mark")}
            </DropdownMenuItem>
          ) : null}
          {canCancel ? (
            <>
              <DropdownMenuSeparator />
              <DropdownMenuItem variant="destructive" disabled={disabled} onSelect={onCancel}>
                <Ban aria-hidden />
                {t("transition.CANCELLED")}
              </DropdownMenuItem>
            </>
          ) : null}
          {!forward.length && !canCancel ? (
            <DropdownMenuItem disabled>{t("appointments.noActions")}</DropdownMenuItem>
          ) : null}
        </DropdownMenuContent>
      </DropdownMenu>
    </div>
  );
}
