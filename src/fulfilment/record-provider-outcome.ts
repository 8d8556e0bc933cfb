import type { Order, Prisma } from "@prisma/client";
import type { Deps } from "../deps.js";
import { transaction } from "../db/transaction.js";
import { enqueue } from "../outbox/enqueue.js";
import { moveOrderOrThrow, type OrderEvent } from "../orders/lifecycle/index.js";

/** failureReason of an order whose forwarding lease ran out before an answer was recorded. */
export const LEASE_EXPIRED = "lease_expired";

/** What happened to one `add` call, as classified by the provider client. */
export type ProviderOutcome =
  | { kind: "accepted"; providerOrderId: string }
  | { kind: "rejected"; reason: string; error: string }
  | { kind: "unknown"; error: string }
  /** The request never left: retry at `retryAt`, or give up (FAILED) when it is null. */
  | { kind: "not_sent"; error: string; retryAt: Date | null };

/**
 * Records the result of a forwarding attempt on a SUBMITTING order. Only the holder of the
 * SUBMITTING state can record it, so one attempt is recorded once. An answer that arrives after
 * the lease expired (the order was turned UNKNOWN meanwhile) is still the truth, so it is recorded.
 */
export async function recordProviderOutcome(deps: Deps, orderId: number, outcome: ProviderOutcome): Promise<Order> {
  return transaction(deps.db, async (tx) => {
    const { event, data } = outcomeMove(outcome, deps.now());
    const lateAnswer = { OR: [{ status: "SUBMITTING" as const }, { failureReason: LEASE_EXPIRED }] };
    await moveOrderOrThrow(tx, orderId, { event, by: event.startsWith("send_") ? "system" : "provider", at: deps.now(), data, where: lateAnswer }, "Order is not being submitted");
    const order = await tx.order.findUniqueOrThrow({ where: { id: orderId } });
    if (outcome.kind === "not_sent" && outcome.retryAt) {
      await enqueue(tx, "forward-order", { orderId }, outcome.retryAt);
    }
    if (order.status === "FAILED" || order.status === "UNKNOWN") {
      const event = order.status === "FAILED" ? "failed" : "unknown";
      await enqueue(tx, "notify-admin-order", { orderId, event, attempt: order.resubmitCount }, deps.now());
    }
    return order;
  });
}

function outcomeMove(outcome: ProviderOutcome, now: Date): { event: OrderEvent; data: Omit<Prisma.OrderUpdateManyMutationInput, "status"> } {
  const released = { leaseUntil: null, nextAttemptAt: null };
  switch (outcome.kind) {
    case "accepted":
      return {
        event: "provider_accepted",
        data: {
          ...released,
          providerOrderId: outcome.providerOrderId,
          providerStatus: "Pending",
          providerError: null,
          failureReason: null,
          lastProgressAt: now,
          stuck: false,
        },
      };
    case "rejected":
      return { event: "provider_rejected", data: { ...released, failureReason: outcome.reason, providerError: outcome.error } };
    case "unknown":
      return { event: "provider_unknown", data: { ...released, failureReason: "unknown", providerError: outcome.error } };
    case "not_sent":
      return outcome.retryAt
        ? { event: "send_retry_later", data: { leaseUntil: null, nextAttemptAt: outcome.retryAt, providerError: outcome.error } }
        : { event: "send_gave_up", data: { ...released, failureReason: "provider_unreachable", providerError: outcome.error } };
  }
}
