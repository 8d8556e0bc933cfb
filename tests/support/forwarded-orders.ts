import type { Order } from "@prisma/client";
import type { Deps } from "../../src/deps.js";
import { drainForwardOutbox } from "../../src/fulfilment/drain-forward-outbox.js";
import { placeOrder } from "../../src/orders/place-order.js";
import { runLimited } from "../../src/shared/run-limited.js";

/** Places `count` orders and forwards them (only these), returning them as they stand afterwards. */
export async function placeAndForward(deps: Deps, userId: number, serviceId: number, count: number, linkPrefix: string, quantity = 1000): Promise<Order[]> {
  const placed = await runLimited(Array.from({ length: count }, (_, i) => i), 10, async (i) =>
    (await placeOrder(deps, { userId, serviceId, link: `${linkPrefix}${i}`, quantity })).order.id,
  );
  const ids = placed.map((p) => {
    if (p.status === "rejected") throw p.reason;
    return p.value;
  });
  while ((await drainForwardOutbox(deps, { limit: 500, concurrency: 20, orderIds: ids })) > 0);
  return deps.db.order.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
}
