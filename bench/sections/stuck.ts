// 5. Stuck detection over the seeded orders: one detectStuckOrders pass, as the job runs it.
// "first" = a pass that flags everything currently stuck (flags cleared before it); "steady" = the
// passes after it, when nothing new is stuck (what the job does every minute).
import pg from "pg";
import { createDb } from "../../src/db/client.js";
import { detectStuckOrders } from "../../src/stuck/detect-stuck-orders.js";
import { benchDeps, figure, installStatementCounter, log, statements, type BenchArgs, type Figure } from "../lib/common.js";

/** The detector's candidate conditions, one by one, to see which part costs what. */
export const STUCK_PARTS: Record<string, string> = {
  pending_too_long: `SELECT o."id" FROM "Order" o WHERE o."status" = 'PENDING' AND o."createdAt" < now() - interval '30 minutes'`,
  unknown: `SELECT o."id" FROM "Order" o WHERE o."status" = 'UNKNOWN'`,
  manual_in_progress: `SELECT o."id" FROM "Order" o WHERE o."status" = 'IN_PROGRESS' AND o."isManual" AND COALESCE(o."takenAt", o."createdAt") < now() - interval '5 minutes'`,
  no_progress: `SELECT o."id" FROM "Order" o JOIN "Service" s ON s."id" = o."serviceId"
     WHERE o."status" = 'IN_PROGRESS' AND NOT o."isManual"
       AND COALESCE(o."lastProgressAt", o."createdAt") < now()::timestamp - make_interval(mins => COALESCE(s."stuckAfterMinutes", 720))`,
  delivery_unconfirmed: `SELECT o."id" FROM "Order" o
     WHERE o."isManual" AND o."status" = 'COMPLETED' AND o."deliveryNotifiedAt" IS NULL AND o."completedAt" < now() - interval '5 minutes'`,
  counts: `SELECT count(*) FILTER (WHERE "status" IN ('PENDING','SUBMITTING','UNKNOWN','FAILED','IN_PROGRESS')) AS checked,
             count(*) FILTER (WHERE "stuck") AS stuck
        FROM "Order" WHERE "status" IN ('PENDING','SUBMITTING','UNKNOWN','FAILED','IN_PROGRESS') OR "stuck"`,
};

export async function explainStuckParts(pool: pg.Pool): Promise<Record<string, { ms: number; plan: string }>> {
  const out: Record<string, { ms: number; plan: string }> = {};
  for (const [name, sql] of Object.entries(STUCK_PARTS)) {
    const r = await pool.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`);
    const lines = r.rows.map((x) => x["QUERY PLAN"]);
    const ms = Number(lines.find((l) => l.startsWith("Execution Time"))?.match(/([\d.]+) ms/)?.[1] ?? NaN);
    out[name] = { ms, plan: lines.join("\n") };
  }
  return out;
}

export async function measureStuck(url: string, cycles: number, runs: number): Promise<{ first: number[]; steady: number[]; stmts: number; checked: number; stuck: number }> {
  installStatementCounter();
  const handle = createDb(url);
  const deps = benchDeps(handle.prisma);
  const first: number[] = [];
  const steady: number[] = [];
  let stmts = 0;
  let checked = 0;
  let stuck = 0;
  try {
    for (let run = 0; run < runs; run++) {
      await handle.prisma.$executeRawUnsafe(`UPDATE "Order" SET "stuck" = false, "stuckReason" = NULL, "stuckAt" = NULL WHERE "stuck"`);
      let t = performance.now();
      const r = await detectStuckOrders(deps);
      first.push(performance.now() - t);
      checked = r.ordersChecked;
      stuck = r.stuckNow;
      const cycleTimes: number[] = [];
      for (let i = 0; i < cycles; i++) {
        const s0 = statements();
        t = performance.now();
        await detectStuckOrders(deps);
        cycleTimes.push(performance.now() - t);
        stmts = statements() - s0;
      }
      cycleTimes.sort((a, b) => a - b);
      steady.push(cycleTimes[Math.floor(cycleTimes.length / 2)]!);
      log(`stuck run ${run + 1}: first pass ${first.at(-1)!.toFixed(0)} ms (${r.flagged} flagged), steady ${steady.at(-1)!.toFixed(0)} ms`);
    }
  } finally {
    await handle.close();
  }
  return { first, steady, stmts, checked, stuck };
}

export async function benchStuck(url: string, args: BenchArgs, extra: Record<string, unknown>): Promise<Figure[]> {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    const total = Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "Order"`)).rows[0]!.n);
    const m = await measureStuck(url, args.stuckCycles, args.runs);
    const parts = await explainStuckParts(pool);
    extra.stuckParts = Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, v.ms]));
    extra.stuckPlans = Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, v.plan]));
    const S = "5 stuck";
    const note = `${total.toLocaleString("en-US")} orders, ${m.checked.toLocaleString("en-US")} not final, ${m.stuck.toLocaleString("en-US")} stuck`;
    return [
      figure(S, "detection pass (steady, nothing new)", "ms", m.steady, { target: "≤ 100", check: (x) => x <= 100, note }),
      figure(S, "detection pass flagging all stuck", "ms", m.first, { note: "flags cleared before the pass" }),
      figure(S, "SQL statements/pass", "stmts", [m.stmts]),
      ...Object.entries(parts).map(([k, v]) => figure(S, `  part: ${k}`, "ms", [v.ms], { note: "EXPLAIN ANALYZE of the condition alone" })),
    ];
  } finally {
    await pool.end();
  }
}
