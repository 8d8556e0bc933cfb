import type { Order } from "@prisma/client";
import type { Actor } from "../audit/actor.js";
import { writeAudit } from "../audit/write-audit.js";
import type { Deps } from "../deps.js";
import { transaction } from "../db/transaction.js";
import { post } from "../money/ledger.js";
import { enqueue } from "../outbox/enqueue.js";
import { InvalidStateError, NotFoundError } from "../shared/errors.js";
import { moveOrder, roleOf } from "./lifecycle/index.js";

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
 * Which statuses allow it for whom is the life-cycle table's (`cancel`, and
 * `reconcile_not_placed_refund` for an UNKNOWN order the admin confirmed is not at the provider).
 */
export async function cancelOrder(deps: Deps, input: CancelOrderInput): Promise<Order> {
  return transaction(deps.db, async (tx) => {
    const order = await tx.order.findUnique({ where: { id: input.orderId } });
    if (!order || (input.ownerUserId !== undefined && order.userId !== input.ownerUserId)) {
      throw new NotFoundError("Order", input.orderId);
    }
    const now = deps.now();
    const moved = await moveOrder(tx, order.id, {
      event: input.confirmedNotPlaced && order.status === "UNKNOWN" ? "reconcile_not_placed_refund" : "cancel",
      by: roleOf(input.actor), at: now,
      data: { canceledAt: now, refunded: order.charge, leaseUntil: null, nextAttemptAt: null, stuck: false },
    });
    if (!moved) {
      throw new InvalidStateError("This order is already in progress or finished and cannot be cancelled", {
        orderId: order.id,
        status: order.status,
      });
    }
    const refund = order.charge.sub(order.refunded);
    if (refund.gt(0)) {
      await post(tx, { accountId: order.accountId, amount: refund, kind: "REFUND", orderId: order.id, actorId: input.actor.userId, note: input.reason, at: now });
    }
    if (!input.announced) await enqueue(tx, "notify-delivery", { orderId: order.id }, now);
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
