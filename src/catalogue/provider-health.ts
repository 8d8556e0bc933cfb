import type { Deps } from "../deps.js";

export interface ProviderHealth {
  providerId: number;
  servicesCount: number;
  activeServicesCount: number;
  /** HTTP calls made in the window and how many failed (refused, not sent or unanswered). */
  calls: number;
  errors: number;
  errorRate: number | null;
  p50LatencyMs: number | null;
  p95LatencyMs: number | null;
  lastCallAt: Date | null;
  /** The last order-status sync the provider answered. */
  lastSyncAt: Date | null;
  /** The last import of its service list. */
  lastImportAt: Date | null;
}

const ERRORS = ["rejected", "not_sent", "unknown"];

/**
 * Health of every provider over the last `hours` hours, from the provider call log, the catalogue
 * and the audit log: one SQL statement however many providers (the providers page reads it once).
 */
export async function providersHealth(deps: Deps, hours = 24): Promise<Map<number, ProviderHealth>> {
  const since = new Date(deps.now().getTime() - hours * 3_600_000);
  const rows = await deps.db.$queryRaw<
    { id: number; services: bigint; active: bigint; calls: bigint; errors: bigint; p50: number | null; p95: number | null; lastCall: Date | null; lastSync: Date | null; lastImport: Date | null }[]
  >`
    SELECT p.id,
           (SELECT COUNT(*) FROM "Service" s WHERE s."providerId" = p.id) AS services,
           (SELECT COUNT(*) FROM "Service" s WHERE s."providerId" = p.id AND s.active) AS active,
           c.calls, c.errors, c.p50, c.p95,
           (SELECT MAX(x."createdAt") FROM "ProviderCall" x WHERE x."providerId" = p.id) AS "lastCall",
           (SELECT MAX(x."createdAt") FROM "ProviderCall" x WHERE x."providerId" = p.id AND x.action = 'status' AND x.outcome = 'ok') AS "lastSync",
           (SELECT MAX(a."createdAt") FROM "AuditLog" a WHERE a.entity = 'Provider' AND a."entityId" = p.id::text AND a.action = 'catalogue.import') AS "lastImport"
      FROM "Provider" p
      LEFT JOIN LATERAL (
        SELECT COUNT(*) AS calls, COUNT(*) FILTER (WHERE outcome = ANY(${ERRORS})) AS errors,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY "latencyMs") AS p50,
               percentile_cont(0.95) WITHIN GROUP (ORDER BY "latencyMs") AS p95
          FROM "ProviderCall" WHERE "providerId" = p.id AND "createdAt" >= ${since}
      ) c ON true`;
  return new Map(
    rows.map((r) => {
      const calls = Number(r.calls ?? 0);
      const errors = Number(r.errors ?? 0);
      return [
        r.id,
        {
          providerId: r.id,
          servicesCount: Number(r.services),
          activeServicesCount: Number(r.active),
          calls,
          errors,
          errorRate: calls ? errors / calls : null,
          p50LatencyMs: r.p50 === null ? null : Math.round(Number(r.p50)),
          p95LatencyMs: r.p95 === null ? null : Math.round(Number(r.p95)),
          lastCallAt: r.lastCall,
          lastSyncAt: r.lastSync,
          lastImportAt: r.lastImport,
        },
      ];
    }),
  );
}
