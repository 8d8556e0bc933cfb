import type { Order, Prisma } from "@prisma/client";
import type { Db } from "../db/client.js";
import { transaction } from "../db/transaction.js";
import { proRataRefund } from "../money/decimal.js";
import { post } from "../money/ledger.js";
import { enqueue } from "../outbox/enqueue.js";

/** A provider's view of one order, normalised by the provider client. */
export interface ProviderStatusReport {
  status: "in_progress" | "completed" | "partial" | "canceled";
  /** The provider's own status string, as received. */
  raw: string;
  /** Set when the status string was not recognised (treated as in progress): shown to admins. */
  warning?: string;
  startCount?: number | null;
  /** null when the provider said "Unknown". Negative means over-delivery. */
  remains?: number | null;
  charge?: string | null;
  currency?: string | null;
}

export interface AppliedStatus {
  order: Order;
  /** The order moved to another internal status. */
  changed: boolean;
}

/**
 * Applies a provider status to an order that is at the provider (IN_PROGRESS). Completed →
 * COMPLETED; Partial → PARTIAL with a pro-rata refund; Canceled → FAILED (money held for an
 * admin to resubmit or refund), or CANCELED with a full refund when we had asked for the cancel. The status transition is a conditional update, so applying the
 * same report again (or concurrently) changes nothing and refunds nothing.
 */
export async function applyProviderStatus(db: Db, orderId: number, report: ProviderStatusReport): Promise<AppliedStatus> {
  return transaction(db, async (tx) => {
    const order = await tx.order.findUniqueOrThrow({ where: { id: orderId } });
    const now = new Date();
    const facts: Prisma.OrderUpdateManyMutationInput = {
      providerStatus: report.raw,
      lastStatusCheck: now,
      ...(report.startCount != null ? { startCount: report.startCount } : {}),
      ...(report.remains !== undefined ? { remains: report.remains } : {}),
      ...(report.charge != null ? { providerCharge: report.charge } : {}),
      ...(report.currency ? { providerCurrency: report.currency } : {}),
      ...(report.warning ? { providerError: report.warning } : {}),
    };
    if (order.status !== "IN_PROGRESS") {
      // Already final (or pulled back by an admin): remember what the provider said, move nothing.
      await tx.order.update({ where: { id: orderId }, data: { providerStatus: report.raw, lastStatusCheck: now } });
      return { order: await tx.order.findUniqueOrThrow({ where: { id: orderId } }), changed: false };
    }
    const progressed =
      (report.remains != null && report.remains !== order.remains) || (report.startCount != null && order.startCount === null);
    const transition = transitionFor(report, now, order.cancelRequestedAt !== null);
    const moved = await tx.order.updateMany({
      where: { id: orderId, status: "IN_PROGRESS" },
      data: { ...facts, ...(progressed || transition ? { lastProgressAt: now } : {}), ...transition },
    });
    const changed = moved.count === 1 && transition !== null;
    if (changed && report.status === "partial") {
      const refund = proRataRefund(order.charge, report.remains ?? 0, order.quantity);
      if (refund.gt(0)) {
        await post(tx, { accountId: order.accountId, amount: refund, kind: "REFUND", orderId, note: `Partial: ${report.remains} of ${order.quantity} not delivered` });
        await tx.order.update({ where: { id: orderId }, data: { refunded: refund } });
      }
    }
    if (changed && report.status === "canceled" && order.cancelRequestedAt) {
      const refund = order.charge.sub(order.refunded);
      if (refund.gt(0)) {
        await post(tx, { accountId: order.accountId, amount: refund, kind: "REFUND", orderId, note: "Cancelled at the provider on request" });
        await tx.order.update({ where: { id: orderId }, data: { refunded: order.charge } });
      }
    } else if (changed && report.status === "canceled") {
      await enqueue(tx, "notify-admin-order", { orderId, event: "failed" }, { orderId, dedupeKey: `FAILED:${orderId}:${order.resubmitCount}` });
      // The customer sees the order go back to pending: they are told why and what happens next.
      await enqueue(tx, "notify-delivery", { orderId, event: "provider_canceled" }, { orderId, dedupeKey: `provider-canceled:${orderId}:${order.resubmitCount}` });
    }
    // The customer is told once when the order reaches a final state (sent, and retried, by a job).
    if (changed && report.status !== "canceled") {
      await enqueue(tx, "notify-delivery", { orderId }, { orderId, dedupeKey: `delivery:${orderId}` });
    }
    if (changed && report.status === "canceled" && order.cancelRequestedAt) {
      await enqueue(tx, "notify-delivery", { orderId }, { orderId, dedupeKey: `delivery:${orderId}` });
    }
    return { order: await tx.order.findUniqueOrThrow({ where: { id: orderId } }), changed };
  });
}

function transitionFor(report: ProviderStatusReport, now: Date, cancelRequested: boolean): Prisma.OrderUpdateManyMutationInput | null {
  switch (report.status) {
    case "in_progress":
      return null;
    case "completed":
      return { status: "COMPLETED", completedAt: now, stuck: false };
    case "partial":
      return { status: "PARTIAL", completedAt: now, stuck: false };
    case "canceled":
      if (cancelRequested) return { status: "CANCELED", canceledAt: now, stuck: false };
      return {
        status: "FAILED",
        failureReason: "provider_canceled",
        providerError: `Provider status: ${report.raw}`,
        stuck: false,
      };
  }
}
