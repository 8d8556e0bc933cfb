import { expect } from "vitest";
import type { Db } from "../../src/db/client.js";

/**
 * The money invariants, each checked in one SQL statement (one snapshot, so concurrent test
 * files cannot make them flicker). Returns the violations found; `expectLedgerInvariants` fails on any.
 */
export async function ledgerViolations(db: Db, accountIds?: number[]): Promise<string[]> {
  const scope = accountIds ? `AND a.id = ANY(ARRAY[${accountIds.map(Number).join(",") || "0"}]::int[])` : "";
  const orderScope = accountIds ? `AND o."accountId" = ANY(ARRAY[${accountIds.map(Number).join(",") || "0"}]::int[])` : "";
  const checks: [string, string][] = [
    ["balance differs from the sum of its ledger entries", `
      SELECT a.id::text AS id FROM "Account" a
      LEFT JOIN "LedgerEntry" e ON e."accountId" = a.id
      WHERE true ${scope}
      GROUP BY a.id HAVING a.balance <> COALESCE(SUM(e.amount), 0)`],
    ["balance below its floor", `
      SELECT a.id::text AS id FROM "Account" a WHERE a.balance < -a."creditLimit" ${scope}`],
    ["balanceAfter does not follow the running sum", `
      SELECT x.id::text AS id FROM (
        SELECT e.id, e."balanceAfter", SUM(e.amount) OVER (PARTITION BY e."accountId" ORDER BY e.id) AS running
        FROM "LedgerEntry" e JOIN "Account" a ON a.id = e."accountId" WHERE true ${scope}) x
      WHERE x."balanceAfter" <> x.running`],
    ["order without exactly one charge equal to its price", `
      SELECT o.id::text AS id FROM "Order" o
      LEFT JOIN "LedgerEntry" e ON e."orderId" = o.id AND e.kind = 'ORDER_CHARGE'
      WHERE true ${orderScope}
      GROUP BY o.id HAVING (o.charge > 0 AND (COUNT(e.id) <> 1 OR SUM(e.amount) <> -o.charge)) OR (o.charge = 0 AND COUNT(e.id) <> 0)`],
    ["refund above the charge or not matching the order", `
      SELECT o.id::text AS id FROM "Order" o
      LEFT JOIN "LedgerEntry" e ON e."orderId" = o.id AND e.kind = 'REFUND'
      WHERE true ${orderScope}
      GROUP BY o.id HAVING COUNT(e.id) > 1 OR COALESCE(SUM(e.amount), 0) > o.charge OR COALESCE(SUM(e.amount), 0) <> o.refunded`],
    ["top-up credited other than once when approved", `
      SELECT t.id::text AS id FROM "TopUp" t
      LEFT JOIN "LedgerEntry" e ON e."topUpId" = t.id AND e.kind = 'TOPUP'
      WHERE true ${accountIds ? `AND t."accountId" = ANY(ARRAY[${accountIds.map(Number).join(",") || "0"}]::int[])` : ""}
      GROUP BY t.id HAVING (t.status = 'APPROVED' AND (COUNT(e.id) <> 1 OR SUM(e.amount) <> t.amount)) OR (t.status <> 'APPROVED' AND COUNT(e.id) <> 0)`],
  ];
  const found: string[] = [];
  for (const [name, sql] of checks) {
    const rows = await db.$queryRawUnsafe<{ id: string }[]>(sql);
    if (rows.length) found.push(`${name}: ${rows.map((r) => r.id).slice(0, 10).join(", ")}`);
  }
  return found;
}

export async function expectLedgerInvariants(db: Db, accountIds?: number[]): Promise<void> {
  expect(await ledgerViolations(db, accountIds)).toEqual([]);
}
