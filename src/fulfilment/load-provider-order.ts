import type { Order, Provider, Service } from "@prisma/client";
import type { Db } from "../db/client.js";
import { NotFoundError } from "../shared/errors.js";

export type ProviderOrder = Order & { service: Service; provider: Provider | null };

/** An order with its service and provider; someone else's order looks exactly like a missing one. */
export async function loadProviderOrder(db: Db, orderId: number, ownerUserId?: number): Promise<ProviderOrder> {
  const order = await db.order.findUnique({ where: { id: orderId }, include: { service: true, provider: true } });
  if (!order || (ownerUserId !== undefined && order.userId !== ownerUserId)) throw new NotFoundError("Order", orderId);
  return order;
}
