/** Provider order status, reduced to what our order life cycle distinguishes. Pending counts as in progress. */
export type OrderProgress = "in_progress" | "completed" | "partial" | "canceled";

/** Matches the RefillStatus enum in prisma/schema.prisma. */
export type RefillProgress = "pending" | "in_progress" | "completed" | "rejected" | "error";

export interface Normalised<T> {
  status: T;
  /** The provider's own string, as sent. */
  providerStatus: string;
  /** Set when the string was not recognised and we fell back to "in progress". */
  warning?: string;
}

const ORDER_STATUSES: Record<string, OrderProgress> = {
  pending: "in_progress",
  "in progress": "in_progress",
  inprogress: "in_progress",
  processing: "in_progress",
  active: "in_progress",
  completed: "completed",
  complete: "completed",
  partial: "partial",
  canceled: "canceled",
  cancelled: "canceled",
  refunded: "canceled",
};

const REFILL_STATUSES: Record<string, RefillProgress> = {
  pending: "pending",
  "in progress": "in_progress",
  inprogress: "in_progress",
  processing: "in_progress",
  completed: "completed",
  complete: "completed",
  rejected: "rejected",
  failed: "error",
  error: "error",
};

const canonical = (raw: string) => raw.trim().toLowerCase().replace(/[\s_-]+/g, " ");

function normalise<T>(raw: unknown, table: Record<string, T>, fallback: T): Normalised<T> {
  const providerStatus = typeof raw === "string" ? raw : raw === undefined || raw === null ? "" : JSON.stringify(raw);
  const status = table[canonical(providerStatus)];
  if (status !== undefined) return { status, providerStatus };
  // An unrecognised status must never stop a sync: keep the order active and tell an admin.
  return { status: fallback, providerStatus, warning: `Unrecognised provider status "${providerStatus}"` };
}

export function normaliseOrderStatus(raw: unknown): Normalised<OrderProgress> {
  return normalise(raw, ORDER_STATUSES, "in_progress");
}

export function normaliseRefillStatus(raw: unknown): Normalised<RefillProgress> {
  return normalise(raw, REFILL_STATUSES, "in_progress");
}
