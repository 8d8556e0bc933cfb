import type { Provider, RefillStatus as DbRefillStatus } from "@prisma/client";
import type { Deps } from "../deps.js";
import { MAX_IDS_PER_CALL, ProviderError, type RefillProgress } from "../providers/api-client.js";
import { providerClient } from "../catalogue/provider-gateway.js";
import { enqueue } from "../outbox/enqueue.js";

const TO_DB: Record<RefillProgress, DbRefillStatus> = {
  pending: "PENDING",
  in_progress: "IN_PROGRESS",
  completed: "COMPLETED",
  rejected: "REJECTED",
  error: "ERROR",
};

/** Tracks open refill requests of one provider with multi `refill_status` calls. */
export async function syncRefills(deps: Deps, provider: Provider, paceMs: number): Promise<void> {
  const open = await deps.db.refill.findMany({
    where: { status: { in: ["PENDING", "IN_PROGRESS"] }, providerRefillId: { not: null }, order: { providerId: provider.id } },
    select: { id: true, providerRefillId: true },
  });
  const client = providerClient(deps, provider);
  for (let i = 0; i < open.length; i += MAX_IDS_PER_CALL) {
    if (paceMs > 0) await new Promise((r) => setTimeout(r, paceMs));
    const batch = open.slice(i, i + MAX_IDS_PER_CALL);
    try {
      const replies = await client.multiRefillStatus(batch.map((r) => r.providerRefillId!));
      for (const refill of batch) {
        const reply = replies.get(refill.providerRefillId!);
        if (!reply) continue;
        const data = reply.ok ? { status: TO_DB[reply.status], providerStatus: reply.providerStatus, error: reply.warning ?? null } : { error: reply.error };
        await deps.db.$transaction(async (tx) => {
          const saved = await tx.refill.update({ where: { id: refill.id }, data });
          // Nobody is waiting on the screen when the provider turns a refill down later: tell the admins.
          if (data.status === "REJECTED") {
            await enqueue(tx, "notify-admin-order", { orderId: saved.orderId, event: "refill_rejected", refillId: saved.id, ...(saved.error ? { reason: saved.error } : {}) }, deps.now());
          }
        });
      }
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      deps.logger.warn({ providerId: provider.id, err: error.message }, "Refill status call failed");
    }
  }
}
