import type { Order, Service, TicketType } from "@prisma/client";
import type { Actor } from "../audit/actor.js";
import type { Deps } from "../deps.js";
import { customerCancel } from "../fulfilment/customer-cancel.js";
import { requestRefill } from "../fulfilment/request-refill.js";
import { customerStatus } from "../orders/status-view.js";
import { DomainError, InvalidStateError, RefillRefusedError } from "../shared/errors.js";
import type { TicketOutcome } from "./ticket-outcomes.js";

type OrderWithService = Order & { service: Service };

/** The ticket types the bot answers by itself, order by order, reading live state. */
export const AUTO_TYPES: readonly TicketType[] = ["CANCEL", "REFILL", "SPEED_UP", "RESTART", "FAKE_COMPLETION"];

export async function autoReplyFor(deps: Deps, type: TicketType, orderId: number, actor: Actor & { userId: number }): Promise<TicketOutcome> {
  const order = await deps.db.order.findUniqueOrThrow({ where: { id: orderId }, include: { service: true } });
  try {
    switch (type) {
      case "CANCEL":
        return await cancelRule(deps, order, actor);
      case "REFILL":
        return await refillRule(deps, order, actor);
      default:
        return progressOf(order);
    }
  } catch (error) {
    // The ticket is already recorded: whatever went wrong here is left to an admin, never lost.
    deps.logger.warn({ err: error, orderId, type }, "Automatic ticket answer failed; left for an admin");
    const fresh = await deps.db.order.findUniqueOrThrow({ where: { id: orderId } });
    // A provider's refusal is the admin's starting point: it is kept with the automatic answer.
    const providerError = error instanceof DomainError ? error.details.providerError : undefined;
    return { orderId, kind: "needs_admin", status: customerStatus(fresh.status), ...(typeof providerError === "string" ? { providerError } : {}) };
  }
}

// The ticket's answer says "cancelled, refunded": that is the customer's one message about it.
async function cancelRule(deps: Deps, order: OrderWithService, actor: Actor & { userId: number }): Promise<TicketOutcome> {
  try {
    const done = await customerCancel(deps, { orderId: order.id, actor, ownerUserId: actor.userId, announced: true });
    return done.kind === "canceled" ? { orderId: order.id, kind: "canceled", refund: done.order.refunded.toString() } : { orderId: order.id, kind: "cancel_requested" };
  } catch (error) {
    if (!(error instanceof InvalidStateError) || error.details.reason === "provider_refused") throw error;
    const status = customerStatus(order.status);
    return error.details.reason === "awaiting_admin" ? { orderId: order.id, kind: "needs_admin", status } : { orderId: order.id, kind: "cannot_cancel", status };
  }
}

async function refillRule(deps: Deps, order: OrderWithService, actor: Actor & { userId: number }): Promise<TicketOutcome> {
  if (!order.service.refill || order.isManual) return { orderId: order.id, kind: "refill_unsupported" };
  if (order.status !== "COMPLETED" && order.status !== "PARTIAL") {
    return { orderId: order.id, kind: "refill_not_completed", status: customerStatus(order.status) };
  }
  try {
    const refill = await requestRefill(deps, { orderId: order.id, actor, ownerUserId: actor.userId });
    return { orderId: order.id, kind: "refill_requested", refillId: refill.id };
  } catch (error) {
    // The refill policy's answer is the ticket's answer; a provider's refusal goes to an admin.
    if (!(error instanceof RefillRefusedError)) throw error;
    const { date, max, hours } = error.details as { date?: string; max?: number; hours?: number };
    return { orderId: order.id, kind: "refill_refused", reason: error.reason, message: error.message, ...(date ? { date } : {}), ...(max !== undefined ? { max } : {}), ...(hours !== undefined ? { hours } : {}) };
  }
}

function progressOf(order: Order): TicketOutcome {
  const delivered = order.remains === null ? null : Math.max(0, order.quantity - Math.max(order.remains, 0));
  return {
    orderId: order.id,
    kind: "progress",
    status: customerStatus(order.status),
    startCount: order.startCount,
    delivered,
    remains: order.remains,
  };
}
