import { createHash } from "node:crypto";
import { ADD_FIELD, serviceKind } from "../catalogue/service-kinds.js";
import { placeOrder } from "../orders/place-order.js";
import type { OrderExtra } from "../orders/validate-extra.js";
import { ApiV2Error, INCORRECT_SERVICE_ID } from "./api-error.js";
import { optional, required, type ApiV2Call } from "./call.js";
import { idOf } from "./ids.js";

const MAX_REQUEST_ID = 128;

/**
 * `add` → `{"order": id}` through the same placement as the bot and GraphQL; the service's kind
 * (service-kinds.ts) says which fields it takes. An optional `request_id` (NotPanel's convention)
 * makes it idempotent: a retry answers with the first order.
 */
export async function addAction(call: ApiV2Call) {
  const serviceId = idOf(required(call, "service"));
  if (serviceId === null) throw new ApiV2Error(INCORRECT_SERVICE_ID);
  const service = await call.deps.db.service.findUnique({ where: { id: serviceId }, select: { type: true, linkKind: true, min: true, max: true } });
  if (!service) throw new ApiV2Error(INCORRECT_SERVICE_ID);
  const kind = serviceKind(service.type);
  const extra: OrderExtra = {};
  for (const field of kind.extras) {
    const value = optional(call, ADD_FIELD[field]);
    if (value === undefined) throw new ApiV2Error(`Missing field: ${ADD_FIELD[field]}`);
    extra[field] = value;
  }
  for (const field of ["runs", "interval"] as const) {
    const value = optional(call, field);
    if (value !== undefined) extra[field] = value;
  }
  const quantity = optional(call, "quantity")?.trim();
  // Only kinds whose quantity is asked need it (lists count their lines, packages are one).
  if (quantity === undefined && kind.quantity === "asked" && service.min !== service.max) throw new ApiV2Error("Missing field: quantity");
  const { order } = await placeOrder(call.deps, {
    userId: call.reseller.id,
    source: "API",
    serviceId,
    link: service.linkKind === "NONE" ? "" : required(call, "link"),
    quantity,
    extra: Object.keys(extra).length ? extra : undefined,
    idempotencyKey: idempotencyKeyOf(optional(call, "request_id")),
  });
  return { order: order.id };
}

/** Any text up to 128 characters, hashed into a placement key of its own namespace. */
function idempotencyKeyOf(requestId: string | undefined): string | undefined {
  if (requestId === undefined) return undefined;
  if (requestId.length > MAX_REQUEST_ID) throw new ApiV2Error(`request_id is longer than ${MAX_REQUEST_ID} characters`);
  return `v2:${createHash("sha256").update(requestId).digest("base64url")}`;
}
