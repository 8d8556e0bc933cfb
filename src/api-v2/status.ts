import type { Order } from "@prisma/client";
import { ApiV2Error, INCORRECT_ORDER_ID } from "./api-error.js";
import { optional, type ApiV2Call } from "./call.js";
import { idList, idOf } from "./ids.js";
import { orderStatusText } from "./status-text.js";

/** `status` for one `order`, or up to 100 `orders` keyed by id (a foreign or unknown id is an error entry). */
export async function statusAction(call: ApiV2Call) {
  const single = optional(call, "order");
  const many = optional(call, "orders");
  if (many === undefined) {
    if (single === undefined) throw new ApiV2Error("Missing field: order");
    const [entry] = await statusEntries(call, [single]);
    if (!entry || "error" in entry[1]) throw new ApiV2Error(INCORRECT_ORDER_ID);
    return entry[1];
  }
  return Object.fromEntries(await statusEntries(call, idList("orders", many)));
}

async function statusEntries(call: ApiV2Call, ids: string[]) {
  const wanted = ids.map(idOf).filter((id): id is number => id !== null);
  const orders = await call.deps.db.order.findMany({ where: { id: { in: wanted }, userId: call.reseller.id } });
  const byId = new Map(orders.map((o) => [o.id, o]));
  return ids.map((id) => {
    const order = byId.get(idOf(id) ?? -1);
    return [id, order ? statusOf(order, call.deps.config.SHOP_CURRENCY) : { error: INCORRECT_ORDER_ID }] as const;
  });
}

/** What a panel reads: `charge` is what the order costs after refunds, values are strings. */
function statusOf(order: Order, currency: string) {
  const delivered = order.status === "COMPLETED";
  return {
    charge: order.charge.sub(order.refunded).toFixed(4),
    start_count: String(order.startCount ?? 0),
    status: orderStatusText(order.status),
    remains: String(order.remains ?? (delivered ? 0 : order.quantity)),
    currency,
  };
}
