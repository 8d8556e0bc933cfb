import { Prisma, type Order } from "@prisma/client";
import type { Deps } from "../deps.js";
import { sqlTransaction, type SqlClient } from "../db/sql-client.js";
import { transaction } from "../db/transaction.js";
import { Decimal, proRataRefund } from "../money/decimal.js";
import { post, postWith } from "../money/ledger.js";
import { providerHasStarted } from "../estimates/started.js";
import { moveOrder, moveOrders, type OrderEvent, type OrderMove } from "../orders/lifecycle/index.js";
import { enqueue, enqueueMany } from "../outbox/enqueue.js";
import { recordProgressWith, recordProviderWords, type ProgressReport } from "./record-progress.js";

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
 * What a report means for an order of `quantity` units. More remaining than was ordered is
 * impossible: it is read as "nothing delivered" (remains = quantity) and shown to admins.
 */
export function interpretReport(report: ProviderStatusReport, quantity: number): ProviderStatusReport {
  if (report.remains == null || report.remains <= quantity) return report;
  const warning = `Provider reported remains ${report.remains} above the quantity ${quantity}; read as nothing delivered`;
  return { ...report, remains: quantity, warning: report.warning ? `${report.warning}; ${warning}` : warning };
}

/**
 * Applies a provider status to an order that is at the provider (IN_PROGRESS). Completed →
 * COMPLETED; Partial → PARTIAL with a pro-rata refund (or, with nothing delivered, CANCELED with a
 * full refund); Canceled → FAILED (money held for an admin to resubmit or refund), or CANCELED with
 * a full refund when we had asked for the cancel. The transition is conditional, so applying the
 * same report again (or concurrently) changes nothing and refunds nothing.
 */
export async function applyProviderStatus(deps: Deps, orderId: number, received: ProviderStatusReport): Promise<AppliedStatus> {
  return transaction(deps.db, async (tx) => {
    const order = await tx.order.findUniqueOrThrow({ where: { id: orderId } });
    const report = interpretReport(received, order.quantity);
    const now = deps.now();
    if (order.status !== "IN_PROGRESS") {
      // Already final (or pulled back by an admin): remember what the provider said, move nothing.
      await tx.order.update({ where: { id: orderId }, data: { providerStatus: report.raw, lastStatusCheck: now } });
      return { order: await tx.order.findUniqueOrThrow({ where: { id: orderId } }), changed: false };
    }
    const facts = factsOf(atProvider(order), report, now);
    const progressed =
      (report.remains != null && report.remains !== order.remains) || (report.startCount != null && order.startCount === null);
    const step = stepFor(report, atProvider(order), now);
    if (!step) {
      await tx.order.updateMany({ where: { id: orderId, status: "IN_PROGRESS" }, data: { ...facts, ...(progressed ? { lastProgressAt: now } : {}) } });
      return { order: await tx.order.findUniqueOrThrow({ where: { id: orderId } }), changed: false };
    }
    const refund = step.refund?.sub(order.refunded);
    const changed = await moveOrder(tx, orderId, {
      event: step.event,
      by: "provider", at: now,
      data: { ...facts, lastProgressAt: now, stuck: false, ...step.data, ...(refund?.gt(0) ? { refunded: step.refund } : {}) },
    });
    if (!changed) return { order: await tx.order.findUniqueOrThrow({ where: { id: orderId } }), changed };
    if (refund?.gt(0)) await post(tx, { accountId: order.accountId, amount: refund, kind: "REFUND", orderId, note: step.note, at: now });
    if (step.event === "provider_canceled") {
      await enqueue(tx, "notify-admin-order", { orderId, event: "failed", attempt: order.resubmitCount }, now);
      // The customer sees the order go back to pending: they are told why and what happens next.
      await enqueue(tx, "notify-delivery", { orderId, event: "provider_canceled", attempt: order.resubmitCount }, now);
    }
    // The customer is told once when the order reaches a final state (sent, and retried, by a job).
    else await enqueue(tx, "notify-delivery", { orderId }, now);
    return { order: await tx.order.findUniqueOrThrow({ where: { id: orderId } }), changed };
  });
}

/** What a report says about an order at the provider, whatever its status does. */
function factsOf(order: Pick<AtProvider, "started" | "quantity">, report: ProviderStatusReport, now: Date): Prisma.OrderUpdateManyMutationInput {
  return {
    providerStatus: report.raw,
    lastStatusCheck: now,
    ...(report.startCount != null ? { startCount: report.startCount } : {}),
    ...(report.remains !== undefined ? { remains: report.remains } : {}),
    ...(report.charge != null ? { providerCharge: report.charge } : {}),
    ...(report.currency ? { providerCurrency: report.currency } : {}),
    ...(report.warning ? { providerError: report.warning } : {}),
    // A completion is also the latest possible start (the provider may skip "In progress" between syncs).
    ...(!order.started && (providerHasStarted(report, order.quantity) || report.status === "completed" || report.status === "partial") ? { startedAt: now } : {}),
  };
}

/**
 * applyProviderStatus for the orders of one status call whose status changes, in one transaction
 * on node-postgres (the sync's hot path: Prisma's runtime cost several times the statements' own
 * CPU): one read, one batched move per event (lifecycle moveOrders, guarded the same way), the
 * refunds, and the customers' and admins' notices in one outbox statement. Returns how many orders
 * moved. An order no longer IN_PROGRESS (or whose move a concurrent transition won) gets what
 * applyProviderStatus gives it: the provider's words recorded, nothing moved, nothing refunded.
 */
export async function applyProviderStatuses(deps: Deps, received: readonly { id: number; report: ProviderStatusReport }[]): Promise<number> {
  if (received.length === 0) return 0;
  const reports = new Map(received.map((r) => [r.id, r.report]));
  return sqlTransaction(deps.db, async (sql) => {
    const now = deps.now();
    const orders = await readAtProvider(sql, [...reports.keys()]);
    const plans = new Map<number, { order: AtProvider; step: Step; refund: Decimal | undefined }>();
    const byEvent = new Map<OrderEvent, OrderMove[]>();
    const words: { id: number; raw: string }[] = [];
    const progress: ProgressReport[] = [];
    for (const order of orders) {
      const report = interpretReport(reports.get(order.id)!, order.quantity);
      const step = order.status === "IN_PROGRESS" ? stepFor(report, order, now) : null;
      if (!step) {
        // Not at the provider any more, or no status change: as applyProviderStatus does.
        if (order.status !== "IN_PROGRESS") words.push({ id: order.id, raw: report.raw });
        else progress.push({ id: order.id, quantity: order.quantity, report });
        continue;
      }
      const refund = step.refund?.sub(order.refunded);
      plans.set(order.id, { order, step, refund });
      const data = { ...factsOf(order, report, now), lastProgressAt: now, stuck: false, ...step.data, ...(refund?.gt(0) ? { refunded: step.refund } : {}) };
      byEvent.set(step.event, [...(byEvent.get(step.event) ?? []), { orderId: order.id, data: data as OrderMove["data"] }]);
    }
    await recordProviderWords(sql, words, now);
    await recordProgressWith(sql, progress, now);
    const notices: Parameters<typeof enqueueMany>[1][number][] = [];
    let moved = 0;
    for (const [event, moves] of byEvent) {
      for (const orderId of await moveOrders(sql, event, "provider", now, moves)) {
        const { order, step, refund } = plans.get(orderId)!;
        moved += 1;
        if (refund?.gt(0)) await postWith(sql, { accountId: order.accountId, amount: refund, kind: "REFUND", orderId, note: step.note, at: now });
        if (step.event === "provider_canceled") {
          notices.push({ kind: "notify-admin-order", payload: { orderId, event: "failed", attempt: order.resubmitCount } });
          notices.push({ kind: "notify-delivery", payload: { orderId, event: "provider_canceled", attempt: order.resubmitCount } });
        } else notices.push({ kind: "notify-delivery", payload: { orderId } });
      }
    }
    await enqueueMany(sql, notices, now);
    return moved;
  });
}

/** What deciding a provider's status needs of an order (stepFor, factsOf and the refund). */
interface AtProvider {
  id: number;
  status: Order["status"];
  quantity: number;
  charge: Decimal;
  refunded: Decimal;
  accountId: number;
  resubmitCount: number;
  started: boolean;
  cancelRequested: boolean;
}

function atProvider(order: Order): AtProvider {
  return { ...order, started: order.startedAt !== null, cancelRequested: order.cancelRequestedAt !== null };
}

async function readAtProvider(sql: SqlClient, ids: number[]): Promise<AtProvider[]> {
  return sql.rows<AtProvider>(Prisma.sql`
    SELECT "id", "status", "quantity", "charge", "refunded", "accountId", "resubmitCount",
           "startedAt" IS NOT NULL AS "started", "cancelRequestedAt" IS NOT NULL AS "cancelRequested"
      FROM "Order" WHERE "id" = ANY(${ids}::int[])`);
}

interface Step {
  event: OrderEvent;
  data: Omit<Prisma.OrderUpdateManyMutationInput, "status">;
  /** What the order has refunded in total once this step is taken. */
  refund?: Order["charge"];
  note?: string;
}

function stepFor(report: ProviderStatusReport, order: Pick<AtProvider, "quantity" | "charge" | "cancelRequested">, now: Date): Step | null {
  switch (report.status) {
    case "in_progress":
      return null;
    case "completed":
      return { event: "provider_completed", data: { completedAt: now } };
    case "partial":
      if (report.remains != null && report.remains >= order.quantity) {
        return { event: "provider_delivered_nothing", data: { canceledAt: now }, refund: order.charge, note: `Partial with nothing delivered (${report.raw})` };
      }
      return {
        event: "provider_partial",
        data: { completedAt: now },
        refund: proRataRefund(order.charge, report.remains ?? 0, order.quantity),
        note: `Partial: ${report.remains} of ${order.quantity} not delivered`,
      };
    case "canceled":
      if (order.cancelRequested) {
        return { event: "upstream_cancel_confirmed", data: { canceledAt: now }, refund: order.charge, note: "Cancelled at the provider on request" };
      }
      return { event: "provider_canceled", data: { failureReason: "provider_canceled", providerError: `Provider status: ${report.raw}` } };
  }
}
