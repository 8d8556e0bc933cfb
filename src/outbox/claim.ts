import { Prisma } from "@prisma/client";
import type { Db } from "../db/client.js";
import { sqlOf } from "../db/sql-client.js";
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
  kind: K;
  payload: OutboxPayloads[K];
  attempts: number;
}

/**
 * Claims up to `limit` due items of each kind for `lockMs`, in one statement: concurrent workers
 * (several processes included) never claim the same item, and an item whose worker died is
 * claimed again once its lock runs out. Items come back in the order of `kinds`, each kind's
 * oldest first.
 */
export async function claimOutbox<K extends OutboxKind>(
  db: Db,
  kinds: K | readonly K[],
  limit: number,
  lockMs: number,
  now: Date,
  scope?: OutboxScope,
): Promise<ClaimedItem<K>[]> {
  const wanted: readonly K[] = typeof kinds === "string" ? [kinds] : kinds;
  const lockedUntil = new Date(now.getTime() + lockMs);
  const scoped = scope
    ? Prisma.sql`AND ("orderId" = ANY(${[...(scope.orderIds ?? [])]}::int[])
          OR ("payload"->>'topUpId')::int = ANY(${[...(scope.topUpIds ?? [])]}::int[])
          OR ("payload"->>'ticketMessageId')::int = ANY(${[...(scope.ticketMessageIds ?? [])]}::int[])
          OR ("payload"->>'userId')::int = ANY(${[...(scope.userIds ?? [])]}::int[]))`
    : Prisma.empty;
  // node-postgres (sql-client): the bot claims after every order it places, and Prisma's runtime
  // costs several times this statement's CPU.
  const rows = await sqlOf(db).rows<ClaimedItem<K> & { availableAt: Date }>(Prisma.sql`
    UPDATE "Outbox" o SET "lockedUntil" = ${lockedUntil}, "attempts" = o."attempts" + 1
     WHERE o."id" IN (
       SELECT c."id" FROM unnest(${[...wanted]}::text[]) AS k("kind")
        CROSS JOIN LATERAL (
          SELECT "id" FROM "Outbox"
           WHERE "kind" = k."kind" AND "doneAt" IS NULL AND "availableAt" <= ${now}
             AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now}) ${scoped}
           ORDER BY "availableAt", "id"
           LIMIT ${limit}
           FOR UPDATE SKIP LOCKED) c)
    RETURNING o."id", o."kind", o."payload", o."attempts", o."availableAt"`);
  const rank = new Map(wanted.map((k, i) => [k, i]));
  rows.sort((a, b) => rank.get(a.kind)! - rank.get(b.kind)! || a.availableAt.getTime() - b.availableAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return rows.map(({ id, kind, payload, attempts }) => ({ id, kind, payload, attempts }));
}

export async function completeOutbox(db: Db, id: bigint, now: Date): Promise<void> {
  await db.outbox.update({ where: { id }, data: { doneAt: now, lockedUntil: null, lastError: null } });
}

/** Leaves the item for a later attempt at `retryAt`. */
export async function retryOutbox(db: Db, id: bigint, error: string, retryAt: Date): Promise<void> {
  await db.outbox.update({ where: { id }, data: { lockedUntil: null, availableAt: retryAt, lastError: error.slice(0, 1000) } });
}
