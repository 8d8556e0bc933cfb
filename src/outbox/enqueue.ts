import type { Db, Tx } from "../db/client.js";
import { OUTBOX_KINDS, dedupeKeyOf, type OutboxKind, type OutboxPayloads } from "./kinds.js";

/**
 * Writes a work item in the caller's transaction: it exists if and only if the change that caused
 * it commits. An item whose kind's dedupe key was already written is ignored (each announcement
 * happens once).
 */
export async function enqueue<K extends OutboxKind>(tx: Tx, kind: K, payload: OutboxPayloads[K], availableAt: Date): Promise<void> {
  const dedupeKey = dedupeKeyOf(kind, payload);
  const data = { kind, payload: payload as object, orderId: OUTBOX_KINDS[kind].orderId?.(payload) ?? null, dedupeKey, availableAt };
  if (dedupeKey) {
    await tx.outbox.upsert({ where: { dedupeKey }, create: data, update: {} });
  } else {
    await tx.outbox.create({ data });
  }
}

/** enqueue for several items in one statement (each ignored when its dedupe key was already written). */
export async function enqueueMany(tx: Tx, items: readonly { [K in OutboxKind]: { kind: K; payload: OutboxPayloads[K] } }[OutboxKind][], availableAt: Date): Promise<void> {
  if (items.length === 0) return;
  await tx.outbox.createMany({
    data: items.map(({ kind, payload }) => ({
      kind,
      payload: payload as object,
      orderId: (OUTBOX_KINDS[kind].orderId as ((p: typeof payload) => number | null) | undefined)?.(payload) ?? null,
      dedupeKey: dedupeKeyOf(kind, payload as never),
      availableAt,
    })),
    skipDuplicates: true,
  });
}

/** Whether the item for this payload is written and not yet done (e.g. a message Telegram refused). */
export async function isPending<K extends OutboxKind>(db: Db, kind: K, payload: OutboxPayloads[K]): Promise<boolean> {
  const dedupeKey = dedupeKeyOf(kind, payload);
  if (!dedupeKey) throw new Error(`Outbox kind ${kind} has no dedupe key to look an item up by`);
  return (await db.outbox.count({ where: { kind, dedupeKey, doneAt: null } })) > 0;
}
