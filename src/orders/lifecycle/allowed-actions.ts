import type { OrderStatus } from "@prisma/client";
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

/** The least of an order that decides its actions. */
export interface OrderForActions {
  status: OrderStatus;
  isManual: boolean;
  service?: { cancel: boolean; refill: boolean } | null;
}

/** The actions `role` may take on `order` now, in ORDER_ACTIONS order (screens list them so). */
export function allowedActions(order: OrderForActions, role: Role): OrderAction[] {
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

export function mayTake(order: OrderForActions, role: Role, action: OrderAction): boolean {
  return allowedActions(order, role).includes(action);
}
