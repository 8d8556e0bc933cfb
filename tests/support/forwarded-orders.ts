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
  // A few at a time: on a CPU-starved machine more would only queue inside the database.
  while ((await drainForwardOutbox(deps, { limit: 500, concurrency: 8, orderIds: ids })) > 0);
  const orders = await deps.db.order.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
  const unfinished = orders.filter((o) => o.status === "PENDING" || o.status === "SUBMITTING");
  if (unfinished.length > 0) {
    // A forward that threw is put back for later; say why instead of leaving it to a count further on.
    const errors = await deps.db.outbox.findMany({ where: { kind: "forward-order", orderId: { in: unfinished.map((o) => o.id) } }, select: { orderId: true, lastError: true } });
    throw new Error(`${unfinished.length} of ${count} orders not forwarded (${unfinished.map((o) => `#${o.id} ${o.status}`).join(", ")}): ${JSON.stringify(errors)}`);
  }
  return orders;
}
