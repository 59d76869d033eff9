// Every PostgreSQL advisory lock the app takes, in one list: two uses sharing a number would
// wait on each other (a starting instance's demo refresh behind the webhook dispatcher, once).
export const ADVISORY_LOCKS = {
  migrations: 727_001,
  demoRefresh: 727_002,
  messagePlanner: 727_003,
  webhookDispatch: 727_004,
} as const;
