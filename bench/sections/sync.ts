// 4. Status sync: N active orders spread over K simulated providers (real HTTP API v2 servers in a
// separate process), synced with pacing off by syncProviderOrders, providers in parallel as
// syncAllProviders does. "moved" = every order has news (start count, status text: one
// applyProviderStatus each); "unchanged" = the pass right after (nothing moved: one updateMany per call).
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { createDb } from "../../src/db/client.js";
import { syncProviderOrders, type ProviderSyncReport } from "../../src/fulfilment/sync-orders.js";
import { applyProviderStatus, applyProviderStatuses } from "../../src/fulfilment/apply-provider-status.js";
import { runLimited } from "../../src/shared/run-limited.js";
import { benchDeps, figure, installStatementCounter, log, statements, type BenchArgs, type Figure } from "../lib/common.js";

const here = dirname(fileURLToPath(import.meta.url));
const MAX_IDS_PER_CALL = 100;

interface SimInfo {
  url: string;
  apiKey: string;
  firstOrderId: number;
  orders: number;
}

export async function benchSync(url: string, args: BenchArgs, extra: Record<string, unknown>): Promise<Figure[]> {
  installStatementCounter();
  const perSim = Math.ceil(args.syncOrders / args.syncProviders);
  const t0 = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", join(here, "..", "servers", "sim-server.ts")], {
    env: {
      ...process.env,
      SIM_COUNT: String(args.syncProviders),
      SIM_ORDERS: String(perSim),
      SIM_MOVED_COUNT: String(args.syncProviders),
      SIM_MOVED_ORDERS: String(Math.ceil(Math.min(args.syncMoved, args.syncOrders) / args.syncProviders)),
      SIM_DONE_COUNT: String(args.syncProviders),
      SIM_DONE_ORDERS: String(Math.ceil(Math.min(args.syncMoved, args.syncOrders) / args.syncProviders)),
    },
    cwd: join(here, "..", ".."),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => void (stderr = (stderr + d.toString()).slice(-4000)));
  const handle = createDb(url);
  const db = handle.prisma;
  try {
    const sims = await new Promise<SimInfo[]>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once("line", (line) => resolve(JSON.parse(line) as SimInfo[]));
      child.once("exit", (code) => reject(new Error(`simulators exited (${code}): ${stderr.trim().split("\n").slice(-3).join(" | ")}`)));
    });
    log(`${args.syncProviders} simulators with ${perSim} orders each (+ ${sims.length - args.syncProviders} holding the moved orders) ready in ${Math.round(performance.now() - t0)} ms`);
    const deps = benchDeps(db, { PROVIDER_BALANCE_CACHE_SECONDS: "600" });
    const category = await db.category.create({ data: { nameBn: "সিঙ্ক", nameEn: "Sync" } });
    const providers = [];
    for (const [k, sim] of sims.entries()) {
      const provider = await db.provider.create({
        data: { name: `bench-sim-${k}-${Date.now()}`, url: sim.url, apiKeyEncrypted: deps.box.seal(sim.apiKey), apiKeyLast4: sim.apiKey.slice(-4), currency: "USD" },
      });
      const service = await db.service.create({
        data: { categoryId: category.id, nameBn: "সিঙ্ক", nameEn: `Sync ${k}`, providerId: provider.id, providerServiceId: "1", providerRate: "0.90", price: "200", cost: "109.8", min: 10, max: 100000 },
      });
      await db.$executeRawUnsafe(
        `INSERT INTO "Order" ("userId","accountId","serviceId","source","status","link","quantity","charge","cost","providerId","providerServiceId",
                              "providerOrderId","providerStatus","startCount","providerCharge","providerCurrency","remains","lastStatusCheck","createdAt","updatedAt")
         WITH c AS (SELECT array_agg(a."userId" ORDER BY a."userId") AS users, array_agg(a.id ORDER BY a."userId") AS accounts
                      FROM "Account" a JOIN "User" u ON u.id = a."userId" WHERE u."username" LIKE 'seed_user_%')
         SELECT c.users[1 + g % array_length(c.users, 1)], c.accounts[1 + g % array_length(c.users, 1)], $1, 'BOT', 'IN_PROGRESS',
                'https://instagram.com/sync_' || g, 1000, 200, 109.8, $2, '1',
                ($3::bigint + g)::text, 'In progress', 1000 + ((($3::bigint + g) * 37) % 9000)::int, 0.9, 'USD', 1000,
                now() - interval '15 minutes', now() - interval '1 hour', now()
           FROM generate_series(0, $4::int - 1) g, c`,
        service.id,
        provider.id,
        sim.firstOrderId,
        sim.orders,
      );
      providers.push(provider);
    }
    // The first K simulators hold the big set; the last K only orders that move in every pass.
    const ids = providers.slice(0, args.syncProviders).map((p) => p.id);
    const movedIds = providers.slice(args.syncProviders, 2 * args.syncProviders).map((p) => p.id);
    const movedTotal = sims.slice(args.syncProviders, 2 * args.syncProviders).reduce((n, s) => n + s.orders, 0);
    const doneIds = providers.slice(2 * args.syncProviders).map((p) => p.id);
    const doneTotal = sims.slice(2 * args.syncProviders).reduce((n, s) => n + s.orders, 0);
    await db.$executeRawUnsafe(`ANALYZE "Order"`);

    // The orders are in the state the last pass left them (as the simulators report them); a
    // pass resets `moved` of them (spread over the providers) to what they were before the
    // provider's news: each of those gets an applyProviderStatus, the rest one updateMany per call.
    const total = sims.slice(0, args.syncProviders).reduce((n, s) => n + s.orders, 0);
    const moveCount = Math.min(args.syncMoved, total);
    const rewind = (on = ids, perProvider = Math.ceil(moveCount / ids.length)) =>
      db.$executeRawUnsafe(
        `UPDATE "Order" o SET "providerStatus" = 'Pending', "startCount" = NULL, "lastProgressAt" = NULL
           FROM (SELECT id, row_number() OVER (PARTITION BY "providerId" ORDER BY id) AS n FROM "Order" WHERE "providerId" = ANY($1::int[])) r
          WHERE o.id = r.id AND r.n <= $2`,
        on,
        perProvider,
      );
    const pass = async (on = ids, expected = total) => {
      const s0 = statements();
      const c0 = process.cpuUsage();
      const t = performance.now();
      const perProvider: number[] = [];
      const reports = await Promise.all(
        on.map(async (id) => {
          const tp = performance.now();
          const r = await syncProviderOrders(deps, id, { paceMs: 0 });
          perProvider.push(performance.now() - tp);
          return r;
        }),
      );
      const wall = performance.now() - t;
      const cpu = process.cpuUsage(c0);
      const checked = reports.reduce((n, r) => n + r.checked, 0);
      const bad = reports.filter((r: ProviderSyncReport) => r.failedCalls > 0 || r.perIdErrors > 0);
      if (bad.length) throw new Error(`sync reported failures: ${JSON.stringify(bad)}`);
      if (checked !== expected) throw new Error(`sync checked ${checked} of ${expected} orders`);
      return { checked, wall, cpuMs: (cpu.user + cpu.system) / 1000, stmts: statements() - s0, perProvider, calls: reports.reduce((n, r) => n + r.calls, 0) };
    };

    const mixed = { rate: [] as number[], cpu: [] as number[] };
    const same = { rate: [] as number[], cpu: [] as number[], stmts: [] as number[] };
    const moved = { rate: [] as number[], cpu: [] as number[], stmts: [] as number[] };
    const paced: number[] = [];
    const pace = deps.config.SYNC_PACE_MS;
    const callsPerProvider = Math.ceil(perSim / MAX_IDS_PER_CALL);
    await pass(); // warm-up (and proof that the seeded state matches the simulators)
    await pass(movedIds, movedTotal);
    // Orders whose provider says Completed, put back to IN_PROGRESS between passes (bench only).
    const reopen = () =>
      db.$executeRawUnsafe(`UPDATE "Order" SET "status" = 'IN_PROGRESS', "completedAt" = NULL, "providerStatus" = 'In progress' WHERE "providerId" = ANY($1::int[])`, doneIds);
    const done = { rate: [] as number[], cpu: [] as number[], stmts: [] as number[], batched: [] as number[], single: [] as number[] };
    const doneOrders = await db.order.findMany({ where: { providerId: { in: doneIds } }, select: { id: true } });
    const completedReport = { status: "completed" as const, raw: "Completed", remains: 0 };
    for (let run = 0; run < args.runs; run++) {
      await rewind();
      const m = await pass();
      const u = await pass();
      mixed.rate.push(m.checked / (m.wall / 1000));
      mixed.cpu.push(m.cpuMs / m.checked);
      same.rate.push(u.checked / (u.wall / 1000));
      same.cpu.push(u.cpuMs / u.checked);
      same.stmts.push(u.stmts / u.checked);
      // The moved orders alone: a pass over the providers holding only orders with news.
      await rewind(movedIds, movedTotal);
      const mv = await pass(movedIds, movedTotal);
      moved.rate.push(movedTotal / (mv.wall / 1000));
      moved.cpu.push(mv.cpuMs / movedTotal);
      moved.stmts.push(mv.stmts / movedTotal);
      // Every order changes status (Completed): the whole pass, then the write path alone, batched
      // (one applyProviderStatuses per 100, as the sync does) and one transaction per order (as before).
      await reopen();
      const dn = await pass(doneIds, doneTotal);
      done.rate.push(doneTotal / (dn.wall / 1000));
      done.cpu.push(dn.cpuMs / doneTotal);
      done.stmts.push(dn.stmts / doneTotal);
      await reopen();
      let t = performance.now();
      for (let i = 0; i < doneOrders.length; i += MAX_IDS_PER_CALL) {
        await applyProviderStatuses(deps, doneOrders.slice(i, i + MAX_IDS_PER_CALL).map((o) => ({ id: o.id, report: completedReport })));
      }
      done.batched.push(doneOrders.length / ((performance.now() - t) / 1000));
      await reopen();
      t = performance.now();
      await runLimited(doneOrders, 8, (o) => applyProviderStatus(deps, o.id, completedReport));
      done.single.push(doneOrders.length / ((performance.now() - t) / 1000));
      // Pacing: each provider's calls are spaced SYNC_PACE_MS apart, providers in parallel.
      paced.push(((callsPerProvider - 1) * pace + Math.max(...m.perProvider)) / 1000);
      log(`sync run ${run + 1}: pass with ${moveCount} moved ${mixed.rate.at(-1)!.toFixed(0)} orders/s (${m.calls} calls, ${(m.wall / 1000).toFixed(1)} s), unchanged ${same.rate.at(-1)!.toFixed(0)} orders/s, moved alone ${moved.rate.at(-1)!.toFixed(0)}/s`);
    }
    // Leave the table as the other sections found it (these orders done).
    await db.$executeRawUnsafe(`UPDATE "Order" SET "status" = 'COMPLETED', "completedAt" = now() WHERE "providerId" = ANY($1::int[])`, [...ids, ...movedIds, ...doneIds]);
    extra.sync = { providers: sims.length, ordersPerProvider: perSim, paceMs: pace };
    const S = "4 sync";
    const note = `${total.toLocaleString("en-US")} orders, ${args.syncProviders} providers, pacing off`;
    return [
      figure(S, `pass with ${moveCount.toLocaleString("en-US")} orders moved`, "orders/s", mixed.rate, { target: "≥ 5000", check: (x) => x >= 5000, note }),
      figure(S, "  Node CPU/order checked", "ms", mixed.cpu, { note: "bench process only; simulators run in another process" }),
      figure(S, "pass with nothing moved", "orders/s", same.rate, { target: "≥ 5000", check: (x) => x >= 5000, note }),
      figure(S, "  Node CPU/order (unchanged)", "ms", same.cpu),
      figure(S, "  SQL statements/order (unchanged)", "stmts", same.stmts),
      figure(S, "pass where every order moved", "orders/s", moved.rate, { target: "≥ 5000", check: (x) => x >= 5000, note: `${movedTotal.toLocaleString("en-US")} orders on ${movedIds.length} more simulators; progress written in one statement per call` }),
      figure(S, "  Node CPU/moved order", "ms", moved.cpu),
      figure(S, "  SQL statements/moved order", "stmts", moved.stmts),
      figure(S, "pass where every order completed", "orders/s", done.rate, { target: "≥ 5000", check: (x) => x >= 5000, note: `${doneTotal.toLocaleString("en-US")} orders on ${doneIds.length} more simulators, all reporting Completed` }),
      figure(S, "  Node CPU/completed order", "ms", done.cpu),
      figure(S, "  SQL statements/completed order", "stmts", done.stmts),
      figure(S, "  status writes batched (applyProviderStatuses per 100)", "orders/s", done.batched, { note: "write path alone, no HTTP" }),
      figure(S, "  status writes one transaction per order (applyProviderStatus × 8)", "orders/s", done.single, { note: "the path before the batch, same orders, same run" }),
      figure(S, "  ratio batched / per order", "×", done.batched.map((v, i) => v / done.single[i]!)),
      figure(S, `wall time with default pacing (${pace} ms)`, "s", paced, { note: `${callsPerProvider} calls per provider, providers in parallel` }),
    ];
  } finally {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
    await handle.close();
  }
}
