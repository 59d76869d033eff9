// The webhook settings read from the environment, in one place (README, "Webhooks").
import "server-only";

/**
 * Seconds to wait before each retry, after the first attempt fails: about 24 hours in all
 * (5 s … 8 h), then the delivery is marked failed. WEBHOOKS_RETRY_SCHEDULE="5,30,120" replaces
 * it (seconds, decimals allowed: the tests run the whole schedule in a second).
 */
export const DEFAULT_RETRY_SCHEDULE_S = [5, 30, 120, 600, 1800, 3600, 7200, 14_400, 28_800, 28_800];

export type WebhookConfig = {
  /** Delays before retry 1, 2, … in milliseconds; attempts = length + 1. */
  retryScheduleMs: number[];
  /** An endpoint whose every attempt failed for this long is disabled (5 days). */
  disableAfterMs: number;
  /** How long a claimed delivery is held by its worker before another may take it again. */
  leaseMs: number;
  /** Per request: connect, send and read the answer. */
  timeoutMs: number;
  /** Deliveries in flight per process, and per endpoint (a slow receiver never takes all). */
  concurrency: number;
  perEndpoint: number;
  /** How often a worker looks for due deliveries without being woken. */
  pollMs: number;
  /** WEBHOOKS_ALLOW_LOOPBACK=1: http and https to 127.0.0.0/8 and ::1 only (development, tests). */
  allowLoopback: boolean;
};

export function webhookConfig(env: Record<string, string | undefined> = process.env): WebhookConfig {
  const schedule = env.WEBHOOKS_RETRY_SCHEDULE?.trim();
  const parsed = schedule
    ? schedule.split(",").map((s) => Number(s.trim())).filter((n) => Number.isFinite(n) && n >= 0)
    : DEFAULT_RETRY_SCHEDULE_S;
  return {
    retryScheduleMs: parsed.map((s) => Math.round(s * 1000)),
    disableAfterMs: seconds(env.WEBHOOKS_DISABLE_AFTER_S, 5 * 24 * 3600) * 1000,
    leaseMs: seconds(env.WEBHOOKS_LEASE_S, 60) * 1000,
    timeoutMs: seconds(env.WEBHOOKS_TIMEOUT_S, 5) * 1000,
    concurrency: Math.max(1, Math.floor(seconds(env.WEBHOOKS_CONCURRENCY, 16))),
    perEndpoint: Math.max(1, Math.floor(seconds(env.WEBHOOKS_PER_ENDPOINT, 4))),
    pollMs: seconds(env.WEBHOOKS_POLL_MS, 500),
    allowLoopback: env.WEBHOOKS_ALLOW_LOOPBACK === "1",
  };
}

function seconds(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value !== "" && Number.isFinite(n) && n >= 0 ? n : fallback;
}
