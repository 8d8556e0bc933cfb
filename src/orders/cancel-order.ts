import type { Order, OrderStatus } from "@prisma/client";
import type { Actor } from "../audit/actor.js";
import { writeAudit } from "../audit/write-audit.js";
import type { Db } from "../db/client.js";
import { transaction } from "../db/transaction.js";
import { post } from "../money/ledger.js";
import { enqueue } from "../outbox/enqueue.js";
import { InvalidStateError, NotFoundError } from "../shared/errors.js";

/** Not (yet) at a provider: cancelling cannot race with delivery. */
const CUSTOMER_CANCELLABLE: OrderStatus[] = ["PENDING", "FAILED"];

export interface CancelOrderInput {
  orderId: number;
  actor: Actor;
  /** When set, the order must belong to this user (customer or reseller cancelling their own). */
  ownerUserId?: number;
  reason?: string;
  /** An admin checked the provider's panel: this UNKNOWN order is not there, so it may be refunded. */
  confirmedNotPlaced?: boolean;
  /** The caller tells the customer itself (a ticket's answer): no separate cancellation message. */
  announced?: boolean;
}

/**
 * Cancels an order that no provider is working on and refunds what is left of its charge, once.
 * Customers may cancel PENDING and FAILED orders; admins also manual orders in progress.
 * UNKNOWN orders only with an admin's word that the provider did not place them.
 */
export async function cancelOrder(db: Db, input: CancelOrderInput): Promise<Order> {
  return transaction(db, async (tx) => {
    const order = await tx.order.findUnique({ where: { id: input.orderId } });
    if (!order || (input.ownerUserId !== undefined && order.userId !== input.ownerUserId)) {
      throw new NotFoundError("Order", input.orderId);
    }
    const allowed: OrderStatus[] = [...CUSTOMER_CANCELLABLE];
    if (input.actor.isAdmin && order.isManual) allowed.push("IN_PROGRESS");
    if (input.actor.isAdmin && input.confirmedNotPlaced) allowed.push("UNKNOWN");
    const claimed = await tx.order.updateMany({
      where: { id: order.id, status: { in: allowed } },
      data: { status: "CANCELED", canceledAt: new Date(), refunded: order.charge, leaseUntil: null, nextAttemptAt: null, stuck: false },
    });
    if (claimed.count !== 1) {
      throw new InvalidStateError("This order is already in progress or finished and cannot be cancelled", {
        orderId: order.id,
        status: order.status,
      });
    }
    const refund = order.charge.sub(order.refunded);
    if (refund.gt(0)) {
      await post(tx, { accountId: order.accountId, amount: refund, kind: "REFUND", orderId: order.id, actorId: input.actor.userId, note: input.reason });
    }
    if (!input.announced) await enqueue(tx, "notify-delivery", { orderId: order.id }, { orderId: order.id, dedupeKey: `delivery:${order.id}` });
    if (input.actor.isAdmin) {
      await writeAudit(tx, input.actor, {
        action: "order.cancel",
        entity: "Order",
        entityId: order.id,
        before: { status: order.status },
        after: { status: "CANCELED", refund: refund.toString(), reason: input.reason },
      });
    }
    return tx.order.findUniqueOrThrow({ where: { id: order.id } });
  });
}
