import type { OrderStatus, RefillStatus } from "@prisma/client";
import { customerStatus } from "../orders/status-view.js";

const ORDER: Record<ReturnType<typeof customerStatus>, string> = {
  PENDING: "Pending",
  IN_PROGRESS: "In progress",
  COMPLETED: "Completed",
  PARTIAL: "Partial",
  CANCELED: "Canceled",
};

/** Order status spelled as panels expect; FAILED and UNKNOWN read Pending, as customers see them. */
export function orderStatusText(status: OrderStatus): string {
  return ORDER[customerStatus(status)];
}

const REFILL: Record<RefillStatus, string> = {
  PENDING: "Pending",
  IN_PROGRESS: "In progress",
  COMPLETED: "Completed",
  REJECTED: "Rejected",
  ERROR: "Rejected",
};

export function refillStatusText(status: RefillStatus): string {
  return REFILL[status];
}
