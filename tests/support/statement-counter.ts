// Counts the SQL statements this process sends: every statement, in a transaction or not, goes
// through pg's Client#query (Pool#query checks a client out and calls it).
import pg from "pg";

export interface StatementCounter {
  /** Statements since the last reset, first line of each. */
  readonly statements: string[];
  reset(): void;
  stop(): void;
}

export function countStatements(): StatementCounter {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  const statements: string[] = [];
  proto.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0];
    const text = typeof first === "string" ? first : String((first as { text?: unknown } | undefined)?.text ?? "?");
    statements.push(text.replace(/\s+/g, " ").trim().slice(0, 120));
    return original.apply(this, args);
  };
  return {
    statements,
    reset: () => void statements.splice(0),
    stop: () => void (proto.query = original),
  };
}
