import type { Deps } from "../deps.js";
import { claimOutbox, completeOutbox, retryOutbox } from "../outbox/claim.js";
import { runLimited } from "../shared/run-limited.js";
import { forwardOrder } from "./forward-order.js";

export interface DrainOptions {
  /** Items claimed per call. */
  limit?: number;
  /** Orders forwarded at the same time. */
  concurrency?: number;
  /** Only the hand-offs of these orders (an admin's "forward now"; tests). */
  orderIds?: readonly number[];
}

/**
 * Forwards the orders handed off by placement (and retries scheduled after "not sent").
 * Returns how many items were processed. An item whose forwarding crashed is retried later;
 * forwardOrder's claim makes a retry harmless.
 */
export async function drainForwardOutbox(deps: Deps, options: DrainOptions = {}): Promise<number> {
  const lockMs = (deps.config.SUBMIT_LEASE_SECONDS + 30) * 1000;
  const items = await claimOutbox(deps.db, "forward-order", options.limit ?? 100, lockMs, deps.now(), options.orderIds ? { orderIds: options.orderIds } : undefined);
  const results = await runLimited(items, options.concurrency ?? 10, async (item) => {
    await forwardOrder(deps, item.payload.orderId);
    await completeOutbox(deps.db, item.id, deps.now());
  });
  for (const [i, r] of results.entries()) {
    if (r.status === "rejected") {
      const item = items[i]!;
      deps.logger.error({ err: r.reason, orderId: item.payload.orderId }, "Forwarding failed; will retry");
      await retryOutbox(deps.db, item.id, String(r.reason), new Date(deps.now().getTime() + 30_000));
    }
  }
  return items.length;
}
