import type { Order, Prisma } from "@prisma/client";
import type { Actor } from "../audit/actor.js";
import { writeAudit } from "../audit/write-audit.js";
import type { Deps } from "../deps.js";
import { transaction } from "../db/transaction.js";
import { forwardOrder } from "./forward-order.js";
import { expectedProviderCost } from "./provider-cost.js";
import { mayTake, moveOrder, roleOf } from "../orders/lifecycle/index.js";
import { enqueue } from "../outbox/enqueue.js";
import { providerBalance } from "../catalogue/provider-gateway.js";
import { DomainError, InvalidStateError, NotFoundError, ValidationError } from "../shared/errors.js";

export interface ResubmitInput {
  orderId: number;
  actor: Actor;
  /** Switch to another auto service (its provider and provider service id). */
  serviceId?: number;
  /** Or keep the service and switch provider, naming the service id at that provider. */
  providerId?: number;
  providerServiceId?: string;
}

export interface ResubmitResult {
  orderId: number;
  ok: boolean;
  order?: Order;
  error?: DomainError;
}

/** Resubmits a FAILED order (see reconcileUnknownOrder for UNKNOWN ones). */
export function resubmitOrder(deps: Deps, input: ResubmitInput): Promise<Order> {
  return resubmitFrom(deps, input, "resubmit");
}

/** Bulk resubmit: each order independently; one failure doesn't stop the rest. */
export async function resubmitOrders(deps: Deps, input: Omit<ResubmitInput, "orderId"> & { orderIds: number[] }): Promise<ResubmitResult[]> {
  const results: ResubmitResult[] = [];
  for (const orderId of [...new Set(input.orderIds)]) {
    try {
      results.push({ orderId, ok: true, order: await resubmitOrder(deps, { ...input, orderId }) });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      results.push({ orderId, ok: false, error });
    }
  }
  return results;
}

/**
 * Checks the (new) provider's balance, then moves the order back to PENDING exactly once —
 * concurrent resubmits lose that race and change nothing — and forwards it through the normal
 * path. The hand-off is also written to the outbox, so a crash right after still forwards it.
 */
export async function resubmitFrom(deps: Deps, input: ResubmitInput, event: "resubmit" | "reconcile_not_placed"): Promise<Order> {
  const order = await deps.db.order.findUnique({ where: { id: input.orderId }, include: { service: true } });
  if (!order) throw new NotFoundError("Order", input.orderId);
  if (order.isManual) throw new InvalidStateError("Manual orders are not sent to providers", { orderId: order.id });
  if (!mayTake(order, roleOf(input.actor), event)) {
    throw new InvalidStateError(`Order #${order.id} is ${order.status} and cannot be resubmitted`, { orderId: order.id, status: order.status });
  }
  const target = await resolveTarget(deps, order, input);
  const provider = await deps.db.provider.findUnique({ where: { id: target.providerId } });
  if (!provider || !provider.active) throw new ValidationError("providerId", "provider_inactive", "That provider is not active");
  const cost = expectedProviderCost(deps.config, order, target.service, provider.currency);
  const balance = await providerBalance(deps, provider, { fresh: true });
  if (balance !== null && balance.lt(cost)) {
    throw new DomainError("provider_balance", `Provider ${provider.name} has ${balance.toFixed(4)} ${provider.currency}; the order needs ${cost.toFixed(4)}`, {
      balance: balance.toString(),
      required: cost.toString(),
    });
  }
  await transaction(deps.db, async (tx) => {
    const data: Prisma.OrderUncheckedUpdateManyInput = {
      serviceId: target.service.id,
      providerId: target.providerId,
      providerServiceId: target.providerServiceId,
      resubmitCount: { increment: 1 },
      lastResubmitAt: deps.now(),
      providerOrderId: null,
      providerStatus: null,
      providerError: null,
      failureReason: null,
      submitAttempts: 0,
      nextAttemptAt: null,
      leaseUntil: null,
      stuck: false,
      stuckReason: null,
    };
    const claimed = await moveOrder(tx, order.id, { event, by: roleOf(input.actor), at: deps.now(), data, where: { status: order.status } });
    if (!claimed) throw new InvalidStateError(`Order #${order.id} is already being resubmitted`, { orderId: order.id });
    await enqueue(tx, "forward-order", { orderId: order.id }, deps.now());
    await writeAudit(tx, input.actor, {
      action: "order.resubmit",
      entity: "Order",
      entityId: order.id,
      before: { status: order.status, providerId: order.providerId, providerServiceId: order.providerServiceId, failureReason: order.failureReason },
      after: { status: "PENDING", providerId: target.providerId, providerServiceId: target.providerServiceId, resubmitCount: order.resubmitCount + 1 },
    });
  });
  return forwardOrder(deps, order.id);
}

async function resolveTarget(deps: Deps, order: Order & { service: Prisma.ServiceGetPayload<object> }, input: ResubmitInput) {
  if (input.serviceId !== undefined && input.serviceId !== order.serviceId) {
    const service = await deps.db.service.findUnique({ where: { id: input.serviceId } });
    if (!service || service.mode !== "AUTO" || !service.providerId || !service.providerServiceId) {
      throw new ValidationError("serviceId", "service_not_forwardable", "Choose an active auto service with a provider");
    }
    return { service, providerId: service.providerId, providerServiceId: service.providerServiceId };
  }
  if (input.providerId !== undefined) {
    if (!input.providerServiceId || !/^[A-Za-z0-9_-]{1,64}$/.test(input.providerServiceId)) {
      throw new ValidationError("providerServiceId", "required", "Name the service id at the new provider");
    }
    return { service: order.service, providerId: input.providerId, providerServiceId: input.providerServiceId };
  }
  const providerId = order.providerId ?? order.service.providerId;
  const providerServiceId = order.providerServiceId ?? order.service.providerServiceId;
  if (!providerId || !providerServiceId) throw new ValidationError("providerId", "provider_required", "This order has no provider: choose one");
  return { service: order.service, providerId, providerServiceId };
}
