import type { Db } from "../../db/client.js";

/** Telegram keeps undelivered updates for 24 h; remembering ids twice as long covers every redelivery. */
export const PROCESSED_UPDATE_RETENTION_HOURS = 48;

// Update ids are recorded (and duplicates skipped) by the update's first statement: runtime/begin-update.ts.

/** Forgets update ids older than the retention; safe to run at any time. */
export async function pruneProcessedUpdates(db: Db, now: Date = new Date()): Promise<number> {
  const before = new Date(now.getTime() - PROCESSED_UPDATE_RETENTION_HOURS * 3600_000);
  const { count } = await db.processedUpdate.deleteMany({ where: { createdAt: { lt: before } } });
  return count;
}
