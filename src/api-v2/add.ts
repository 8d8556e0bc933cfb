import { createHash } from "node:crypto";
import { placeOrder } from "../orders/place-order.js";
import type { OrderExtra } from "../orders/validate-extra.js";
import { ApiV2Error, INCORRECT_SERVICE_ID } from "./api-error.js";
import { optional, required, type ApiV2Call } from "./call.js";
import { idOf } from "./ids.js";

const MAX_REQUEST_ID = 128;

/**
 * `add` → `{"order": id}` through the same placement as the bot and GraphQL. An optional
 * `request_id` (NotPanel's convention) makes it idempotent: a retry answers with the first order.
 */
export async function addAction(call: ApiV2Call) {
  const serviceId = idOf(required(call, "service"));
  if (serviceId === null) throw new ApiV2Error(INCORRECT_SERVICE_ID);
  const service = await call.deps.db.service.findUnique({ where: { id: serviceId }, select: { type: true, linkKind: true } });
  if (!service) throw new ApiV2Error(INCORRECT_SERVICE_ID);
  const type = service.type.trim().toLowerCase();
  const link = service.linkKind === "NONE" ? "" : required(call, "link");
  const comments = optional(call, "comments");
  const { order } = await placeOrder(call.deps.db, {
    userId: call.reseller.id,
    source: "API",
    serviceId,
    link,
    quantity: quantityOf(call, type, comments),
    extra: extraOf(call, comments),
    idempotencyKey: idempotencyKeyOf(optional(call, "request_id")),
  });
  return { order: order.id };
}

/** Custom comments are counted, packages are one; every other type names its quantity. */
function quantityOf(call: ApiV2Call, type: string, comments: string | undefined): string | number {
  if (type.startsWith("custom comments")) {
    if (comments === undefined) throw new ApiV2Error("Missing field: comments");
    return comments.split(/\r?\n/).filter((l) => l.trim() !== "").length;
  }
  if (type === "package") return optional(call, "quantity") ?? 1;
  return required(call, "quantity").trim();
}

function extraOf(call: ApiV2Call, comments: string | undefined): OrderExtra | undefined {
  const extra: Record<string, unknown> = {
    comments,
    usernames: optional(call, "usernames"),
    answerNumber: optional(call, "answer_number"),
    runs: optional(call, "runs"),
    interval: optional(call, "interval"),
  };
  const given = Object.entries(extra).filter(([, v]) => v !== undefined);
  return given.length ? (Object.fromEntries(given) as OrderExtra) : undefined;
}

/** Any text up to 128 characters, hashed into a placement key of its own namespace. */
function idempotencyKeyOf(requestId: string | undefined): string | undefined {
  if (requestId === undefined) return undefined;
  if (requestId.length > MAX_REQUEST_ID) throw new ApiV2Error(`request_id is longer than ${MAX_REQUEST_ID} characters`);
  return `v2:${createHash("sha256").update(requestId).digest("base64url")}`;
}
