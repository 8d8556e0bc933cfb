import { Prisma } from "@prisma/client";
import type { Db, Tx } from "../db/client.js";
import { sqlIn, type SqlClient } from "../db/sql-client.js";
import { OUTBOX_KINDS, dedupeKeyOf, type OutboxKind, type OutboxPayloads } from "./kinds.js";

/**
 * Writes a work item in the caller's transaction: it exists if and only if the change that caused
 * it commits. An item whose kind's dedupe key was already written is ignored (each announcement
 * happens once).
 */
export async function enqueue<K extends OutboxKind>(tx: Tx, kind: K, payload: OutboxPayloads[K], availableAt: Date): Promise<void> {
  await enqueueMany(sqlIn(tx), [{ kind, payload } as OutboxItem], availableAt);
}

type OutboxItem = { [K in OutboxKind]: { kind: K; payload: OutboxPayloads[K] } }[OutboxKind];

/**
 * enqueue for several items in one statement (each ignored when its dedupe key was already
 * written). On a SqlClient: the sync writes its batches on node-postgres.
 */
export async function enqueueMany(sql: SqlClient, items: readonly OutboxItem[], availableAt: Date): Promise<void> {
  if (items.length === 0) return;
  const orderIdOf = ({ kind, payload }: (typeof items)[number]) => (OUTBOX_KINDS[kind].orderId as ((p: typeof payload) => number | null) | undefined)?.(payload) ?? null;
  await sql.rows(Prisma.sql`
    INSERT INTO "Outbox" ("kind", "payload", "orderId", "dedupeKey", "availableAt", "createdAt")
    SELECT i.kind, i.payload, i.order_id, i.dedupe_key, ${availableAt}::timestamp, ${new Date()}::timestamp
      FROM unnest(${items.map((i) => i.kind)}::text[], ${items.map((i) => JSON.stringify(i.payload))}::jsonb[],
                  ${items.map(orderIdOf)}::int[], ${items.map((i) => dedupeKeyOf(i.kind, i.payload as never))}::text[])
           AS i(kind, payload, order_id, dedupe_key)
    ON CONFLICT DO NOTHING`);
}

/** Whether the item for this payload is written and not yet done (e.g. a message Telegram refused). */
export async function isPending<K extends OutboxKind>(db: Db, kind: K, payload: OutboxPayloads[K]): Promise<boolean> {
  const dedupeKey = dedupeKeyOf(kind, payload);
  if (!dedupeKey) throw new Error(`Outbox kind ${kind} has no dedupe key to look an item up by`);
  return (await db.outbox.count({ where: { kind, dedupeKey, doneAt: null } })) > 0;
}
