import type { Deps } from "../deps.js";
import { toCsv } from "./csv.js";

export interface StuckReasonRow {
  reason: string;
  orders: number;
  /** When the longest-stuck of them was flagged. */
  oldestStuckAt: Date | null;
  /** Money held in them (charge − refunded). */
  held: string;
}

/** The orders flagged stuck now, per reason, most first. One SQL statement. */
export async function stuckByReason(deps: Deps): Promise<{ rows: StuckReasonRow[] }> {
  const found = await deps.db.$queryRaw<{ reason: string | null; orders: bigint; oldest: Date | null; held: string }[]>`
    SELECT "stuckReason" AS reason, COUNT(*) AS orders, MIN("stuckAt") AS oldest, COALESCE(SUM(charge - refunded), 0)::text AS held
      FROM "Order" WHERE stuck GROUP BY 1 ORDER BY 2 DESC, 1`;
  return { rows: found.map((r) => ({ reason: r.reason ?? "unknown", orders: Number(r.orders), oldestStuckAt: r.oldest, held: r.held })) };
}

export const stuckByReasonCsv = (rows: StuckReasonRow[]) =>
  toCsv<StuckReasonRow>([["reason", (r) => r.reason], ["orders", (r) => r.orders], ["oldest_stuck_at", (r) => r.oldestStuckAt?.toISOString()], ["held", (r) => r.held]], rows);
