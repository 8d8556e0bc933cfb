import type { Deps } from "../deps.js";
import { toCsv } from "./csv.js";
import { reportWindow, windowDays, type ReportWindow } from "./window.js";

export interface OrdersPerDayRow {
  day: string;
  orders: number;
  completed: number;
  /** charge − refunded of the day's orders (shop currency). */
  revenue: string;
  /** Expected cost of the day's orders that were not cancelled. */
  cost: string;
}

/** Orders created per day (the shop's time zone) over the last `days` days, empty days included. One SQL statement. */
export async function ordersPerDay(deps: Deps, days: number): Promise<{ window: ReportWindow; rows: OrdersPerDayRow[] }> {
  const window = reportWindow(deps.now(), days, deps.config.SHOP_TIME_ZONE);
  const found = await deps.db.$queryRaw<{ day: string; orders: bigint; completed: bigint; revenue: string; cost: string }[]>`
    SELECT to_char(("createdAt" AT TIME ZONE 'UTC') AT TIME ZONE ${window.timeZone}, 'YYYY-MM-DD') AS day, COUNT(*) AS orders,
           COUNT(*) FILTER (WHERE status = 'COMPLETED') AS completed,
           COALESCE(SUM(charge - refunded), 0)::text AS revenue,
           COALESCE(SUM(cost) FILTER (WHERE status <> 'CANCELED'), 0)::text AS cost
      FROM "Order" WHERE "createdAt" >= ${window.from} AND "createdAt" < ${window.to}
     GROUP BY 1`;
  const byDay = new Map(found.map((r) => [r.day, r]));
  const rows = windowDays(window).map((day) => {
    const r = byDay.get(day);
    return { day, orders: Number(r?.orders ?? 0), completed: Number(r?.completed ?? 0), revenue: r?.revenue ?? "0", cost: r?.cost ?? "0" };
  });
  return { window, rows };
}

export const ordersPerDayCsv = (rows: OrdersPerDayRow[]) =>
  toCsv<OrdersPerDayRow>([["day", (r) => r.day], ["orders", (r) => r.orders], ["completed", (r) => r.completed], ["revenue", (r) => r.revenue], ["cost", (r) => r.cost]], rows);
