import type { Order, OrderSource } from "@prisma/client";
import type { Db } from "../db/client.js";
import { isUniqueViolation } from "../db/transaction.js";
import { Decimal } from "../money/decimal.js";
import { PriceChangedError, ValidationError } from "../shared/errors.js";
import { loadPlacement } from "./load-placement.js";
import { prepareOrder, type OrderableService, type OrderRequest } from "./prepare-order.js";
import { keyReused, sameRequest } from "./same-request.js";
import { writeOrder } from "./write-orders.js";

export interface PlaceOrderInput extends OrderRequest {
  userId: number;
  source?: OrderSource;
  /** Caller-supplied key: the same key from the same user always names the same order. */
  idempotencyKey?: string;
  /**
   * The charge the customer was shown (bot summary; optional for APIs). The order is written only
   * if it still costs exactly this, checked in the same statement as the debit; otherwise
   * PriceChangedError and nothing is charged.
   */
  expectedCharge?: Decimal | string;
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
  const expected = expectedCharge(input.expectedCharge);
  const placement = await loadPlacement(db, input.userId, input.serviceId, input.idempotencyKey ?? null);
  if (placement.earlierOrderId !== null) {
    return replay(await db.order.findUniqueOrThrow({ where: { id: placement.earlierOrderId } }), input, placement.service, expected);
  }
  const draft = prepareOrder(placement.service, input);
  if (expected !== null && !draft.charge.eq(expected)) throw new PriceChangedError(draft.charge.toFixed(4), expected.toFixed(4));
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
      if (winner) return replay(winner, input, placement.service, expected);
    }
    throw error;
  }
}

function expectedCharge(value: Decimal | string | undefined): Decimal | null {
  if (value === undefined) return null;
  if (typeof value === "string" && !/^\d{1,14}(\.\d{1,6})?$/.test(value.trim())) {
    throw new ValidationError("expectedCharge", "amount_invalid", "The expected charge must be an amount like 120.50");
  }
  return new Decimal(value);
}

function findByKey(db: Db, userId: number, idempotencyKey: string): Promise<Order | null> {
  return db.order.findUnique({ where: { userId_idempotencyKey: { userId, idempotencyKey } } });
}

/** The earlier order, if this request is the same one again; any different field is a reused key. */
function replay(order: Order, input: PlaceOrderInput, service: OrderableService | null, expected: Decimal | null): PlacedOrder {
  if (!sameRequest(order, input, service, expected)) throw keyReused(order.id);
  return { order, created: false };
}
