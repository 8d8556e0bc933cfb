import { Prisma } from "@prisma/client";
import pg from "pg";
import { poolOf, type Db, type Tx } from "./client.js";

/**
 * Runs a hand-written statement (a Prisma.sql template) and gives its rows, typed as Prisma's
 * $queryRaw types them (numeric as Decimal, bigint as bigint, timestamps as UTC Dates). The same
 * SQL runs on node-postgres (sqlOf, sqlTransaction: a fraction of Prisma's CPU per statement) or
 * inside a Prisma transaction (sqlIn).
 */
export interface SqlClient {
  rows<T>(sql: Prisma.Sql): Promise<T[]>;
  /** The same, for a statement built as text with $1… placeholders (a query put together from parts). */
  query<T>(text: string, values: readonly unknown[]): Promise<T[]>;
}

/** Statements straight on the pool, each committed on its own. */
export function sqlOf(db: Db): SqlClient {
  return onPg(poolOf(db));
}

/** Statements inside the caller's Prisma transaction. */
export function sqlIn(tx: Tx): SqlClient {
  return { rows: <T>(sql: Prisma.Sql) => tx.$queryRaw<T[]>(sql), query: <T>(text: string, values: readonly unknown[]) => tx.$queryRawUnsafe<T[]>(text, ...values) };
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
  const run = async <T>(text: string, values: readonly unknown[], name?: string) =>
    (await runner.query({ name, text, values: values.map(param), types: PRISMA_TYPES })).rows as T[];
  return { rows: <T>(sql: Prisma.Sql) => run<T>(sql.text, sql.values, preparedName(sql.text)), query: (text, values) => run(text, values) };
}

/**
 * A template's text is fixed (its values travel as parameters), so it is parsed and planned once
 * per connection and then only bound and run: PostgreSQL spent more CPU planning the bot's first
 * statement (a CTE of several parts) than running it (0.33 → 0.14 ms per statement, measured).
 * Texts put together from parts (`query`) are not kept. The cap only guards against a caller that
 * builds many variants.
 */
const PREPARED = new Map<string, string>();
const MAX_PREPARED = 500;

function preparedName(text: string): string | undefined {
  let name = PREPARED.get(text);
  if (name === undefined && PREPARED.size < MAX_PREPARED) PREPARED.set(text, (name = `panelbot_${PREPARED.size + 1}`));
  return name;
}

/** Results as Prisma's $queryRaw gives them; the rest as pg parses it (ints, booleans, json, text). */
const PARSERS: Partial<Record<number, (text: string) => unknown>> = {
  [pg.types.builtins.NUMERIC]: (text) => new Prisma.Decimal(text),
  [pg.types.builtins.INT8]: (text) => BigInt(text),
  // timestamp without time zone holds UTC (Prisma's DateTime); pg would read it in the process's zone.
  [pg.types.builtins.TIMESTAMP]: (text) => new Date(`${text.replace(" ", "T")}Z`),
  [pg.types.builtins.DATE]: (text) => new Date(`${text}T00:00:00Z`),
};
const PRISMA_TYPES = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => PARSERS[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

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
