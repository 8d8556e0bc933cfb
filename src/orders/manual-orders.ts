import type { Order } from "@prisma/client";
import type { Actor } from "../audit/actor.js";
import { writeAudit } from "../audit/write-audit.js";
import type { Db } from "../db/client.js";
import { transaction } from "../db/transaction.js";
import { Decimal } from "../money/decimal.js";
import { enqueue } from "../outbox/enqueue.js";
import { InvalidStateError, NotFoundError, ValidationError } from "../shared/errors.js";
import { requireActiveCustomer } from "../users/require-active-customer.js";
import { loadOrderableService, prepareOrder, type OrderRequest } from "./prepare-order.js";
import { writeOrder } from "./write-orders.js";

export interface CreateManualOrderInput extends OrderRequest {
  actor: Actor;
  userId: number;
  adminNotes?: string;
  /** What to charge the customer instead of the service price (e.g. "0" for a goodwill order). */
  charge?: string;
}

/** An admin creates an order for a user, fulfilled by hand (isManual), charged to the user's balance. */
export async function createManualOrder(db: Db, input: CreateManualOrderInput): Promise<Order> {
  const { accountId } = await requireActiveCustomer(db, input.userId);
  const draft = prepareOrder(await loadOrderableService(db, input.serviceId, input.userId), input);
  let charge: Decimal | undefined;
  if (input.charge !== undefined) {
    if (!/^\d{1,12}(\.\d{1,4})?$/.test(input.charge)) {
      throw new ValidationError("charge", "amount_invalid", "Charge must be a non-negative amount with at most 4 decimals");
    }
    charge = new Decimal(input.charge);
  }
  return transaction(db, async (tx) => {
    const order = await writeOrder(tx, { userId: input.userId, accountId, source: "ADMIN" }, draft, {
      isManual: true,
      adminNotes: input.adminNotes,
      charge,
    });
    await writeAudit(tx, input.actor, { action: "order.create_manual", entity: "Order", entityId: order.id, after: order });
    return order;
  });
}

/** An admin takes a manual order: PENDING → IN_PROGRESS. */
export async function takeManualOrder(db: Db, orderId: number, actor: Actor): Promise<Order> {
  return moveManual(db, orderId, actor, ["PENDING"], "IN_PROGRESS");
}

/**
 * An admin marks a manual order done: PENDING/IN_PROGRESS → COMPLETED, and the customer's
 * confirmation is handed to the outbox in the same transaction (sent, and retried, by a job).
 */
export async function completeManualOrder(db: Db, orderId: number, actor: Actor): Promise<Order> {
  return moveManual(db, orderId, actor, ["PENDING", "IN_PROGRESS"], "COMPLETED");
}

async function moveManual(
  db: Db,
  orderId: number,
  actor: Actor,
  from: ("PENDING" | "IN_PROGRESS")[],
  to: "IN_PROGRESS" | "COMPLETED",
): Promise<Order> {
  return transaction(db, async (tx) => {
    const order = await tx.order.findUnique({ where: { id: orderId } });
    if (!order) throw new NotFoundError("Order", orderId);
    if (!order.isManual) throw new InvalidStateError("Only manual orders are moved by hand", { orderId });
    const now = new Date();
    const moved = await tx.order.updateMany({
      where: { id: orderId, status: { in: from } },
      data:
        to === "IN_PROGRESS"
          ? { status: to, takenAt: now, takenById: actor.userId ?? null, lastProgressAt: now, stuck: false }
          : { status: to, completedAt: now, takenById: order.takenById ?? actor.userId ?? null, stuck: false },
    });
    if (moved.count !== 1) {
      throw new InvalidStateError(`Order #${orderId} is ${order.status.toLowerCase()} and cannot be moved to ${to.toLowerCase()}`, {
        orderId,
        status: order.status,
      });
    }
    if (to === "COMPLETED") await enqueue(tx, "notify-delivery", { orderId }, { orderId, dedupeKey: `delivery:${orderId}` });
    await writeAudit(tx, actor, { action: `order.manual_${to.toLowerCase()}`, entity: "Order", entityId: orderId, before: { status: order.status }, after: { status: to } });
    return tx.order.findUniqueOrThrow({ where: { id: orderId } });
  });
}
