// Before/after of the proposed changes that bench code can apply without editing src/:
// A. two partial indexes for stuck detection (created in the bench database, dropped afterwards);
// B. placement in 2 statements (bench/fixes/proposals.ts) next to placeOrder, same run, same pool.
// C. (status sync batching) is measured inside the sync section, which has the simulators.
import pg from "pg";
import { createDb } from "../../src/db/client.js";
import { placeOrder } from "../../src/orders/place-order.js";
import { buildCategory, buildService, buildUser } from "../../tests/support/factories.js";
import { drive, figure, installStatementCounter, latencySummary, log, statements, type BenchArgs, type Figure } from "../lib/common.js";
import { DROP_STUCK_INDEXES, STUCK_INDEXES, placeOrderTwoStatements } from "../fixes/proposals.js";
import { explainStuckParts, measureStuck } from "./stuck.js";

export async function benchFixes(url: string, args: BenchArgs, extra: Record<string, unknown>): Promise<Figure[]> {
  installStatementCounter();
  const out: Figure[] = [];
  const S = "fixes";
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    // A. Stuck detection.
    for (const sql of DROP_STUCK_INDEXES) await pool.query(sql);
    const before = await measureStuck(url, args.stuckCycles, args.runs);
    for (const sql of STUCK_INDEXES) await pool.query(sql);
    await pool.query(`ANALYZE "Order"`);
    const after = await measureStuck(url, args.stuckCycles, args.runs);
    const parts = await explainStuckParts(pool);
    extra.stuckPartsWithIndexes = Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, v.ms]));
    for (const sql of DROP_STUCK_INDEXES) await pool.query(sql);
    out.push(
      figure(S, "A stuck pass, steady: as shipped", "ms", before.steady, { target: "≤ 100", check: (x) => x <= 100 }),
      figure(S, "A stuck pass, steady: + 2 partial indexes", "ms", after.steady, { target: "≤ 100", check: (x) => x <= 100, note: "bench/fixes/proposals.ts STUCK_INDEXES" }),
      figure(S, "A stuck pass flagging all: as shipped", "ms", before.first),
      figure(S, "A stuck pass flagging all: + indexes", "ms", after.first),
    );
  } finally {
    await pool.end();
  }

  // B. Placement.
  const handle = createDb(url, 10);
  const db = handle.prisma;
  try {
    const provider = await db.provider.findFirstOrThrow({ orderBy: { id: "asc" } });
    const service = await buildService(db, { categoryId: (await buildCategory(db)).id, providerId: provider.id, providerServiceId: "bench-fix-b", price: "100", cost: "60", min: 10, max: 100000 });
    const customers: { id: number }[] = [];
    for (let i = 0; i < args.placementConcurrency; i++) customers.push(await buildUser(db, { balance: "100000000", username: `fix_b_${i}` }));
    let seq = 0;
    const shipped = { rate: [] as number[], p99: [] as number[], stmts: [] as number[] };
    const proposed = { rate: [] as number[], p99: [] as number[], stmts: [] as number[] };
    const once = async (which: "shipped" | "proposed", count: number, record: boolean) => {
      const s0 = statements();
      const r = await drive(Array.from({ length: count }, () => ++seq), args.placementConcurrency, async (i, w) => {
        const input = { userId: customers[w]!.id, serviceId: service.id, link: `https://instagram.com/f${i}`, quantity: 1000, idempotencyKey: `fix-b-${i}` };
        if (which === "shipped") await placeOrder(db, input);
        else if (!(await placeOrderTwoStatements(db, input)).created) throw new Error("replayed");
      });
      if (r.errors.length) throw new Error(`${which} placement failed ${r.errors.length} times: ${String(r.errors[0])}`);
      if (!record) return;
      const target = which === "shipped" ? shipped : proposed;
      target.rate.push(count / (r.wallMs / 1000));
      target.p99.push(latencySummary(r.latencies).p99);
      target.stmts.push((statements() - s0) / count);
    };
    await once("proposed", 100, false);
    await once("shipped", 100, false);
    for (let run = 0; run < args.runs; run++) {
      const order = run % 2 === 0 ? (["shipped", "proposed"] as const) : (["proposed", "shipped"] as const);
      for (const w of order) await once(w, args.orders, true);
      log(`fix B run ${run + 1}: shipped ${shipped.rate.at(-1)!.toFixed(0)}/s, proposed ${proposed.rate.at(-1)!.toFixed(0)}/s`);
    }
    // The ledger still balances for every customer of this test (charge entries = debits).
    const bad = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "Account" a
       WHERE a."userId" = ANY(${customers.map((c) => c.id)}::int[])
         AND a."balance" <> (SELECT COALESCE(sum(e."amount"), 0) FROM "LedgerEntry" e WHERE e."accountId" = a.id)`;
    if (Number(bad[0]?.n ?? 0) !== 0) throw new Error("fix B broke the ledger invariant");
    out.push(
      figure(S, "B placement: placeOrder as shipped", "orders/s", shipped.rate, { note: `${args.placementConcurrency} customers, ${args.orders} orders/run` }),
      figure(S, "B placement: 2-statement version", "orders/s", proposed.rate, { note: "bench/fixes/proposals.ts placeOrderTwoStatements" }),
      figure(S, "B placement p99: shipped", "ms", shipped.p99),
      figure(S, "B placement p99: 2-statement", "ms", proposed.p99),
      figure(S, "B SQL statements/order: shipped", "stmts", shipped.stmts),
      figure(S, "B SQL statements/order: 2-statement", "stmts", proposed.stmts),
    );
  } finally {
    await handle.close();
  }
  return out;
}
