import type { Order, OrderSource } from "@prisma/client";
import type { Deps } from "../deps.js";
import { placeOrders } from "./place-orders.js";

export { MAX_MASS_ORDER_LINES } from "./mass-order-lines.js";

export interface MassOrderInput {
  userId: number;
  /** One `service_id | link | quantity` per line. */
  text: string;
  source?: OrderSource;
  idempotencyKey?: string;
  /** The total the caller showed, if it showed one: see placeOrders. */
  expectedCharge?: string;
}

export interface MassOrderResult {
  orders: Order[];
  created: boolean;
}

/** Validates every line first; then places all orders in one transaction, or none (placeOrders). */
export function placeMassOrder(deps: Deps, input: MassOrderInput): Promise<MassOrderResult> {
  const { text, ...rest } = input;
  return placeOrders(deps, { ...rest, massText: text });
}
