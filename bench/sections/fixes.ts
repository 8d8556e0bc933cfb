// Before/after of a proposed change that bench code can apply without editing src/:
// A. two partial indexes for stuck detection (created in the bench database, dropped afterwards).
import pg from "pg";
import { figure, installStatementCounter, type BenchArgs, type Figure } from "../lib/common.js";
import { DROP_STUCK_INDEXES, STUCK_INDEXES } from "../fixes/proposals.js";
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

  return out;
}
