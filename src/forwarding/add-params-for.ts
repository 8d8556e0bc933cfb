import type { Order, Service } from "@prisma/client";
import type { AddParams } from "../providers/api-client.js";

/** The API v2 `add` fields for an order, from its service type and the extras stored at placement. */
export function addParamsFor(order: Order, service: Service): AddParams {
  const extra = (order.extra ?? {}) as { comments?: string; usernames?: string; answerNumber?: number; runs?: number; interval?: number };
  const params: AddParams = {
    service: order.providerServiceId ?? service.providerServiceId ?? "",
    type: service.type,
    link: order.link,
    requestId: requestIdFor(order),
  };
  if (service.type.toLowerCase() !== "package" && !service.type.toLowerCase().startsWith("custom comments")) {
    params.quantity = extra.runs ? order.quantity / extra.runs : order.quantity;
  }
  if (extra.comments !== undefined) params.comments = extra.comments;
  if (extra.usernames !== undefined) params.usernames = extra.usernames;
  if (extra.answerNumber !== undefined) params.answer_number = extra.answerNumber;
  if (extra.runs !== undefined) params.runs = extra.runs;
  if (extra.interval !== undefined) params.interval = extra.interval;
  return params;
}

/**
 * The same for every attempt at one order with one provider service (a resubmit after an UNKNOWN
 * included), so a provider that honours `request_id` answers a repeated `add` with the first order.
 * The creation time keeps ids apart across databases that reuse order numbers.
 */
export function requestIdFor(order: Pick<Order, "id" | "createdAt" | "providerServiceId">): string {
  return `pb-${order.id}-${order.createdAt.getTime().toString(36)}-${order.providerServiceId ?? ""}`.slice(0, 128);
}
