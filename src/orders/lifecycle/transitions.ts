import type { OrderStatus } from "@prisma/client";

/** Who triggers an event: a person through a transport, our own jobs, or a provider's answer. */
export type Role = "customer" | "reseller" | "admin" | "system" | "provider";

/**
 * One row per event. `to: null` is an action that keeps the status (it asks a provider something);
 * it is listed so that every screen offers it from the same table. `only` narrows to manual or
 * auto orders; `needs` to services that allow an upstream cancel or refill.
 */
export interface TransitionRule {
  event: OrderEvent;
  from: readonly OrderStatus[];
  to: OrderStatus | null;
  by: readonly Role[];
  only?: "manual" | "auto";
  needs?: "cancel" | "refill";
}

export const ORDER_EVENTS = [
  "forward",
  "provider_accepted",
  "provider_rejected",
  "provider_unknown",
  "send_retry_later",
  "send_gave_up",
  "lease_expired",
  "provider_completed",
  "provider_partial",
  "provider_delivered_nothing",
  "provider_canceled",
  "upstream_cancel_confirmed",
  "resubmit",
  "reconcile_not_placed",
  "reconcile_not_placed_refund",
  "reconcile_placed",
  "cancel",
  "take",
  "mark_done",
  "sync",
  "request_cancel",
  "refill",
] as const;
export type OrderEvent = (typeof ORDER_EVENTS)[number];

/** SUBMITTING, or UNKNOWN only because the lease ran out: an answer arriving late is still the truth. */
const ATTEMPT: readonly OrderStatus[] = ["SUBMITTING", "UNKNOWN"];

export const TRANSITIONS: readonly TransitionRule[] = [
  { event: "forward", from: ["PENDING"], to: "SUBMITTING", by: ["system"], only: "auto" },
  { event: "provider_accepted", from: ATTEMPT, to: "IN_PROGRESS", by: ["provider"] },
  { event: "provider_rejected", from: ATTEMPT, to: "FAILED", by: ["provider"] },
  { event: "provider_unknown", from: ATTEMPT, to: "UNKNOWN", by: ["provider"] },
  { event: "send_retry_later", from: ATTEMPT, to: "PENDING", by: ["system"] },
  { event: "send_gave_up", from: ATTEMPT, to: "FAILED", by: ["system"] },
  { event: "lease_expired", from: ["SUBMITTING"], to: "UNKNOWN", by: ["system"] },
  { event: "provider_completed", from: ["IN_PROGRESS"], to: "COMPLETED", by: ["provider"], only: "auto" },
  { event: "provider_partial", from: ["IN_PROGRESS"], to: "PARTIAL", by: ["provider"], only: "auto" },
  /** "Partial" with nothing delivered (remains ≥ quantity): the truth is a cancel with a full refund. */
  { event: "provider_delivered_nothing", from: ["IN_PROGRESS"], to: "CANCELED", by: ["provider"], only: "auto" },
  /** Cancelled upstream without our asking: money held for an admin. */
  { event: "provider_canceled", from: ["IN_PROGRESS"], to: "FAILED", by: ["provider"], only: "auto" },
  { event: "upstream_cancel_confirmed", from: ["IN_PROGRESS"], to: "CANCELED", by: ["provider"], only: "auto" },
  { event: "resubmit", from: ["FAILED"], to: "PENDING", by: ["admin", "system"], only: "auto" },
  { event: "reconcile_not_placed", from: ["UNKNOWN"], to: "PENDING", by: ["admin"], only: "auto" },
  { event: "reconcile_not_placed_refund", from: ["UNKNOWN"], to: "CANCELED", by: ["admin"], only: "auto" },
  { event: "reconcile_placed", from: ["UNKNOWN"], to: "IN_PROGRESS", by: ["admin"], only: "auto" },
  { event: "cancel", from: ["PENDING", "FAILED"], to: "CANCELED", by: ["customer", "reseller", "admin"] },
  { event: "cancel", from: ["IN_PROGRESS"], to: "CANCELED", by: ["admin"], only: "manual" },
  { event: "take", from: ["PENDING"], to: "IN_PROGRESS", by: ["admin"], only: "manual" },
  { event: "mark_done", from: ["PENDING", "IN_PROGRESS"], to: "COMPLETED", by: ["admin"], only: "manual" },
  { event: "sync", from: ["IN_PROGRESS"], to: null, by: ["admin"], only: "auto" },
  { event: "request_cancel", from: ["IN_PROGRESS"], to: null, by: ["customer", "reseller"], only: "auto", needs: "cancel" },
  { event: "refill", from: ["COMPLETED", "PARTIAL"], to: null, by: ["customer", "reseller"], only: "auto", needs: "refill" },
];

/** The rows of one event (an event may have several rows, e.g. cancel of a manual order in progress). */
export function rulesFor(event: OrderEvent): TransitionRule[] {
  return TRANSITIONS.filter((r) => r.event === event);
}
