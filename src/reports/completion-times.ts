import type { Deps } from "../deps.js";
import { toCsv } from "./csv.js";
import { reportWindow, type ReportWindow } from "./window.js";

/** Upper bounds (seconds) of the time-to-complete buckets; the last bucket is open-ended. */
export const COMPLETION_BUCKETS_SEC = [600, 1800, 3600, 3 * 3600, 6 * 3600, 12 * 3600, 86_400, 3 * 86_400] as const;

export interface CompletionBucket {
  /** Inclusive lower bound in seconds. */
  fromSec: number;
  /** Exclusive upper bound in seconds; null for the last, open-ended bucket. */
  toSec: number | null;
  orders: number;
}

/**
 * How long orders that completed in the window took from placement to completion, in fixed
 * buckets (all buckets listed, empty ones too). One SQL statement.
 */
export async function completionTimes(deps: Deps, days: number, filter: { providerId?: number; serviceId?: number } = {}): Promise<{ window: ReportWindow; rows: CompletionBucket[] }> {
  const window = reportWindow(deps.now(), days, deps.config.SHOP_TIME_ZONE);
  const found = await deps.db.$queryRaw<{ bucket: number; orders: bigint }[]>`
    SELECT width_bucket(EXTRACT(EPOCH FROM ("completedAt" - "createdAt"))::float8, ${[...COMPLETION_BUCKETS_SEC]}::float8[]) AS bucket, COUNT(*) AS orders
      FROM "Order"
     WHERE status = 'COMPLETED' AND "completedAt" >= ${window.from} AND "completedAt" < ${window.to}
       AND (${filter.providerId ?? null}::int IS NULL OR "providerId" = ${filter.providerId ?? null}::int)
       AND (${filter.serviceId ?? null}::int IS NULL OR "serviceId" = ${filter.serviceId ?? null}::int)
     GROUP BY 1`;
  const counts = new Map(found.map((r) => [Number(r.bucket), Number(r.orders)]));
  const bounds = [0, ...COMPLETION_BUCKETS_SEC];
  const rows = bounds.map((fromSec, i) => ({ fromSec, toSec: COMPLETION_BUCKETS_SEC[i] ?? null, orders: counts.get(i) ?? 0 }));
  return { window, rows };
}

export const completionTimesCsv = (rows: CompletionBucket[]) =>
  toCsv<CompletionBucket>([["from_sec", (r) => r.fromSec], ["to_sec", (r) => r.toSec], ["orders", (r) => r.orders]], rows);
