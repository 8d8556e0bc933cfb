import { Prisma } from "@prisma/client";
import pg from "pg";
import type { Db, Tx } from "./client.js";

/** Interactive transaction with limits generous enough for bursts queued behind a small pool. */
export function transaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(fn, { maxWait: 30_000, timeout: 30_000 });
}

/** True when `error` is a unique-constraint violation (from a model query, or 23505 from raw SQL through Prisma or node-postgres). */
export function isUniqueViolation(error: unknown, ...fields: string[]): boolean {
  if (error instanceof pg.DatabaseError) {
    return error.code === "23505" && fields.every((f) => `${error.constraint ?? ""} ${error.detail ?? ""}`.includes(f));
  }
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  const cause = (error.meta as { driverAdapterError?: { cause?: { kind?: string } } } | undefined)?.driverAdapterError?.cause;
  const raw = error.code === "P2010" && cause?.kind === "UniqueConstraintViolation";
  if (error.code !== "P2002" && !raw) return false;
  if (fields.length === 0) return true;
  const target = error.meta?.target;
  const text = Array.isArray(target) ? target.join(",") : String(target ?? error.message);
  return fields.every((f) => text.includes(f));
}
