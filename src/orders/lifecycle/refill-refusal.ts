import { RefillRefusedError } from "../../shared/errors.js";
import { localDate } from "../../shared/shop-time.js";
import { lifeCycleActions, type OrderForActions } from "./allowed-actions.js";
import { refillLimit, type RefillClock, type RefillFacts } from "./refill-policy.js";
import type { Role } from "./transitions.js";

const minute = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/**
 * Why `role` may not ask for a refill of `order` now, as the error every transport answers with
 * (null: it may). The same two rules as allowedActions: the life cycle's table, then the policy.
 */
export function refillRefusal(order: OrderForActions & RefillFacts, role: Role, clock: RefillClock): RefillRefusedError | null {
  if (!lifeCycleActions(order, role).includes("refill")) {
    if (order.status !== "COMPLETED" && order.status !== "PARTIAL") {
      return new RefillRefusedError("not_delivered", "Only delivered (completed or partial) orders can be refilled", {}, { status: order.status });
    }
    return new RefillRefusedError("no_refill", "This service has no refill guarantee");
  }
  const limit = refillLimit(order, clock);
  switch (limit?.reason) {
    case undefined:
      return null;
    case "refill_open":
      return new RefillRefusedError("refill_open", "A refill for this order is already in progress");
    case "window_closed":
      return new RefillRefusedError("window_closed", `The refill window (${limit.days} days from completion) closed on ${minute(limit.closedAt)}`, { closedAt: limit.closedAt }, { date: localDate(limit.closedAt, clock.terms.timeZone) });
    case "cap_reached":
      return new RefillRefusedError("cap_reached", `This order already had the most refills allowed (${limit.max})`, { max: limit.max });
    case "cooldown":
      return new RefillRefusedError("cooldown", `One refill per ${clock.terms.cooldownHours} h: ask again after ${minute(limit.until)}`, { retryAt: limit.until }, {
        hours: Math.max(1, Math.ceil((limit.until.getTime() - clock.now.getTime()) / 3_600_000)),
      });
  }
}
