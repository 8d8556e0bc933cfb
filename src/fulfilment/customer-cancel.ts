import type { Order } from "@prisma/client";
import type { Actor } from "../audit/actor.js";
import type { Deps } from "../deps.js";
import { InvalidStateError } from "../shared/errors.js";
import { cancelOrder } from "../orders/cancel-order.js";
import { allowedActions, roleOf } from "../orders/lifecycle/index.js";
import { loadProviderOrder } from "./load-provider-order.js";
import { requestUpstreamCancel } from "./request-upstream-cancel.js";

export type CustomerCancel = { kind: "canceled"; order: Order } | { kind: "cancel_requested"; order: Order };

/**
 * A customer's (ticket) or reseller's (API) "cancel my order", as the life cycle allows it:
 * refunded at once while no provider has it (`cancel`); asked upstream while a provider works on
 * a cancellable service (`request_cancel`, refunded when it confirms). Otherwise an
 * InvalidStateError whose `reason` is `awaiting_admin` (whether the provider has it is not known
 * yet) or `cannot_cancel`.
 */
export async function customerCancel(deps: Deps, input: { orderId: number; actor: Actor; ownerUserId: number; announced?: boolean }): Promise<CustomerCancel> {
  const order = await loadProviderOrder(deps.db, input.orderId, input.ownerUserId);
  const actions = allowedActions(order, roleOf(input.actor));
  if (actions.includes("cancel")) {
    return { kind: "canceled", order: await cancelOrder(deps, { ...input, reason: `${input.actor.label}: customer asked to cancel` }) };
  }
  if (actions.includes("request_cancel")) return { kind: "cancel_requested", order: await requestUpstreamCancel(deps, input) };
  const reason = order.status === "SUBMITTING" || order.status === "UNKNOWN" ? "awaiting_admin" : "cannot_cancel";
  throw new InvalidStateError("This order is already in progress or finished and cannot be cancelled", { orderId: order.id, status: order.status, reason });
}
