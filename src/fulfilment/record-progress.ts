import { Prisma } from "@prisma/client";
import type { Db } from "../db/client.js";
import { sqlOf, type SqlClient } from "../db/sql-client.js";
import { providerHasStarted } from "../estimates/started.js";
import type { ProviderStatusReport } from "./apply-provider-status.js";

/**
 * Orders that moved at the provider without changing status (start count, remains, status text)
 * carry no money: one UPDATE … FROM unnest(…) records them all, instead of a transaction each.
 * Only rows still IN_PROGRESS are touched, so a concurrent transition is never overwritten.
 */
export async function recordProgress(db: Db, progress: readonly ProgressReport[], now: Date): Promise<void> {
  await recordProgressWith(sqlOf(db), progress, now);
}

export interface ProgressReport {
  id: number;
  quantity: number;
  report: ProviderStatusReport;
}

/** recordProgress on any SqlClient (inside the batched status transaction). */
export async function recordProgressWith(sql: SqlClient, progress: readonly ProgressReport[], now: Date): Promise<void> {
  if (progress.length === 0) return;
  const col = <T>(f: (r: ProviderStatusReport) => T) => progress.map((p) => f(p.report));
  await sql.rows(Prisma.sql`
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
           "startedAt" = CASE WHEN v.started THEN COALESCE(o."startedAt", ${now}) ELSE o."startedAt" END,
           "updatedAt" = now()
      FROM unnest(${progress.map((p) => p.id)}::int[], ${col((r) => r.raw)}::text[], ${col((r) => r.startCount ?? null)}::int[],
                  ${col((r) => r.remains ?? null)}::int[], ${col((r) => r.remains !== undefined)}::bool[], ${col((r) => r.charge ?? null)}::numeric[],
                  ${col((r) => r.currency ?? null)}::text[], ${col((r) => r.warning ?? null)}::text[],
                  ${progress.map((p) => providerHasStarted(p.report, p.quantity))}::bool[])
           AS v(id, raw, start_count, remains, has_remains, charge, currency, warning, started)
     WHERE o.id = v.id AND o."status" = 'IN_PROGRESS'`);
}

/** Orders checked whose provider reports nothing new: only the check is recorded (one statement per call). */
export async function recordChecked(db: Db, ids: readonly number[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await sqlOf(db).rows(Prisma.sql`UPDATE "Order" SET "lastStatusCheck" = ${now}, "updatedAt" = ${new Date()} WHERE "id" = ANY(${ids}::int[])`);
}

/**
 * Orders no longer at the provider (final, or pulled back by an admin): what the provider said is
 * remembered, nothing else changes.
 */
export async function recordProviderWords(sql: SqlClient, words: readonly { id: number; raw: string }[], now: Date): Promise<void> {
  if (words.length === 0) return;
  await sql.rows(Prisma.sql`
    UPDATE "Order" o SET "providerStatus" = v.raw, "lastStatusCheck" = ${now}, "updatedAt" = ${new Date()}
      FROM unnest(${words.map((w) => w.id)}::int[], ${words.map((w) => w.raw)}::text[]) AS v(id, raw)
     WHERE o.id = v.id`);
}
