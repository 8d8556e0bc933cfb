import type { Tx } from "../../db/client.js";
import { guardFor } from "./move-order.js";
import { rulesFor } from "./transitions.js";

/**
 * The batch form of the `lease_expired` transition (one statement for every SUBMITTING order whose
 * lease ran out), guarded by the same from-status as moveOrder.
 */
export async function expireLeases(tx: Tx, now: Date, failureReason: string): Promise<{ id: number; resubmitCount: number }[]> {
  const { to } = guardFor("lease_expired", "system");
  const [from] = rulesFor("lease_expired")[0]!.from;
  return tx.$queryRaw<{ id: number; resubmitCount: number }[]>`
    UPDATE "Order"
       SET "status" = ${to}::"OrderStatus", "failureReason" = ${failureReason},
           "providerError" = 'No answer recorded before the forwarding lease expired', "updatedAt" = ${now}
     WHERE "status" = ${from}::"OrderStatus" AND "leaseUntil" < ${now}
    RETURNING "id", "resubmitCount"`;
}
