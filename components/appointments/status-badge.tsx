import { AlarmClock, CheckCircle2, Pencil, CircleDashed, CircleDot, Clock, UserX, XCircle } from "lucide-react";
import { useTranslations } from "next-intl";
import type { AppointmentStatus } from "@/lib/contract/status";
import { cn } from "@/lib/utils";

// One colour per status, readable (AA contrast) on white, plus an icon so colour is not the only cue.
export const STATUS_STYLES: Record<AppointmentStatus, string> = {
  PENDING: "border-amber-300 bg-amber-50 text-amber-900",
  CONFIRMED: "border-sky-300 bg-sky-50 text-sky-900",
  IN_PROGRESS: "border-violet-300 bg-violet-50 text-violet-900",
  COMPLETED: "border-emerald-300 bg-emerald-50 text-emerald-900",
  CANCELLED: "border-neutral-300 bg-neutral-100 text-neutral-700",
};

const ICONS: Record<AppointmentStatus, typeof Clock> = {
  PENDING: Clock,
  CONFIRMED: CircleDot,
  IN_PROGRESS: CircleDashed,
  COMPLETED: CheckCircle2,
  CANCELLED: XCircle,
};

export function StatusIcon({ status, className }: { status: AppointmentStatus; className?: string }) {
  const Icon = ICONS[status];
  return <Icon aria-hidden className={cn("size-3.5", className)} />;
}

export function StatusBadge({ status, pending, className }: { status: AppointmentStatus; pending?: boolean; className?: string }) {
  const t = useTranslations("status");
  return (
    <span
      data-status={status}
      className={cn(
        "inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap",
        STATUS_STYLES[status],
        pending && "opacity-70",
        className,
      )}
    >
      <StatusIcon status={status} />
      {t(status)}
    </span>
  );
}

/** The appointment's agent is on time off during it (lib/contract/hours absentDuring). */
export function AbsentBadge() {
  const t = useTranslations("appointments");
  return (
    <span data-agent-off className="inline-flex items-center gap-1 rounded-full border border-amber-300 bg-amber-50 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-amber-900">
      <UserX aria-hidden className="size-3.5" />
      {t("agentAbsent")}
    </span>
  );
}

/** An appointment still in progress after its booked end (lib/appointments/late.ts). */
export function LateBadge({ className }: { className?: string }) {
  const t = useTranslations("appointments");
  return (
    <span
      data-late
      className={cn(
        "inline-flex items-center gap-1 rounded-full border border-red-300 bg-red-50 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-red-800",
        className,
      )}
    >
      <AlarmClock aria-hidden className="size-3.5" />
      {t("late")}
    </span>
  );
}

/** Changed a moment ago by someone else (live events): who. */
export function ChangedBadge({ by, className }: { by: string; className?: string }) {
  const t = useTranslations("appointments");
  return (
    <span
      data-changed-by={by}
      className={cn(
        "inline-flex items-center gap-1 rounded-full border border-amber-300 bg-amber-100 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-amber-950",
        className,
      )}
    >
      <Pencil aria-hidden className="size-3" />
      {by ? t("changedBy", { name: by }) : t("changed")}
    </span>
  );
}
