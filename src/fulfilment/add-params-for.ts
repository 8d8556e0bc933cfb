import type { Order, Service } from "@prisma/client";
import type { AddParams } from "../providers/api-client.js";

/** The API v2 `add` fields for an order, from its service type and the extras stored at placement. */
export function addParamsFor(order: Order, service: Service): AddParams {
  const extra = (order.extra ?? {}) as { comments?: string; usernames?: string; answerNumber?: number; runs?: number; interval?: number };
  const params: AddParams = {
    service: order.providerServiceId ?? service.providerServiceId ?? "",
    type: service.type,
    link: order.link,
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
