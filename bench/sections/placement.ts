// 1. Order placement: N concurrent customers through placeOrder (idempotency check, customer and
// service reads, one transaction: order row, outbox hand-off, conditional debit, ledger entry),
// against the same transaction written by hand with pg, in the same run.
import pg from "pg";
import { createDb } from "../../src/db/client.js";
import { Decimal } from "../../src/money/decimal.js";
import { placeOrder } from "../../src/orders/place-order.js";
import { buildCategory, buildService, buildUser } from "../../tests/support/factories.js";
import { drive, figure, installStatementCounter, latencySummary, log, statements, type BenchArgs, type Figure } from "../lib/common.js";
import { testDeps } from "../../tests/support/deps.js";

const POOL = 10; // what src/app.ts gets from createDb(url)

export async function benchPlacement(url: string, args: BenchArgs): Promise<Figure[]> {
  installStatementCounter();
  const handle = createDb(url, POOL);
  const db = handle.prisma;
  const raw = new pg.Pool({ connectionString: url, max: POOL });
  try {
    const provider = await db.provider.findFirstOrThrow({ orderBy: { id: "asc" } });
    const service = await buildService(db, { categoryId: (await buildCategory(db)).id, providerId: provider.id, providerServiceId: "bench-placement", price: "100", cost: "60", min: 10, max: 100000 });
    const customers: { id: number }[] = [];
    for (let i = 0; i < args.placementConcurrency; i++) customers.push(await buildUser(db, { balance: "100000000", username: `placement_${i}` }));

    // Built once, as the app does: building deps per order (config parse, logger) cost ~0.3 ms of CPU.
    const deps = testDeps(db);
    const useCase = { rate: [] as number[], p50: [] as number[], p99: [] as number[], stmts: [] as number[], cpu: [] as number[] };
    const hand = { rate: [] as number[], p50: [] as number[], p99: [] as number[], stmts: [] as number[], cpu: [] as number[] };
    const cpuMs = () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };
    let seq = 0;
    const items = () => Array.from({ length: args.orders }, () => ++seq);

    const runUseCase = async () => {
      const before = statements();
      const cpu0 = cpuMs();
      const r = await drive(items(), args.placementConcurrency, async (i, w) => {
        const c = customers[w]!;
        const placed = await placeOrder(deps, { userId: c.id, serviceId: service.id, link: `https://instagram.com/p${i}`, quantity: 1000, idempotencyKey: `bench-${i}` });
        if (!placed.created) throw new Error("replayed");
      });
      if (r.errors.length) throw new Error(`placeOrder failed ${r.errors.length} times: ${String(r.errors[0])}`);
      const l = latencySummary(r.latencies);
      useCase.rate.push(args.orders / (r.wallMs / 1000));
      useCase.p50.push(l.p50);
      useCase.p99.push(l.p99);
      useCase.stmts.push((statements() - before) / args.orders);
      useCase.cpu.push((cpuMs() - cpu0) / args.orders);
    };

    const runRaw = async () => {
      const before = statements();
      const cpu0 = cpuMs();
      const r = await drive(items(), args.placementConcurrency, async (i, w) => {
        await rawPlace(raw, { userId: customers[w]!.id, serviceId: service.id, link: `https://instagram.com/p${i}`, quantity: 1000, idempotencyKey: `bench-${i}` });
      });
      if (r.errors.length) throw new Error(`raw placement failed ${r.errors.length} times: ${String(r.errors[0])}`);
      const l = latencySummary(r.latencies);
      hand.rate.push(args.orders / (r.wallMs / 1000));
      hand.p50.push(l.p50);
      hand.p99.push(l.p99);
      hand.stmts.push((statements() - before) / args.orders);
      hand.cpu.push((cpuMs() - cpu0) / args.orders);
    };

    // Warm both paths (connections, Prisma's query plans) before measuring.
    const warm = args.orders;
    args.orders = Math.min(200, warm);
    await runUseCase();
    await runRaw();
    args.orders = warm;
    for (const k of [useCase, hand]) for (const a of Object.values(k)) a.length = 0;

    for (let run = 0; run < args.runs; run++) {
      // Alternate the order so neither side always runs on a warmer (or more bloated) table.
      if (run % 2 === 0) {
        await runUseCase();
        await runRaw();
      } else {
        await runRaw();
        await runUseCase();
      }
      log(`placement run ${run + 1}: use-case ${useCase.rate.at(-1)!.toFixed(0)}/s, raw ${hand.rate.at(-1)!.toFixed(0)}/s`);
    }
    const ratio = useCase.rate.map((r, i) => r / hand.rate[i]!);
    const S = "1 placement";
    const c = `${args.placementConcurrency} customers, ${args.orders} orders/run, pool ${POOL}`;
    return [
      figure(S, "placeOrder use-case", "orders/s", useCase.rate, { note: c }),
      figure(S, "placeOrder p50", "ms", useCase.p50),
      figure(S, "placeOrder p99", "ms", useCase.p99),
      figure(S, "placeOrder SQL statements/order", "stmts", useCase.stmts),
      figure(S, "placeOrder Node CPU/order", "ms", useCase.cpu),
      figure(S, "raw SQL (pg), same transaction", "orders/s", hand.rate, { note: c }),
      figure(S, "raw SQL p50", "ms", hand.p50),
      figure(S, "raw SQL p99", "ms", hand.p99),
      figure(S, "raw SQL statements/order", "stmts", hand.stmts),
      figure(S, "raw SQL Node CPU/order", "ms", hand.cpu),
      figure(S, "ratio panelbot / raw", "×", ratio, { target: "≥ 0.9", check: (m) => m >= 0.9 }),
    ];
  } finally {
    await raw.end();
    await handle.close();
  }
}

/**
 * What placeOrder does, by hand: the idempotency lookup, the customer and the service in one read,
 * then BEGIN; order row; outbox hand-off; conditional debit; ledger entry; COMMIT.
 */
async function rawPlace(pool: pg.Pool, input: { userId: number; serviceId: number; link: string; quantity: number; idempotencyKey: string }): Promise<number> {
  const c = await pool.connect();
  try {
    const read = await c.query<{ earlier: number | null; blocked: boolean; accountId: number; price: string; cost: string | null; active: boolean; providerId: number | null; providerServiceId: string | null; min: number; max: number }>(
      `SELECT (SELECT o.id FROM "Order" o WHERE o."userId" = $1 AND o."idempotencyKey" = $2) AS earlier,
              u."blocked", a.id AS "accountId", s."price"::text AS price, s."cost"::text AS cost, s."active" AND cat."active" AS active,
              s."providerId", s."providerServiceId", s."min", s."max"
         FROM "User" u JOIN "Account" a ON a."userId" = u.id, "Service" s JOIN "Category" cat ON cat.id = s."categoryId"
        WHERE u.id = $1 AND s.id = $3`,
      [input.userId, input.idempotencyKey, input.serviceId],
    );
    const r = read.rows[0];
    if (!r || r.blocked || !r.active) throw new Error("not orderable");
    if (r.earlier) return r.earlier;
    if (input.quantity < r.min || input.quantity > r.max) throw new Error("quantity");
    const charge = new Decimal(r.price).times(input.quantity).div(1000).toDecimalPlaces(4, Decimal.ROUND_HALF_UP);
    const cost = r.cost === null ? null : new Decimal(r.cost).times(input.quantity).div(1000).toDecimalPlaces(4, Decimal.ROUND_HALF_UP);
    await c.query("BEGIN");
    try {
      const order = await c.query<{ id: number }>(
        `INSERT INTO "Order" ("userId","accountId","serviceId","source","link","quantity","charge","cost","idempotencyKey","providerId","providerServiceId","updatedAt")
         VALUES ($1,$2,$3,'BOT',$4,$5,$6,$7,$8,$9,$10,now()) RETURNING *`,
        [input.userId, r.accountId, input.serviceId, input.link, input.quantity, charge.toString(), cost?.toString() ?? null, input.idempotencyKey, r.providerId, r.providerServiceId],
      );
      const orderId = order.rows[0]!.id;
      await c.query(`INSERT INTO "Outbox" ("kind","payload","orderId","availableAt") VALUES ('forward-order', $1, $2, now())`, [{ orderId }, orderId]);
      const debit = await c.query<{ balance: string }>(
        `UPDATE "Account" SET "balance" = "balance" - $1::numeric, "updatedAt" = now()
          WHERE "id" = $2 AND "balance" - $1::numeric >= -"creditLimit" RETURNING "balance"::text AS balance`,
        [charge.toString(), r.accountId],
      );
      if (!debit.rows[0]) throw new Error("insufficient balance");
      await c.query(
        `INSERT INTO "LedgerEntry" ("accountId","kind","amount","balanceAfter","orderId") VALUES ($1,'ORDER_CHARGE',$2,$3,$4)`,
        [r.accountId, charge.negated().toString(), debit.rows[0].balance, orderId],
      );
      await c.query("COMMIT");
      return orderId;
    } catch (error) {
      await c.query("ROLLBACK").catch(() => {});
      throw error;
    }
  } finally {
    c.release();
  }
}
