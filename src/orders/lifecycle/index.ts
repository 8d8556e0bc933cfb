export { TRANSITIONS, ORDER_EVENTS, rulesFor, type OrderEvent, type Role, type TransitionRule } from "./transitions.js";
export { moveOrder, moveOrderOrThrow, guardFor, type MoveOrder } from "./move-order.js";
export { expireLeases } from "./expire-leases.js";
export { moveOrders, type OrderMove } from "./move-orders.js";
export { ORDER_ACTIONS, allowedActions, lifeCycleActions, mayTake, type OrderAction, type OrderForActions, type PersonRole } from "./allowed-actions.js";
export { roleOf } from "./role.js";
export { REFILL_FACTS_SELECT, refillLimit, refillTerms, refillWindowDays, type RefillClock, type RefillFacts, type RefillLimit, type RefillTerms } from "./refill-policy.js";
export { refillRefusal } from "./refill-refusal.js";
