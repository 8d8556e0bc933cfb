import type { Db } from "../db/client.js";
import type { ProviderStatusReport } from "./apply-provider-status.js";

/**
 * Orders that moved at the provider without changing status (start count, remains, status text)
 * carry no money: one UPDATE … FROM unnest(…) records them all, instead of a transaction each.
 * Only rows still IN_PROGRESS are touched, so a concurrent transition is never overwritten.
 */
export async function recordProgress(db: Db, progress: { id: number; report: ProviderStatusReport }[], now: Date): Promise<void> {
  if (progress.length === 0) return;
  const col = <T>(f: (r: ProviderStatusReport) => T) => progress.map((p) => f(p.report));
  await db.$executeRaw`
    UPDATE "Order" o
       SET "providerStatus" = v.raw, "lastStatusCheck" = ${now},
           "startCount" = COALESCE(v.start_count, o."startCount"),
           "remains" = CASE WHEN v.has_remains THEN v.remains ELSE o."remains" END,
           "providerCharge" = COALESCE(v.charge, o."providerCharge"),
           "providerCurrency" = COALESCE(v.currency, o."providerCurrency"),
           "providerError" = COALESCE(v.warning, o."providerError"),
           "lastProgressAt" = CASE WHEN (v.remains IS NOT NULL AND v.remains IS DISTINCT FROM o."remains")
                                     OR (v.start_count IS NOT NULL AND o."startCount" IS NULL)
                                   THEN ${now} ELSE o."lastProgressAt" END,
           "updatedAt" = now()
      FROM unnest(${progress.map((p) => p.id)}::int[], ${col((r) => r.raw)}::text[], ${col((r) => r.startCount ?? null)}::int[],
                  ${col((r) => r.remains ?? null)}::int[], ${col((r) => r.remains !== undefined)}::bool[], ${col((r) => r.charge ?? null)}::numeric[],
                  ${col((r) => r.currency ?? null)}::text[], ${col((r) => r.warning ?? null)}::text[])
           AS v(id, raw, start_count, remains, has_remains, charge, currency, warning)
     WHERE o.id = v.id AND o."status" = 'IN_PROGRESS'`;
}
