import type { BroadcastRecipientState } from "@prisma/client";
import type { Db } from "../db/client.js";
import type { BroadcastCounts } from "./transport.js";

/** sent / failed / blocked / left (and the rare uncertain and skipped) of each broadcast, from its recipient rows. */
export async function broadcastCounts(db: Db, broadcastIds: readonly number[]): Promise<Map<number, BroadcastCounts>> {
  const rows = await db.broadcastRecipient.groupBy({ by: ["broadcastId", "state"], where: { broadcastId: { in: [...broadcastIds] } }, _count: { _all: true } });
  const out = new Map<number, BroadcastCounts>(broadcastIds.map((id) => [id, emptyCounts()]));
  for (const r of rows) add(out.get(r.broadcastId)!, r.state, r._count._all);
  return out;
}

export function emptyCounts(): BroadcastCounts {
  return { total: 0, sent: 0, failed: 0, blocked: 0, left: 0, uncertain: 0, skipped: 0 };
}

function add(c: BroadcastCounts, state: BroadcastRecipientState, n: number): void {
  c.total += n;
  switch (state) {
    case "PENDING":
    case "CLAIMED":
    case "SENDING":
      c.left += n;
      return;
    case "SENT":
      c.sent += n;
      return;
    case "BLOCKED":
      c.blocked += n;
      return;
    case "FAILED":
      c.failed += n;
      return;
    case "UNCERTAIN":
      c.uncertain += n;
      return;
    case "SKIPPED":
      c.skipped += n;
      return;
  }
}
