import type { Tx } from "./client.js";

/**
 * Inserts many rows in one statement: they travel as a single JSON parameter, read back with the
 * table's own column types (json_populate_recordset), so there is one round trip and no parameter
 * limit. Columns not given take their defaults. `table` and the column names come from code, never
 * from input. Returns the `returning` columns of the new rows.
 */
export async function bulkInsert<R extends object = Record<string, never>>(tx: Tx, table: string, rows: readonly Record<string, unknown>[], returning: readonly string[] = []): Promise<R[]> {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]!).map((c) => `"${c}"`).join(", ");
  const json = JSON.stringify(rows, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
  const back = returning.length ? ` RETURNING ${returning.map((c) => `"${c}"`).join(", ")}` : "";
  return tx.$queryRawUnsafe<R[]>(`INSERT INTO "${table}" (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::"${table}", $1::json)${back}`, json);
}
