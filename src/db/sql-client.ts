import { Prisma } from "@prisma/client";
import type pg from "pg";
import { poolOf, type Db, type Tx } from "./client.js";

/**
 * Runs a hand-written statement (a Prisma.sql template) and gives its rows. The same SQL runs on
 * node-postgres (sqlOf, sqlTransaction: a fraction of Prisma's CPU per statement) or inside a
 * Prisma transaction (sqlIn). The drivers type results differently, so statements written for it
 * return what both give alike: ints, booleans and text (money as ::text, read back as Decimal).
 */
export interface SqlClient {
  rows<T>(sql: Prisma.Sql): Promise<T[]>;
}

/** Statements straight on the pool, each committed on its own. */
export function sqlOf(db: Db): SqlClient {
  return onPg(poolOf(db));
}

/** Statements inside the caller's Prisma transaction. */
export function sqlIn(tx: Tx): SqlClient {
  return { rows: <T>(sql: Prisma.Sql) => tx.$queryRaw<T[]>(sql) };
}

/** One transaction on one pooled connection: committed when `fn` resolves, rolled back when it throws. */
export async function sqlTransaction<T>(db: Db, fn: (sql: SqlClient) => Promise<T>): Promise<T> {
  const client = await poolOf(db).connect();
  let broken: unknown;
  try {
    await client.query("BEGIN");
    try {
      const result = await fn(onPg(client));
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch((e: unknown) => (broken = e));
      throw error;
    }
  } finally {
    // A connection whose rollback failed is in an unknown state: the pool drops it.
    client.release(broken instanceof Error ? broken : undefined);
  }
}

function onPg(runner: pg.Pool | pg.PoolClient): SqlClient {
  return {
    async rows<T>(sql: Prisma.Sql) {
      const result = await runner.query(sql.text, sql.values.map(param));
      return result.rows as T[];
    },
  };
}

/**
 * A value as Prisma would send it. Dates go as UTC ISO text (the columns are timestamp without
 * time zone holding UTC; pg's own conversion would use the process's time zone); Decimals and
 * bigints as their digits (pg would JSON-quote a Decimal).
 */
function param(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Prisma.Decimal.isDecimal(value)) return value.toString();
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(param);
  return value;
}
