// Every PostgreSQL advisory lock the app takes, in one list: two uses sharing a number would
// wait on each other (a starting instance's demo refresh behind the webhook dispatcher, once).
export const ADVISORY_LOCKS = {
  migrations: 727_001,
  demoRefresh: 727_002,
  messagePlanner: 727_003,
  webhookDispatch: 727_004,
  /** With the agent's hash as second key (the two-int form): bookings and moves onto one agent. */
  agentPlacement: 727_005,
} as const;
