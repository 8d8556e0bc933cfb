import type { Order } from "@prisma/client";
import type { Actor } from "../audit/actor.js";
import { writeAudit } from "../audit/write-audit.js";
import type { Deps } from "../deps.js";
import { transaction } from "../db/transaction.js";
import { InvalidStateError, ValidationError } from "../shared/errors.js";
import { moveOrder, roleOf } from "../orders/lifecycle/index.js";
import { cancelOrder } from "../orders/cancel-order.js";
import { resubmitFrom, type ResubmitInput } from "./resubmit-orders.js";

export type ReconcileDecision =
  /** The admin checked the provider's panel: the order is not there. Safe to send again. */
  | { kind: "not_placed" }
  /** Not there, and not to be sent again: cancel it with a full refund. */
  | { kind: "not_placed_refund" }
  /** The provider has it under this id: track it from now on. */
  | { kind: "placed"; providerOrderId: string };

export interface ReconcileInput extends Omit<ResubmitInput, "orderId"> {
  orderId: number;
  decision: ReconcileDecision;
}

/** An admin's decision about an UNKNOWN order; nothing else ever re-sends one. */
export async function reconcileUnknownOrder(deps: Deps, input: ReconcileInput): Promise<Order> {
  if (input.decision.kind === "not_placed") return resubmitFrom(deps, input, "reconcile_not_placed");
  if (input.decision.kind === "not_placed_refund") {
    return cancelOrder(deps, { orderId: input.orderId, actor: input.actor, confirmedNotPlaced: true, reason: "Not placed at the provider" });
  }
  const providerOrderId = input.decision.providerOrderId.trim();
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(providerOrderId)) {
    throw new ValidationError("providerOrderId", "provider_order_id_invalid", "Enter the provider's order id (letters and digits)");
  }
  return transaction(deps.db, async (tx) => {
    const now = deps.now();
    const moved = await moveOrder(tx, input.orderId, {
      event: "reconcile_placed",
      by: roleOf(input.actor), at: now,
      data: { providerOrderId, providerStatus: "Pending", providerError: null, failureReason: null, leaseUntil: null, lastProgressAt: now, stuck: false, stuckReason: null },
    });
    if (!moved) throw new InvalidStateError(`Order #${input.orderId} is not UNKNOWN`, { orderId: input.orderId });
    await writeAudit(tx, input.actor, { action: "order.reconcile_placed", entity: "Order", entityId: input.orderId, before: { status: "UNKNOWN" }, after: { status: "IN_PROGRESS", providerOrderId } });
    return tx.order.findUniqueOrThrow({ where: { id: input.orderId } });
  });
}
