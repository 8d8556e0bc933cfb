import type { Deps } from "../deps.js";
import { LEASE_EXPIRED } from "./record-provider-outcome.js";
import { expireLeases } from "../orders/lifecycle/index.js";
import { enqueue } from "../outbox/enqueue.js";

/**
 * SUBMITTING orders whose lease ran out (the process died mid-call, or the call hung) become
 * UNKNOWN: the `add` may have reached the provider, so they are never re-sent automatically.
 */
export async function expireSubmittingLeases(deps: Deps): Promise<number[]> {
  return deps.db.$transaction(async (tx) => {
    const rows = await expireLeases(tx, deps.now(), LEASE_EXPIRED);
    for (const r of rows) {
      await enqueue(tx, "notify-admin-order", { orderId: r.id, event: "unknown", attempt: r.resubmitCount }, deps.now());
    }
    return rows.map((r) => r.id);
  });
}
