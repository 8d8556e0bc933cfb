import { Prisma } from "@prisma/client";
import type { Db } from "../db/client.js";
import type { OutboxKind, OutboxPayloads } from "./kinds.js";

/** Limits a claim to the items about these orders / top-ups (e.g. right after an admin's action). */
export interface OutboxScope {
  orderIds?: readonly number[];
  topUpIds?: readonly number[];
  ticketMessageIds?: readonly number[];
  /** Items about these users (reseller requests and decisions). */
  userIds?: readonly number[];
}

export interface ClaimedItem<K extends OutboxKind> {
  id: bigint;
  payload: OutboxPayloads[K];
  attempts: number;
}

/**
 * Claims up to `limit` due items of one kind for `lockMs`: concurrent workers (several
 * processes included) never claim the same item, and an item whose worker died is claimed again
 * once its lock runs out.
 */
export async function claimOutbox<K extends OutboxKind>(
  db: Db,
  kind: K,
  limit: number,
  lockMs: number,
  now: Date,
  scope?: OutboxScope,
): Promise<ClaimedItem<K>[]> {
  const lockedUntil = new Date(now.getTime() + lockMs);
  const scoped = scope
    ? Prisma.sql`AND ("orderId" = ANY(${[...(scope.orderIds ?? [])]}::int[])
          OR ("payload"->>'topUpId')::int = ANY(${[...(scope.topUpIds ?? [])]}::int[])
          OR ("payload"->>'ticketMessageId')::int = ANY(${[...(scope.ticketMessageIds ?? [])]}::int[])
          OR ("payload"->>'userId')::int = ANY(${[...(scope.userIds ?? [])]}::int[]))`
    : Prisma.empty;
  const rows = await db.$queryRaw<{ id: bigint; payload: OutboxPayloads[K]; attempts: number }[]>`
    UPDATE "Outbox" SET "lockedUntil" = ${lockedUntil}, "attempts" = "attempts" + 1
     WHERE "id" IN (
       SELECT "id" FROM "Outbox"
        WHERE "kind" = ${kind} AND "doneAt" IS NULL AND "availableAt" <= ${now}
          AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now}) ${scoped}
        ORDER BY "availableAt", "id"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
    RETURNING "id", "payload", "attempts"`;
  return rows;
}

export async function completeOutbox(db: Db, id: bigint, now: Date): Promise<void> {
  await db.outbox.update({ where: { id }, data: { doneAt: now, lockedUntil: null, lastError: null } });
}

/** Leaves the item for a later attempt at `retryAt`. */
export async function retryOutbox(db: Db, id: bigint, error: string, retryAt: Date): Promise<void> {
  await db.outbox.update({ where: { id }, data: { lockedUntil: null, availableAt: retryAt, lastError: error.slice(0, 1000) } });
}
