import type { AuditLog } from "@prisma/client";
import type { Db } from "../src/db/client.js";

/** Per-request batch loaders for data with no Prisma relation (audit rows are keyed by entity + id). */
export interface Loaders {
  auditFor(entity: string, entityId: string | number): Promise<AuditLog[]>;
}

interface Waiter {
  id: string;
  resolve: (rows: AuditLog[]) => void;
  reject: (e: unknown) => void;
}

export function createLoaders(db: Db): Loaders {
  const pending = new Map<string, Waiter[]>();
  const flush = (entity: string, waiters: Waiter[]) => {
    pending.delete(entity);
    db.auditLog
      .findMany({ where: { entity, entityId: { in: [...new Set(waiters.map((w) => w.id))] } }, orderBy: { id: "asc" } })
      .then((rows) => waiters.forEach((w) => w.resolve(rows.filter((r) => r.entityId === w.id))))
      .catch((e: unknown) => waiters.forEach((w) => w.reject(e)));
  };
  return {
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
