import type { AuditLog } from "@prisma/client";
import { providersHealth, type ProviderHealth } from "../src/catalogue/provider-health.js";
import type { Deps } from "../src/deps.js";

/** Per-request batch loaders for data with no Prisma relation (audit rows are keyed by entity + id). */
export interface Loaders {
  auditFor(entity: string, entityId: string | number): Promise<AuditLog[]>;
  /** Every provider's health over the last 24 h, read once per request however many providers ask. */
  providerHealth(providerId: number): Promise<ProviderHealth | null>;
}

interface Waiter {
  id: string;
  resolve: (rows: AuditLog[]) => void;
  reject: (e: unknown) => void;
}

export function createLoaders(deps: Deps): Loaders {
  const { db } = deps;
  let health: Promise<Map<number, ProviderHealth>> | null = null;
  const pending = new Map<string, Waiter[]>();
  const flush = (entity: string, waiters: Waiter[]) => {
    pending.delete(entity);
    db.auditLog
      .findMany({ where: { entity, entityId: { in: [...new Set(waiters.map((w) => w.id))] } }, orderBy: { id: "asc" } })
      .then((rows) => waiters.forEach((w) => w.resolve(rows.filter((r) => r.entityId === w.id))))
      .catch((e: unknown) => waiters.forEach((w) => w.reject(e)));
  };
  return {
    async providerHealth(providerId) {
      health ??= providersHealth(deps, 24);
      return (await health).get(providerId) ?? null;
    },
    auditFor(entity, entityId) {
      return new Promise((resolve, reject) => {
        let waiters = pending.get(entity);
        if (!waiters) {
          const batch: Waiter[] = [];
          waiters = batch;
          pending.set(entity, batch);
          // One query per entity type per tick, however many rows asked.
          setImmediate(() => flush(entity, batch));
        }
        waiters.push({ id: String(entityId), resolve, reject });
      });
    },
  };
}
