import type { CustomerOrderStatus } from "../orders/status-view.js";

/** What the automatic answer did, or found, for one order named in a ticket. */
export type TicketOutcome =
  | { orderId: number; kind: "canceled"; refund: string }
  | { orderId: number; kind: "cancel_requested" }
  | { orderId: number; kind: "cannot_cancel"; status: CustomerOrderStatus }
  | { orderId: number; kind: "needs_admin"; status: CustomerOrderStatus; providerError?: string }
  | { orderId: number; kind: "refill_requested"; refillId: number }
  | { orderId: number; kind: "refill_unsupported" }
  | { orderId: number; kind: "refill_not_completed"; status: CustomerOrderStatus }
  /** The refill policy holds it back: one open already, window closed (`date`), cap (`max`) or cooldown (`hours`). */
  | { orderId: number; kind: "refill_refused"; reason: string; message: string; date?: string; max?: number; hours?: number }
  | {
      orderId: number;
      kind: "progress";
      status: CustomerOrderStatus;
      startCount: number | null;
      delivered: number | null;
      remains: number | null;
    };

/** Outcomes an admin still has to look at. */
export function needsAdmin(outcome: TicketOutcome): boolean {
  return outcome.kind === "needs_admin" || outcome.kind === "progress";
}

/** A plain English line per outcome, stored as the automatic ticket message for the back office. */
export function describeOutcome(o: TicketOutcome): string {
  switch (o.kind) {
    case "canceled":
      return `Order #${o.orderId}: cancelled, ${o.refund} refunded.`;
    case "cancel_requested":
      return `Order #${o.orderId}: cancellation requested from the provider.`;
    case "cannot_cancel":
      return `Order #${o.orderId}: ${o.status.toLowerCase()}, cannot be cancelled.`;
    case "needs_admin":
      return `Order #${o.orderId}: needs an admin (${o.status.toLowerCase()}).${o.providerError ? ` Provider said: ${o.providerError}` : ""}`;
    case "refill_requested":
      return `Order #${o.orderId}: refill #${o.refillId} requested from the provider.`;
    case "refill_unsupported":
      return `Order #${o.orderId}: this service has no refill.`;
    case "refill_not_completed":
      return `Order #${o.orderId}: ${o.status.toLowerCase()}, refill is possible once it is completed.`;
    case "refill_refused":
      return `Order #${o.orderId}: ${o.message}.`;
    case "progress":
      return `Order #${o.orderId}: ${o.status.toLowerCase()}; start count ${o.startCount ?? "?"}, delivered ${o.delivered ?? "?"}, remains ${o.remains ?? "?"}.`;
  }
}
