// The message sender's settings read from the environment, in one place.
import "server-only";

/** Seconds before each retry of a send the provider failed (5xx, timeout): about 6 hours in all. */
export const DEFAULT_RETRY_SCHEDULE_S = [30, 120, 600, 1800, 3600, 14_400];

export type MessageConfig = {
  /** Delays before retry 1, 2, … in milliseconds; attempts = length + 1. */
  retryScheduleMs: number[];
  /** How long a claimed message is held by its sender (outlives the timeout, so no one else sends it meanwhile). */
  leaseMs: number;
  /** Per provider call. */
  timeoutMs: number;
  /**
   * Messages in flight per process. A send is mostly waiting (the provider, the database, the
   * event loop shared with the API), so throughput is about concurrency ÷ time per send: 16 did
   * 56 a second on a loaded machine, 64 did 10 000 in 50 s (BENCHMARKS.md, reminders). A
   * provider's own limit is kept by its rate cap (lib/contract/message-rate.ts), not by this.
   */
  concurrency: number;
  /** How often a sender looks for due messages without being woken. */
  pollMs: number;
  /**
   * While messages flow, how soon a sender looks again after a claim that got fewer than it
   * asked for (a provider's rate cap, or nothing more due): the cap's tokens come back a few at
   * a time, and taking them every 100 ms spreads the sending over the second.
   */
  paceMs: number;
};

export function messageConfig(env: Record<string, string | undefined> = process.env): MessageConfig {
  const schedule = env.MESSAGES_RETRY_SCHEDULE?.trim();
  const parsed = schedule ? schedule.split(",").map((s) => Number(s.trim())).filter((n) => Number.isFinite(n) && n >= 0) : DEFAULT_RETRY_SCHEDULE_S;
  const timeoutMs = number(env.MESSAGES_TIMEOUT_S, 10) * 1000;
  const pollMs = number(env.MESSAGES_POLL_MS, 1000);
  return {
    retryScheduleMs: parsed.map((s) => Math.round(s * 1000)),
    timeoutMs,
    leaseMs: Math.max(number(env.MESSAGES_LEASE_S, 60) * 1000, timeoutMs + 5000),
    concurrency: Math.max(1, Math.floor(number(env.MESSAGES_CONCURRENCY, 64))),
    pollMs,
    paceMs: Math.min(100, pollMs),
  };
}

function number(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value !== "" && Number.isFinite(n) && n >= 0 ? n : fallback;
}
