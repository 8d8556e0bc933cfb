import type { Order } from "@prisma/client";
import type { Decimal } from "../money/decimal.js";
import { ConflictError, DomainError, ValidationError } from "../shared/errors.js";
import { prepareOrder, type OrderableService, type OrderDraft, type OrderRequest } from "./prepare-order.js";

/** An idempotency key sent again with a different request. */
export function keyReused(orderId: number): ConflictError {
  return new ConflictError("idempotency_key_reused", "This idempotency key was already used for a different order", { orderId });
}

/**
 * Whether `input` asks for the order placed earlier under its key: the same service, and the same
 * link, quantity and extras once normalised the way placement normalises them (spaces, blank
 * lines), and the same charge when the caller states one.
 */
export function sameRequest(order: Order, input: OrderRequest, service: OrderableService | null, expected: Decimal | null): boolean {
  if (order.serviceId !== input.serviceId) return false;
  if (expected !== null && !order.charge.eq(expected)) return false;
  let draft: Pick<OrderDraft, "link" | "quantity" | "extra">;
  try {
    if (!service) throw new ValidationError("serviceId", "service_unknown", "Unknown service");
    draft = prepareOrder(service, input);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    // The service changed since (switched off, new limits): compare what was sent, as sent.
    const text = (v: unknown) => (typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "");
    return (
      text(input.link) === order.link &&
      (input.quantity === undefined || text(input.quantity) === String(order.quantity)) &&
      canonical(input.extra ?? null) === canonical(order.extra)
    );
  }
  return draft.link === order.link && draft.quantity === order.quantity && canonical(draft.extra ?? null) === canonical(order.extra);
}

/** Whether a mass order's `text` names the same lines as the batch placed earlier under its key. */
export function sameBatch(orders: Order[], text: string): boolean {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).map((l) => l.split("|").map((p) => p.trim()));
  return lines.length === orders.length && orders.every((o, i) => {
    const [serviceId, link, quantity] = lines[i]!;
    return serviceId === String(o.serviceId) && link === o.link && quantity === String(o.quantity);
  });
}

/** JSON with sorted keys: jsonb does not keep the key order it was given. */
function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_k, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}
