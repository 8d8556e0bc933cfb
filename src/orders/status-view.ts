import type { OrderStatus } from "@prisma/client";

/** What a customer or reseller is shown: FAILED and UNKNOWN are internal and look like Pending. */
export type CustomerOrderStatus = "PENDING" | "IN_PROGRESS" | "COMPLETED" | "PARTIAL" | "CANCELED";

export function customerStatus(status: OrderStatus): CustomerOrderStatus {
  switch (status) {
    case "PENDING":
    case "SUBMITTING":
    case "FAILED":
    case "UNKNOWN":
      return "PENDING";
    case "IN_PROGRESS":
      return "IN_PROGRESS";
    case "COMPLETED":
      return "COMPLETED";
    case "PARTIAL":
      return "PARTIAL";
    case "CANCELED":
      return "CANCELED";
  }
}

export const CUSTOMER_STATUSES = ["PENDING", "IN_PROGRESS", "COMPLETED", "PARTIAL", "CANCELED"] as const satisfies readonly CustomerOrderStatus[];

const ALL_STATUSES: readonly OrderStatus[] = ["PENDING", "SUBMITTING", "FAILED", "UNKNOWN", "IN_PROGRESS", "COMPLETED", "PARTIAL", "CANCELED"];

/** The internal states a customer sees as `shown` (the inverse of customerStatus, for filters). */
export function statusesShownAs(shown: CustomerOrderStatus): OrderStatus[] {
  return ALL_STATUSES.filter((s) => customerStatus(s) === shown);
}

/** Admins see the exact internal state. */
export function adminStatus(status: OrderStatus): OrderStatus {
  return status;
}

export const ACTIVE_AT_PROVIDER: readonly OrderStatus[] = ["IN_PROGRESS"];
export const FINAL_STATUSES: readonly OrderStatus[] = ["COMPLETED", "PARTIAL", "CANCELED"];
