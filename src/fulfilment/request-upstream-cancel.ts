import type { Order } from "@prisma/client";
import { writeAudit } from "../audit/write-audit.js";
import type { Deps } from "../deps.js";
import { providerClient } from "../catalogue/provider-gateway.js";
import { InvalidStateError } from "../shared/errors.js";
import { loadProviderOrder } from "./load-provider-order.js";
import { providerFailure } from "../catalogue/provider-failure.js";
import type { UpstreamRequestInput } from "./request-refill.js";

/**
 * Asks the provider to cancel an order it is working on (cancel-enabled service). The provider's
 * "1" only means the request was taken: the order is refunded when the sync sees it Canceled
 * (see applyProviderStatus), or it completes as usual.
 */
export async function requestUpstreamCancel(deps: Deps, input: UpstreamRequestInput): Promise<Order> {
  const order = await loadProviderOrder(deps.db, input.orderId, input.ownerUserId);
  if (order.status !== "IN_PROGRESS" || !order.provider || !order.providerOrderId || order.isManual) {
    throw new InvalidStateError("This order is not at a provider", { orderId: order.id, status: order.status, reason: "not_at_provider" });
  }
  if (!order.service.cancel) throw new InvalidStateError("This service cannot be cancelled once started", { orderId: order.id, reason: "no_cancel" });
  if (order.cancelRequestedAt) return order;
  let reply;
  try {
    reply = (await providerClient(deps, order.provider, order.id).cancel([order.providerOrderId])).get(order.providerOrderId);
  } catch (error) {
    throw providerFailure(error, "cancel");
  }
  if (!reply || !reply.ok) {
    throw new InvalidStateError(`The provider refused the cancel: ${reply?.error ?? "no answer for this order"}`, {
      orderId: order.id,
      reason: "provider_refused",
      providerError: reply?.error ?? "no answer for this order",
    });
  }
  return deps.db.$transaction(async (tx) => {
    const updated = await tx.order.update({ where: { id: order.id }, data: { cancelRequestedAt: deps.now() } });
    await writeAudit(tx, input.actor, { action: "order.cancel_requested", entity: "Order", entityId: order.id, before: { status: order.status }, after: { cancelRequestedAt: updated.cancelRequestedAt } });
    return updated;
  });
}
