import type { Deps } from "../deps.js";
import { ALL_PROVIDERS, ESTIMATE_WINDOW_DAYS } from "./delivery-estimate.js";

const DAY_MS = 24 * 3600_000;
/** Completions committed late (a transaction open while the last run read) are still picked up. */
const OVERLAP_MS = 10 * 60_000;
const REFRESH_ROW = 1;

export interface EstimateRefresh {
  /** Services whose figures were recomputed in this run. */
  services: number;
}

interface FigureRow {
  serviceId: number;
  providerId: number;
  orders: number;
  startP50: number | null;
  startP90: number | null;
  completeP50: number | null;
  completeP90: number | null;
}

/**
 * Recomputes the delivery-time figures of the services whose 30-day window changed since the last
 * run: an order completed (or its row written: a completion recorded late) since then, or one that
 * aged out of it. Other
 * services keep their rows, so a run costs what happened since the previous one, not a full scan.
 * Time-to-start runs from placement to the first sign of work (startedAt; taken, for manual orders;
 * at the latest completion), time-to-complete from placement to completion; percentiles are
 * PostgreSQL's percentile_cont (linear interpolation).
 */
export async function refreshDeliveryEstimates(deps: Deps): Promise<EstimateRefresh> {
  const now = deps.now();
  const windowStart = new Date(now.getTime() - ESTIMATE_WINDOW_DAYS * DAY_MS);
  const last = await deps.db.deliveryEstimateRefresh.findUnique({ where: { id: REFRESH_ROW } });

  let serviceIds: number[];
  if (!last) {
    const rows = await deps.db.$queryRaw<{ serviceId: number }[]>`
      SELECT DISTINCT "serviceId" FROM "Order" WHERE "status" = 'COMPLETED' AND "completedAt" > ${windowStart} AND "completedAt" <= ${now}
      UNION SELECT DISTINCT "serviceId" FROM "DeliveryEstimate"`;
    serviceIds = rows.map((r) => r.serviceId);
  } else {
    const since = new Date(last.refreshedUntil.getTime() - OVERLAP_MS);
    const agedOutSince = new Date(since.getTime() - ESTIMATE_WINDOW_DAYS * DAY_MS);
    const rows = await deps.db.$queryRaw<{ serviceId: number }[]>`
      SELECT DISTINCT "serviceId" FROM "Order"
       WHERE "status" = 'COMPLETED'
         AND (("completedAt" > ${windowStart} AND "completedAt" <= ${now} AND ("completedAt" > ${since} OR "updatedAt" > ${since}))
              OR ("completedAt" > ${agedOutSince} AND "completedAt" <= ${windowStart}))`;
    serviceIds = rows.map((r) => r.serviceId);
  }

  const figures = serviceIds.length === 0 ? [] : await deps.db.$queryRaw<FigureRow[]>`
    WITH d AS (
      SELECT o."serviceId", o."providerId",
             GREATEST(0, EXTRACT(EPOCH FROM (COALESCE(o."startedAt", o."takenAt", o."completedAt") - o."createdAt"))) AS to_start,
             GREATEST(0, EXTRACT(EPOCH FROM (o."completedAt" - o."createdAt"))) AS to_complete
        FROM "Order" o
       WHERE o."serviceId" = ANY(${serviceIds}::int[]) AND o."status" = 'COMPLETED'
         AND o."completedAt" > ${windowStart} AND o."completedAt" <= ${now})
    SELECT "serviceId",
           CASE WHEN GROUPING("providerId") = 1 THEN ${ALL_PROVIDERS}::int ELSE "providerId" END AS "providerId",
           COUNT(*)::int AS orders,
           ROUND(percentile_cont(0.5) WITHIN GROUP (ORDER BY to_start))::int AS "startP50",
           ROUND(percentile_cont(0.9) WITHIN GROUP (ORDER BY to_start))::int AS "startP90",
           ROUND(percentile_cont(0.5) WITHIN GROUP (ORDER BY to_complete))::int AS "completeP50",
           ROUND(percentile_cont(0.9) WITHIN GROUP (ORDER BY to_complete))::int AS "completeP90"
      FROM d
     GROUP BY GROUPING SETS (("serviceId"), ("serviceId", "providerId"))
    HAVING GROUPING("providerId") = 1 OR "providerId" IS NOT NULL`;

  await deps.db.$transaction(async (tx) => {
    if (serviceIds.length) await tx.deliveryEstimate.deleteMany({ where: { serviceId: { in: serviceIds } } });
    // A service deleted meanwhile has no row to attach figures to.
    const existing = new Set((await tx.service.findMany({ where: { id: { in: serviceIds } }, select: { id: true } })).map((s) => s.id));
    const rows = figures.filter((f) => existing.has(f.serviceId));
    if (rows.length) {
      await tx.deliveryEstimate.createMany({
        data: rows.map((f) => ({
          serviceId: f.serviceId,
          providerId: f.providerId,
          orders: f.orders,
          startP50Sec: f.startP50,
          startP90Sec: f.startP90,
          completeP50Sec: f.completeP50,
          completeP90Sec: f.completeP90,
          computedAt: now,
        })),
      });
    }
    await tx.deliveryEstimateRefresh.upsert({ where: { id: REFRESH_ROW }, create: { id: REFRESH_ROW, refreshedUntil: now }, update: { refreshedUntil: now } });
  });
  return { services: serviceIds.length };
}
