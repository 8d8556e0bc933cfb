import type { Refill } from "@prisma/client";
import type { Actor } from "../audit/actor.js";
import { writeAudit } from "../audit/write-audit.js";
import type { Deps } from "../deps.js";
import { providerClient } from "../catalogue/provider-gateway.js";
import { NotFoundError, RefillRefusedError, type DomainError } from "../shared/errors.js";
import { refillRefusal, refillTerms, roleOf } from "../orders/lifecycle/index.js";
import { providerFailure } from "../catalogue/provider-failure.js";

export interface UpstreamRequestInput {
  orderId: number;
  actor: Actor;
  /** When set, the order must belong to this user. */
  ownerUserId?: number;
}

/**
 * Asks the provider to refill a delivered order, as the life cycle and the refill policy allow
 * (otherwise a RefillRefusedError naming the rule). The refill row is claimed under the order's
 * row lock before the provider is called, so taps at once ask once; the refill id is kept and its
 * status followed by the sync. A refusal by the provider is kept with its reason.
 */
export async function requestRefill(deps: Deps, input: UpstreamRequestInput): Promise<Refill> {
  const now = deps.now();
  const clock = { now, terms: refillTerms(deps.config) };
  const role = roleOf(input.actor);
  // Admins and jobs ask on the customer's behalf: the customer's rules apply.
  const askingAs = role === "admin" || role === "system" ? "customer" : role;
  const { order, claim } = await deps.db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Order" WHERE "id" = ${input.orderId} FOR UPDATE`;
    // A claim left by a process that died while asking: its fate is unknown, it neither blocks nor counts.
    await tx.refill.updateMany({
      where: { orderId: input.orderId, status: "PENDING", providerRefillId: null, createdAt: { lt: new Date(now.getTime() - clock.terms.askingSeconds * 1000) } },
      data: { status: "ERROR", error: "No answer from the provider was recorded" },
    });
    const order = await tx.order.findUnique({
      where: { id: input.orderId },
      include: { service: true, provider: true, refills: { select: { status: true, createdAt: true, providerRefillId: true } } },
    });
    if (!order || (input.ownerUserId !== undefined && order.userId !== input.ownerUserId)) throw new NotFoundError("Order", input.orderId);
    const refusal = refillRefusal(order, askingAs, clock);
    if (refusal) throw refusal;
    if (!order.provider || !order.providerOrderId) throw new RefillRefusedError("no_refill", "This service has no refill guarantee");
    const claim = await tx.refill.create({ data: { orderId: order.id, status: "PENDING", createdAt: now } });
    return { order: { ...order, provider: order.provider, providerOrderId: order.providerOrderId }, claim };
  });
  let refillId: string;
  try {
    ({ refillId } = await providerClient(deps, order.provider, order.id).refill(order.providerOrderId));
  } catch (error) {
    let failure: DomainError;
    try {
      failure = providerFailure(error, "refill");
    } catch (unexpected) {
      await deps.db.refill.delete({ where: { id: claim.id } });
      throw unexpected;
    }
    if (failure.code === "provider_refused") {
      await deps.db.refill.update({ where: { id: claim.id }, data: { status: "REJECTED", error: String(failure.details.providerError ?? failure.message) } });
    } else {
      // Never reached the provider (or no answer): nothing was asked that counts.
      await deps.db.refill.delete({ where: { id: claim.id } });
    }
    throw failure;
  }
  return deps.db.$transaction(async (tx) => {
    const refill = await tx.refill.update({ where: { id: claim.id }, data: { providerRefillId: refillId } });
    if (input.actor.isAdmin) await writeAudit(tx, input.actor, { action: "order.refill", entity: "Order", entityId: order.id, after: { refillId } });
    return refill;
  });
}
