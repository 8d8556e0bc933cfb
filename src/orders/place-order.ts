import type { Order, OrderSource } from "@prisma/client";
import type { Db } from "../db/client.js";
import { isUniqueViolation } from "../db/transaction.js";
import { ConflictError, ValidationError } from "../shared/errors.js";
import { loadPlacement } from "./load-placement.js";
import { prepareOrder, type OrderRequest } from "./prepare-order.js";
import { writeOrder } from "./write-orders.js";

export interface PlaceOrderInput extends OrderRequest {
  userId: number;
  source?: OrderSource;
  /** Caller-supplied key: the same key from the same user always names the same order. */
  idempotencyKey?: string;
}

export interface PlacedOrder {
  order: Order;
  /** false when the key named an order placed earlier: nothing new was written or charged. */
  created: boolean;
}

export function checkIdempotencyKey(key: string | undefined): void {
  if (key !== undefined && !/^[\x21-\x7e]{1,128}$/.test(key)) {
    throw new ValidationError("idempotencyKey", "idempotency_key_invalid", "The idempotency key must be 1-128 visible ASCII characters");
  }
}

/** Places and charges one order, once per idempotency key: one read, one write. */
export async function placeOrder(db: Db, input: PlaceOrderInput): Promise<PlacedOrder> {
  checkIdempotencyKey(input.idempotencyKey);
  const key = input.idempotencyKey ?? null;
  const placement = await loadPlacement(db, input.userId, input.serviceId, key);
  if (placement.earlierOrderId !== null) return replay(await db.order.findUniqueOrThrow({ where: { id: placement.earlierOrderId } }), input);
  const draft = prepareOrder(placement.service, input);
  try {
    // One statement, atomic on its own: no interactive transaction needed.
    const order = await writeOrder(db, { userId: input.userId, accountId: placement.accountId, source: input.source ?? "BOT" }, draft, {
      idempotencyKey: input.idempotencyKey,
    });
    return { order, created: true };
  } catch (error) {
    // A concurrent request with the same key won the race: answer with its order.
    if (input.idempotencyKey && isUniqueViolation(error)) {
      const winner = await findByKey(db, input.userId, input.idempotencyKey);
      if (winner) return replay(winner, input);
    }
    throw error;
  }
}

function findByKey(db: Db, userId: number, idempotencyKey: string): Promise<Order | null> {
  return db.order.findUnique({ where: { userId_idempotencyKey: { userId, idempotencyKey } } });
}

function replay(order: Order, input: PlaceOrderInput): PlacedOrder {
  if (order.serviceId !== input.serviceId) {
    throw new ConflictError("idempotency_key_reused", "This idempotency key was already used for a different order", {
      orderId: order.id,
    });
  }
  return { order, created: false };
}
