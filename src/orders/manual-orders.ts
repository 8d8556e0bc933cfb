import type { Order } from "@prisma/client";
import type { Actor } from "../audit/actor.js";
import { writeAudit } from "../audit/write-audit.js";
import type { Deps } from "../deps.js";
import { transaction } from "../db/transaction.js";
import { enqueue } from "../outbox/enqueue.js";
import { InvalidStateError, NotFoundError } from "../shared/errors.js";
import { placeOrders } from "./place-orders.js";
import type { OrderRequest } from "./prepare-order.js";
import { moveOrder, roleOf } from "./lifecycle/index.js";

export interface CreateManualOrderInput extends OrderRequest {
  actor: Actor;
  userId: number;
  adminNotes?: string;
  /** What to charge the customer instead of the service price (e.g. "0" for a goodwill order). */
  charge?: string;
}

/** An admin creates an order for a user, fulfilled by hand (isManual), charged to the user's balance. */
export async function createManualOrder(deps: Deps, input: CreateManualOrderInput): Promise<Order> {
  const { actor, userId, adminNotes, charge, ...order } = input;
  const { orders } = await placeOrders(deps, { userId, order, manual: { actor, adminNotes, charge } });
  return orders[0]!;
}

/** An admin takes a manual order: PENDING → IN_PROGRESS. */
export async function takeManualOrder(deps: Deps, orderId: number, actor: Actor): Promise<Order> {
  return moveManual(deps, orderId, actor, "take");
}

/**
 * An admin marks a manual order done: PENDING/IN_PROGRESS → COMPLETED, and the customer's
 * confirmation is handed to the outbox in the same transaction (sent, and retried, by a job).
 */
export async function completeManualOrder(deps: Deps, orderId: number, actor: Actor): Promise<Order> {
  return moveManual(deps, orderId, actor, "mark_done");
}

async function moveManual(deps: Deps, orderId: number, actor: Actor, event: "take" | "mark_done"): Promise<Order> {
  return transaction(deps.db, async (tx) => {
    const order = await tx.order.findUnique({ where: { id: orderId } });
    if (!order) throw new NotFoundError("Order", orderId);
    if (!order.isManual) throw new InvalidStateError("Only manual orders are moved by hand", { orderId });
    const now = deps.now();
    const to = event === "take" ? "IN_PROGRESS" : "COMPLETED";
    const moved = await moveOrder(tx, orderId, {
      event,
      by: roleOf(actor), at: now,
      data:
        event === "take"
          ? { takenAt: now, takenById: actor.userId ?? null, lastProgressAt: now, stuck: false }
          : { completedAt: now, takenById: order.takenById ?? actor.userId ?? null, stuck: false },
    });
    if (!moved) {
      throw new InvalidStateError(`Order #${orderId} is ${order.status.toLowerCase()} and cannot be moved to ${to.toLowerCase()}`, {
        orderId,
        status: order.status,
      });
    }
    if (to === "COMPLETED") await enqueue(tx, "notify-delivery", { orderId }, now);
    await writeAudit(tx, actor, { action: `order.manual_${to.toLowerCase()}`, entity: "Order", entityId: orderId, before: { status: order.status }, after: { status: to }, at: now });
    return tx.order.findUniqueOrThrow({ where: { id: orderId } });
  });
}
