// Job names and payloads: plain types and constants (no Agenda import), so src/ and schema/ can
// name a job (e.g. an admin's "sync now") without depending on the job runner.

/** Every job the runner knows, with the data a one-off run of it may carry. */
export interface JobPayloads {
  /** Forwards the orders handed off through the outbox (placement, resubmit, retries after "not sent"). */
  "forward-order": { orderIds?: number[] };
  /** Status sync of the orders at the providers: every active provider, or one. */
  "sync-provider-orders": { providerId?: number };
  /** Stuck-order detector (turns SUBMITTING past its lease into UNKNOWN first). */
  "detect-stuck-orders": Record<string, never>;
  /** Live balance of every provider: low-balance alerts, auto-resubmit after recovery. */
  "check-provider-balances": Record<string, never>;
  /**
   * Sends the notify-* outbox items (admin announcements: top-ups, FAILED/UNKNOWN/stuck orders,
   * provider balance; customer confirmations) and retries the ones that failed to send — this is
   * also "confirm-deliveries". Registered only when the app gives the runner a notifier (Telegram on).
   */
  "deliver-notifications": Record<string, never>;
  /** Delivery-time figures (median / p90 to start and to complete) of the services whose 30-day window changed. */
  "refresh-delivery-estimates": Record<string, never>;
  /** Deletes expired login links and expired or revoked dashboard sessions. */
  "prune-expired-logins": Record<string, never>;
  /** Sends the RUNNING broadcasts, paced and at most once per user. Registered only when deps carry a broadcast transport (Telegram on). */
  "send-broadcasts": Record<string, never>;
}

export type JobName = keyof JobPayloads;

export const JOB_NAMES = [
  "forward-order",
  "sync-provider-orders",
  "detect-stuck-orders",
  "check-provider-balances",
  "deliver-notifications",
  "refresh-delivery-estimates",
  "prune-expired-logins",
  "send-broadcasts",
] as const satisfies readonly JobName[];

/** Where Agenda keeps its jobs in PostgreSQL: its own schema, outside Prisma's `public`. */
export const AGENDA_PG_SCHEMA = "agenda";
export const AGENDA_PG_TABLE = "agenda_jobs";
/** The MongoDB collection (Agenda's default name). */
export const AGENDA_MONGO_COLLECTION = "agendaJobs";
