import type { Deps } from "../deps.js";

export interface DashboardStats {
  from: Date;
  to: Date;
  ordersByStatus: { status: string; count: number }[];
  totalOrders: number;
  /** COMPLETED + PARTIAL over orders that reached an outcome (those plus CANCELED and FAILED); null without any. */
  successRate: number | null;
  /** Orders resubmitted at least once over all orders; null without orders. */
  resubmitRate: number | null;
  providerLatency: { providerId: number; providerName: string; calls: number; p50Ms: number; p95Ms: number }[];
  /** Per day in the shop's time zone: revenue = charge − refunded; cost = expected cost of orders not cancelled. */
  daily: { day: string; orders: number; revenue: string; cost: string }[];
}

/** Statistics over orders created (and provider calls made) in [from, to). Five queries, whatever the data. */
export async function dashboardStats(deps: Deps, from: Date, to: Date): Promise<DashboardStats> {
  const { db } = deps;
  const [byStatus, resubmitted, latency, daily] = await Promise.all([
    db.order.groupBy({ by: ["status"], where: { createdAt: { gte: from, lt: to } }, _count: { _all: true } }),
    db.order.count({ where: { createdAt: { gte: from, lt: to }, resubmitCount: { gt: 0 } } }),
    db.$queryRaw<{ providerId: number; providerName: string; calls: bigint; p50: number; p95: number }[]>`
      SELECT c."providerId" AS "providerId", p.name::text AS "providerName", COUNT(*) AS calls,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY c."latencyMs") AS p50,
             percentile_cont(0.95) WITHIN GROUP (ORDER BY c."latencyMs") AS p95
        FROM "ProviderCall" c JOIN "Provider" p ON p.id = c."providerId"
       WHERE c."createdAt" >= ${from} AND c."createdAt" < ${to}
       GROUP BY c."providerId", p.name ORDER BY c."providerId"`,
    db.$queryRaw<{ day: string; orders: bigint; revenue: string; cost: string }[]>`
      SELECT to_char(("createdAt" AT TIME ZONE 'UTC') AT TIME ZONE ${deps.config.SHOP_TIME_ZONE}, 'YYYY-MM-DD') AS day, COUNT(*) AS orders,
             COALESCE(SUM(charge - refunded), 0)::text AS revenue,
             COALESCE(SUM(CASE WHEN status <> 'CANCELED' THEN cost ELSE 0 END), 0)::text AS cost
        FROM "Order" WHERE "createdAt" >= ${from} AND "createdAt" < ${to}
       GROUP BY 1 ORDER BY 1`,
  ]);
  const count = (s: string) => byStatus.find((r) => r.status === s)?._count._all ?? 0;
  const totalOrders = byStatus.reduce((sum, r) => sum + r._count._all, 0);
  const succeeded = count("COMPLETED") + count("PARTIAL");
  const outcomes = succeeded + count("CANCELED") + count("FAILED");
  return {
    from,
    to,
    ordersByStatus: byStatus.map((r) => ({ status: r.status, count: r._count._all })).sort((a, b) => a.status.localeCompare(b.status)),
    totalOrders,
    successRate: outcomes ? succeeded / outcomes : null,
    resubmitRate: totalOrders ? resubmitted / totalOrders : null,
    providerLatency: latency.map((r) => ({ providerId: r.providerId, providerName: r.providerName, calls: Number(r.calls), p50Ms: Math.round(Number(r.p50)), p95Ms: Math.round(Number(r.p95)) })),
    daily: daily.map((r) => ({ day: r.day, orders: Number(r.orders), revenue: r.revenue, cost: r.cost })),
  };
}
