import { Prisma } from "@prisma/client";
import type { Db } from "../../db/client.js";
import type { OutboxPayloads } from "../../outbox/kinds.js";
import type { NotifyKind } from "./kinds.js";

/** Limits a delivery run to the items about these orders / top-ups (e.g. right after an admin's action). */
export interface NotificationScope {
  orderIds?: number[];
  topUpIds?: number[];
}

export interface ClaimedNotification<K extends NotifyKind> {
  id: bigint;
  payload: OutboxPayloads[K];
}

/**
 * Like claimOutbox (same locking: concurrent runs never claim one item twice; a dead run's items
 * come back when their lock runs out), optionally limited to a scope.
 */
export async function claimNotifications<K extends NotifyKind>(
  db: Db,
  kind: K,
  limit: number,
  lockMs: number,
  now: Date,
  scope?: NotificationScope,
): Promise<ClaimedNotification<K>[]> {
  const lockedUntil = new Date(now.getTime() + lockMs);
  const scoped = scope
    ? Prisma.sql`AND ("orderId" = ANY(${scope.orderIds ?? []}::int[]) OR ("payload"->>'topUpId')::int = ANY(${scope.topUpIds ?? []}::int[]))`
    : Prisma.empty;
  return db.$queryRaw<ClaimedNotification<K>[]>`
    UPDATE "Outbox" SET "lockedUntil" = ${lockedUntil}, "attempts" = "attempts" + 1
     WHERE "id" IN (
       SELECT "id" FROM "Outbox"
        WHERE "kind" = ${kind} AND "doneAt" IS NULL AND "availableAt" <= ${now}
          AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now}) ${scoped}
        ORDER BY "availableAt", "id"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
    RETURNING "id", "payload"`;
}
