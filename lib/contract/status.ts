// The appointment status machine. Pure: shared by the database schema, the domain,
// the API and the browser. Nothing here may import server code.

export const APPOINTMENT_STATUSES = [
  "PENDING",
  "CONFIRMED",
  "IN_PROGRESS",
  "COMPLETED",
  "CANCELLED",
] as const;

export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export const ACTIVE_STATUSES = ["PENDING", "CONFIRMED", "IN_PROGRESS"] as const satisfies readonly AppointmentStatus[];

/** to-status → the statuses it may be reached from. */
export const ALLOWED_FROM: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  PENDING: [],
  CONFIRMED: ["PENDING"],
  IN_PROGRESS: ["CONFIRMED"],
  COMPLETED: ["IN_PROGRESS"],
  CANCELLED: ["PENDING", "CONFIRMED", "IN_PROGRESS"],
};

export function canTransition(from: AppointmentStatus, to: AppointmentStatus): boolean {
  return ALLOWED_FROM[to].includes(from);
}

/** The statuses reachable from `from`, in the order buttons show them. */
export function nextStatuses(from: AppointmentStatus): AppointmentStatus[] {
  return APPOINTMENT_STATUSES.filter((to) => canTransition(from, to));
}

export function isActive(status: AppointmentStatus): boolean {
  return (ACTIVE_STATUSES as readonly AppointmentStatus[]).includes(status);
}

export function isFinal(status: AppointmentStatus): boolean {
  return nextStatuses(status).length === 0;
}

/**
 * How a CANCELLED appointment ended: cancelled (by the customer or the business), or a no-show
 * (a CONFIRMED appointment whose customer did not come). The five statuses stay as they are.
 */
export const CANCELLATION_KINDS = ["cancelled", "no-show"] as const;
export type CancellationKind = (typeof CANCELLATION_KINDS)[number];

/** An owner or admin may put a no-show back to CONFIRMED this long after it was recorded. */
export const NO_SHOW_UNDO_MS = 24 * 3_600_000;

/** The Applite REST dialect also spells statuses in camelCase. */
export const STATUS_ALIASES: Record<string, AppointmentStatus> = {
  pending: "PENDING",
  confirmed: "CONFIRMED",
  inProgress: "IN_PROGRESS",
  completed: "COMPLETED",
  cancelled: "CANCELLED",
};

/** Upper-case name or REST alias → status; undefined for anything else. */
export function parseStatus(input: unknown): AppointmentStatus | undefined {
  if (typeof input !== "string") return undefined;
  if ((APPOINTMENT_STATUSES as readonly string[]).includes(input)) return input as AppointmentStatus;
  return Object.hasOwn(STATUS_ALIASES, input) ? STATUS_ALIASES[input] : undefined;
}
