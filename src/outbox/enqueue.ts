import type { Tx } from "../db/client.js";
import type { OutboxKind, OutboxPayloads } from "./kinds.js";

export interface EnqueueOptions {
  orderId?: number;
  /** A second enqueue with the same key is ignored: each announcement happens once. */
  dedupeKey?: string;
  availableAt?: Date;
}

/** Writes a work item in the caller's transaction: it exists if and only if the change that caused it commits. */
export async function enqueue<K extends OutboxKind>(
  tx: Tx,
  kind: K,
  payload: OutboxPayloads[K],
  options: EnqueueOptions = {},
): Promise<void> {
  const data = {
    kind,
    payload: payload as object,
    orderId: options.orderId ?? null,
    dedupeKey: options.dedupeKey ?? null,
    availableAt: options.availableAt ?? new Date(),
  };
  if (options.dedupeKey) {
    await tx.outbox.upsert({ where: { dedupeKey: options.dedupeKey }, create: data, update: {} });
  } else {
    await tx.outbox.create({ data });
  }
}
