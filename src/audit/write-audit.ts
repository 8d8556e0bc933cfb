import type { Prisma } from "@prisma/client";
import type { Tx } from "../db/client.js";
import type { Actor } from "./actor.js";

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
  /** When it happened (the use-case's deps.now()); the database clock if not given. */
  at?: Date;
}

/** Appends an audit row inside the caller's transaction, so the record and the change commit together. */
export async function writeAudit(tx: Tx, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: actor.userId ?? null,
      actorLabel: actor.label,
      action: entry.action,
      entity: entry.entity,
      entityId: String(entry.entityId),
      before: toJson(entry.before),
      after: toJson(entry.after),
      createdAt: entry.at,
    },
  });
}

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined) return undefined;
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
}
