import type { OrderStatus } from "@prisma/client";
import { TRANSITIONS, type OrderEvent, type Role } from "./transitions.js";

/** What a person can ask for; the rest of the table is triggered by jobs and providers. */
export type OrderAction = Extract<
  OrderEvent,
  "resubmit" | "reconcile_not_placed" | "reconcile_not_placed_refund" | "reconcile_placed" | "cancel" | "take" | "mark_done" | "sync" | "request_cancel" | "refill"
>;
export type PersonRole = Extract<Role, "customer" | "reseller" | "admin">;

/** The least of an order that decides its actions. */
export interface OrderForActions {
  status: OrderStatus;
  isManual: boolean;
  service?: { cancel: boolean; refill: boolean } | null;
}

/** The actions `role` may take on `order` now, in the table's order (screens list them in this order). */
export function allowedActions(order: OrderForActions, role: Role): OrderAction[] {
  const actions: OrderAction[] = [];
  for (const rule of TRANSITIONS) {
    if (!rule.by.includes(role) || !rule.from.includes(order.status)) continue;
    if (rule.only && rule.only !== (order.isManual ? "manual" : "auto")) continue;
    if (rule.needs === "cancel" && !order.service?.cancel) continue;
    if (rule.needs === "refill" && !order.service?.refill) continue;
    const action = rule.event as OrderAction;
    if (!actions.includes(action)) actions.push(action);
  }
  return actions;
}

export function mayTake(order: OrderForActions, role: Role, action: OrderAction): boolean {
  return allowedActions(order, role).includes(action);
}
