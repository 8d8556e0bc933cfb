import type { Refill } from "@prisma/client";
import type { Actor } from "../audit/actor.js";
import { writeAudit } from "../audit/write-audit.js";
import type { Deps } from "../deps.js";
import { providerClient } from "../catalogue/provider-gateway.js";
import { DomainError, InvalidStateError } from "../shared/errors.js";
import { loadProviderOrder } from "./load-provider-order.js";
import { providerFailure } from "../catalogue/provider-failure.js";

export interface UpstreamRequestInput {
  orderId: number;
  actor: Actor;
  /** When set, the order must belong to this user. */
  ownerUserId?: number;
}

/**
 * Asks the provider to refill a delivered order (COMPLETED or PARTIAL, refill-enabled service).
 * The refill id is kept and its status followed by the sync. One open refill per order at a time.
 */
export async function requestRefill(deps: Deps, input: UpstreamRequestInput): Promise<Refill> {
  const order = await loadProviderOrder(deps.db, input.orderId, input.ownerUserId);
  if (order.status !== "COMPLETED" && order.status !== "PARTIAL") {
    throw new InvalidStateError("Only delivered (completed or partial) orders can be refilled", { orderId: order.id, status: order.status, reason: "not_delivered" });
  }
  if (!order.service.refill || order.isManual || !order.provider || !order.providerOrderId) {
    throw new InvalidStateError("This service has no refill guarantee", { orderId: order.id, reason: "no_refill" });
  }
  const open = await deps.db.refill.findFirst({ where: { orderId: order.id, status: { in: ["PENDING", "IN_PROGRESS"] } } });
  if (open) throw new InvalidStateError("A refill for this order is already in progress", { orderId: order.id, refillId: open.id, reason: "refill_open" });
  let refillId: string;
  try {
    ({ refillId } = await providerClient(deps, order.provider, order.id).refill(order.providerOrderId));
  } catch (error) {
    const failure: DomainError = providerFailure(error, "refill");
    if (failure.code === "provider_refused") {
      await deps.db.refill.create({ data: { orderId: order.id, status: "REJECTED", error: String(failure.details.providerError ?? failure.message) } });
    }
    throw failure;
  }
  return deps.db.$transaction(async (tx) => {
    const refill = await tx.refill.create({ data: { orderId: order.id, providerRefillId: refillId, status: "PENDING" } });
    if (input.actor.isAdmin) await writeAudit(tx, input.actor, { action: "order.refill", entity: "Order", entityId: order.id, after: { refillId } });
    return refill;
  });
}
