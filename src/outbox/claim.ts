import { poolOf, type Db } from "../db/client.js";
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
  // Timestamps as UTC text: the columns are `timestamp` (UTC by Prisma's convention) whatever the process time zone.
  const params: unknown[] = [lockedUntil.toISOString(), [...wanted], now.toISOString(), limit];
  const scoped = scope
    ? `AND ("orderId" = ANY($5::int[])
          OR ("payload"->>'topUpId')::int = ANY($6::int[])
          OR ("payload"->>'ticketMessageId')::int = ANY($7::int[])
          OR ("payload"->>'userId')::int = ANY($8::int[]))`
    : "";
  if (scope) params.push([...(scope.orderIds ?? [])], [...(scope.topUpIds ?? [])], [...(scope.ticketMessageIds ?? [])], [...(scope.userIds ?? [])]);
  // node-postgres: the bot claims after every order it places, and Prisma's runtime costs several
  // times this statement's CPU.
  const { rows } = await poolOf(db).query<{ id: string; kind: K; payload: OutboxPayloads[K]; attempts: number; availableAt: Date }>(
    `UPDATE "Outbox" o SET "lockedUntil" = $1, "attempts" = o."attempts" + 1
      WHERE o."id" IN (
        SELECT c."id" FROM unnest($2::text[]) AS k("kind")
         CROSS JOIN LATERAL (
           SELECT "id" FROM "Outbox"
            WHERE "kind" = k."kind" AND "doneAt" IS NULL AND "availableAt" <= $3
              AND ("lockedUntil" IS NULL OR "lockedUntil" < $3) ${scoped}
            ORDER BY "availableAt", "id"
            LIMIT $4
            FOR UPDATE SKIP LOCKED) c)
     RETURNING o."id"::text AS "id", o."kind", o."payload", o."attempts", o."availableAt" AT TIME ZONE 'UTC' AS "availableAt"`,
    params,
  );
  const rank = new Map(wanted.map((k, i) => [k, i]));
  const claimed = rows.map((r) => ({ ...r, id: BigInt(r.id) }));
  claimed.sort((a, b) => rank.get(a.kind)! - rank.get(b.kind)! || a.availableAt.getTime() - b.availableAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return claimed.map(({ id, kind, payload, attempts }) => ({ id, kind, payload, attempts }));
}

export async function completeOutbox(db: Db, id: bigint, now: Date): Promise<void> {
  await db.outbox.update({ where: { id }, data: { doneAt: now, lockedUntil: null, lastError: null } });
}

/** Leaves the item for a later attempt at `retryAt`. */
export async function retryOutbox(db: Db, id: bigint, error: string, retryAt: Date): Promise<void> {
  await db.outbox.update({ where: { id }, data: { lockedUntil: null, availableAt: retryAt, lastError: error.slice(0, 1000) } });
}
