import type { Deps } from "../deps.js";
import { LEASE_EXPIRED } from "./record-provider-outcome.js";
import { enqueue } from "../outbox/enqueue.js";

/**
 * SUBMITTING orders whose lease ran out (the process died mid-call, or the call hung) become
 * UNKNOWN: the `add` may have reached the provider, so they are never re-sent automatically.
 */
export async function expireSubmittingLeases(deps: Deps): Promise<number[]> {
  return deps.db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: number; resubmitCount: number }[]>`
      UPDATE "Order"
         SET "status" = 'UNKNOWN', "failureReason" = ${LEASE_EXPIRED},
             "providerError" = 'No answer recorded before the forwarding lease expired', "updatedAt" = now()
       WHERE "status" = 'SUBMITTING' AND "leaseUntil" < ${deps.now()}
      RETURNING "id", "resubmitCount"`;
    for (const r of rows) {
      await enqueue(tx, "notify-admin-order", { orderId: r.id, event: "unknown" }, { orderId: r.id, dedupeKey: `UNKNOWN:${r.id}:${r.resubmitCount}` });
    }
    return rows.map((r) => r.id);
  });
}
