import type { Order, Prisma } from "@prisma/client";
import type { Db } from "../db/client.js";
import { transaction } from "../db/transaction.js";
import { enqueue } from "../outbox/enqueue.js";
import { InvalidStateError } from "../shared/errors.js";

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
export async function recordProviderOutcome(db: Db, orderId: number, outcome: ProviderOutcome): Promise<Order> {
  return transaction(db, async (tx) => {
    const now = new Date();
    const data = outcomeData(outcome, now);
    const moved = await tx.order.updateMany({
      where: { id: orderId, OR: [{ status: "SUBMITTING" }, { status: "UNKNOWN", failureReason: LEASE_EXPIRED }] },
      data,
    });
    if (moved.count !== 1) throw new InvalidStateError("Order is not being submitted", { orderId });
    const order = await tx.order.findUniqueOrThrow({ where: { id: orderId } });
    if (outcome.kind === "not_sent" && outcome.retryAt) {
      await enqueue(tx, "forward-order", { orderId }, { orderId, availableAt: outcome.retryAt });
    }
    if (order.status === "FAILED" || order.status === "UNKNOWN") {
      await enqueue(
        tx,
        "notify-admin-order",
        { orderId, event: order.status === "FAILED" ? "failed" : "unknown" },
        { orderId, dedupeKey: `${order.status}:${orderId}:${order.resubmitCount}` },
      );
    }
    return order;
  });
}

function outcomeData(outcome: ProviderOutcome, now: Date): Prisma.OrderUpdateManyMutationInput {
  const released = { leaseUntil: null, nextAttemptAt: null };
  switch (outcome.kind) {
    case "accepted":
      return {
        ...released,
        status: "IN_PROGRESS",
        providerOrderId: outcome.providerOrderId,
        providerStatus: "Pending",
        providerError: null,
        failureReason: null,
        lastProgressAt: now,
        stuck: false,
      };
    case "rejected":
      return { ...released, status: "FAILED", failureReason: outcome.reason, providerError: outcome.error };
    case "unknown":
      return { ...released, status: "UNKNOWN", failureReason: "unknown", providerError: outcome.error };
    case "not_sent":
      return outcome.retryAt
        ? { status: "PENDING", leaseUntil: null, nextAttemptAt: outcome.retryAt, providerError: outcome.error }
        : { ...released, status: "FAILED", failureReason: "provider_unreachable", providerError: outcome.error };
  }
}
