import { TopUpMethod } from "@prisma/client";
import type { Deps } from "../deps.js";
import { toCsv } from "./csv.js";
import { reportWindow, type ReportWindow } from "./window.js";

export interface TopUpMethodRow {
  method: TopUpMethod;
  requests: number;
  approved: number;
  rejected: number;
  pending: number;
  /** Sum of the approved requests' amounts (before any bonus or fee). */
  approvedAmount: string;
}

/** Top-up requests made in the window, per method (every method listed). One SQL statement. */
export async function topUpsByMethod(deps: Deps, days: number): Promise<{ window: ReportWindow; rows: TopUpMethodRow[] }> {
  const window = reportWindow(deps.now(), days, deps.config.SHOP_TIME_ZONE);
  const found = await deps.db.$queryRaw<{ method: TopUpMethod; requests: bigint; approved: bigint; rejected: bigint; pending: bigint; amount: string }[]>`
    SELECT method, COUNT(*) AS requests,
           COUNT(*) FILTER (WHERE status = 'APPROVED') AS approved,
           COUNT(*) FILTER (WHERE status = 'REJECTED') AS rejected,
           COUNT(*) FILTER (WHERE status = 'PENDING') AS pending,
           COALESCE(SUM(amount) FILTER (WHERE status = 'APPROVED'), 0)::text AS amount
      FROM "TopUp" WHERE "createdAt" >= ${window.from} AND "createdAt" < ${window.to}
     GROUP BY 1`;
  const byMethod = new Map(found.map((r) => [r.method, r]));
  const rows = Object.values(TopUpMethod).map((method) => {
    const r = byMethod.get(method);
    return { method, requests: Number(r?.requests ?? 0), approved: Number(r?.approved ?? 0), rejected: Number(r?.rejected ?? 0), pending: Number(r?.pending ?? 0), approvedAmount: r?.amount ?? "0" };
  });
  return { window, rows };
}

export const topUpsByMethodCsv = (rows: TopUpMethodRow[]) =>
  toCsv<TopUpMethodRow>(
    [["method", (r) => r.method], ["requests", (r) => r.requests], ["approved", (r) => r.approved], ["rejected", (r) => r.rejected], ["pending", (r) => r.pending], ["approved_amount", (r) => r.approvedAmount]],
    rows,
  );
