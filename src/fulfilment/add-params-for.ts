import type { Order, Service } from "@prisma/client";
import { ADD_FIELD, serviceKind } from "../catalogue/service-kinds.js";
import type { AddParams } from "../providers/api-client.js";

/** The API v2 `add` fields for an order, from its service kind and the extras stored at placement. */
export function addParamsFor(order: Order, service: Service): AddParams {
  const extra = (order.extra ?? {}) as Record<string, string | number | undefined>;
  const kind = serviceKind(service.type);
  const params: Record<string, unknown> = {
    service: order.providerServiceId ?? service.providerServiceId ?? "",
    type: service.type,
    link: order.link,
    requestId: requestIdFor(order),
  };
  const runs = typeof extra.runs === "number" ? extra.runs : undefined;
  if (kind.sendsQuantity) params.quantity = runs ? order.quantity / runs : order.quantity;
  if (runs !== undefined) {
    params.runs = runs;
    params.interval = extra.interval;
  }
  for (const field of kind.extras) if (extra[field] !== undefined) params[ADD_FIELD[field]] = extra[field];
  return params as unknown as AddParams;
}

/**
 * The same for every attempt at one order with one provider service (a resubmit after an UNKNOWN
 * included), so a provider that honours `request_id` answers a repeated `add` with the first order.
 * The creation time keeps ids apart across databases that reuse order numbers.
 */
export function requestIdFor(order: Pick<Order, "id" | "createdAt" | "providerServiceId">): string {
  return `pb-${order.id}-${order.createdAt.getTime().toString(36)}-${order.providerServiceId ?? ""}`.slice(0, 128);
}
