import { requestRefill } from "../fulfilment/request-refill.js";
import { ApiV2Error, INCORRECT_ORDER_ID, INCORRECT_REFILL_ID } from "./api-error.js";
import { optional, type ApiV2Call } from "./call.js";
import { idList, idOf } from "./ids.js";
import { perId, single } from "./per-id.js";
import { refillStatusText } from "./status-text.js";

/** `refill` for one `order` → `{"refill":"7"}`, or `orders` → `[{"order":1,"refill":7},{"order":2,"refill":{"error":…}}]`. */
export async function refillAction(call: ApiV2Call) {
  const many = optional(call, "orders");
  if (many === undefined) {
    const id = optional(call, "order");
    if (id === undefined) throw new ApiV2Error("Missing field: order");
    const refill = await single(refillOne(call, id));
    return { refill: String(refill) };
  }
  const results = [];
  for (const id of idList("orders", many)) results.push({ order: idOf(id) ?? id, refill: await refillOne(call, id) });
  return results;
}

function refillOne(call: ApiV2Call, id: string) {
  return perId(async () => {
    const orderId = idOf(id);
    if (orderId === null) throw new ApiV2Error(INCORRECT_ORDER_ID);
    return (await requestRefill(call.deps, { orderId, actor: call.actor, ownerUserId: call.reseller.id })).id;
  });
}

/** `refill_status` for one `refill` → `{"status":"Completed"}`, or `refills` → a list with per-id errors. */
export async function refillStatusAction(call: ApiV2Call) {
  const many = optional(call, "refills");
  if (many === undefined) {
    const id = optional(call, "refill");
    if (id === undefined) throw new ApiV2Error("Missing field: refill");
    const [entry] = await refillStatuses(call, [id]);
    if (!entry || typeof entry.status !== "string") throw new ApiV2Error(INCORRECT_REFILL_ID);
    return { status: entry.status };
  }
  return refillStatuses(call, idList("refills", many));
}

async function refillStatuses(call: ApiV2Call, ids: string[]) {
  const wanted = ids.map(idOf).filter((id): id is number => id !== null);
  const refills = await call.deps.db.refill.findMany({ where: { id: { in: wanted }, order: { userId: call.reseller.id } } });
  const byId = new Map(refills.map((r) => [r.id, r]));
  return ids.map((id) => {
    const refill = byId.get(idOf(id) ?? -1);
    return { refill: idOf(id) ?? id, status: refill ? refillStatusText(refill.status) : { error: INCORRECT_REFILL_ID } };
  });
}
