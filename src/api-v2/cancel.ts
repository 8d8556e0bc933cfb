import { customerCancel } from "../fulfilment/customer-cancel.js";
import { ApiV2Error, INCORRECT_ORDER_ID } from "./api-error.js";
import { optional, type ApiV2Call } from "./call.js";
import { idList, idOf } from "./ids.js";
import { perId } from "./per-id.js";

/**
 * `cancel` for up to 100 `orders` (or one `order`) → `[{"order":2,"cancel":1},{"order":9,"cancel":{"error":…}}]`.
 * 1 means accepted: refunded at once when no provider has the order yet, else asked upstream.
 */
export async function cancelAction(call: ApiV2Call) {
  const list = optional(call, "orders") ?? optional(call, "order");
  if (list === undefined) throw new ApiV2Error("Missing field: orders");
  const results = [];
  for (const id of idList("orders", list)) {
    const cancel = await perId(async () => {
      const orderId = idOf(id);
      if (orderId === null) throw new ApiV2Error(INCORRECT_ORDER_ID);
      await customerCancel(call.deps, { orderId, actor: call.actor, ownerUserId: call.reseller.id });
      return 1;
    });
    results.push({ order: idOf(id) ?? id, cancel });
  }
  return results;
}
