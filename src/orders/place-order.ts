import type { Order, OrderSource } from "@prisma/client";
import type { Deps } from "../deps.js";
import type { Decimal } from "../money/decimal.js";
import { placeOrders } from "./place-orders.js";
import type { OrderRequest } from "./prepare-order.js";


export interface PlaceOrderInput extends OrderRequest {
  userId: number;
  source?: OrderSource;
  idempotencyKey?: string;
  /** The charge the customer was shown (bot summary; optional for APIs): see placeOrders. */
  expectedCharge?: Decimal | string;
}

export interface PlacedOrder {
  order: Order;
  /** false when the key named an order placed earlier: nothing new was written or charged. */
  created: boolean;
}

/** One order (bot, reseller API): placeOrders with a single request. One read, one write. */
export async function placeOrder(deps: Deps, input: PlaceOrderInput): Promise<PlacedOrder> {
  const { userId, source, idempotencyKey, expectedCharge, ...order } = input;
  const { orders, created } = await placeOrders(deps, { userId, source, idempotencyKey, expectedCharge, order });
  return { order: orders[0]!, created };
}
