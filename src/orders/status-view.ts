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

/** Admins see the exact internal state. */
export function adminStatus(status: OrderStatus): OrderStatus {
  return status;
}

export const ACTIVE_AT_PROVIDER: readonly OrderStatus[] = ["IN_PROGRESS"];
export const FINAL_STATUSES: readonly OrderStatus[] = ["COMPLETED", "PARTIAL", "CANCELED"];
