import type { OrderStatus } from "@prisma/client";
import { refillLimit, type RefillClock, type RefillFacts } from "./refill-policy.js";
import { TRANSITIONS, type OrderEvent, type Role } from "./transitions.js";

/** What a person can ask for; the rest of the table is triggered by jobs and providers. */
export const ORDER_ACTIONS = [
  "take",
  "mark_done",
  "resubmit",
  "reconcile_not_placed",
  "reconcile_not_placed_refund",
  "reconcile_placed",
  "sync",
  "request_cancel",
  "refill",
  "cancel",
] as const satisfies readonly OrderEvent[];
export type OrderAction = (typeof ORDER_ACTIONS)[number];
export type PersonRole = Extract<Role, "customer" | "reseller" | "admin">;

/** The least of an order that decides its actions; the refill facts (REFILL_FACTS_SELECT) for the refill policy. */
export interface OrderForActions extends Partial<Omit<RefillFacts, "service">> {
  status: OrderStatus;
  isManual: boolean;
  service?: ({ cancel: boolean; refill: boolean } & RefillFacts["service"]) | null;
}

/**
 * The actions `role` may take on `order` now, in ORDER_ACTIONS order (screens list them so).
 * Refill also needs the refill policy to agree: without the clock and the order's refill facts it
 * is not offered.
 */
export function allowedActions(order: OrderForActions, role: Role, clock?: RefillClock): OrderAction[] {
  return lifeCycleActions(order, role).filter((action) => action !== "refill" || refillPolicyAllows(order, clock));
}

function refillPolicyAllows(order: OrderForActions, clock: RefillClock | undefined): boolean {
  if (!clock || !order.refills || !order.updatedAt) return false;
  return refillLimit({ ...order, completedAt: order.completedAt ?? null, updatedAt: order.updatedAt }, clock) === null;
}

/** The table alone: what the life cycle lets `role` ask for in this status (refill policy not applied). */
export function lifeCycleActions(order: OrderForActions, role: Role): OrderAction[] {
  return ORDER_ACTIONS.filter((action) =>
    TRANSITIONS.some(
      (rule) =>
        rule.event === action &&
        rule.by.includes(role) &&
        rule.from.includes(order.status) &&
        (!rule.only || rule.only === (order.isManual ? "manual" : "auto")) &&
        (rule.needs !== "cancel" || order.service?.cancel === true) &&
        (rule.needs !== "refill" || order.service?.refill === true),
    ),
  );
}

export function mayTake(order: OrderForActions, role: Role, action: OrderAction, clock?: RefillClock): boolean {
  return allowedActions(order, role, clock).includes(action);
}
