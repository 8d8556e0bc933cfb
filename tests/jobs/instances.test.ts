// Several instances on one database, restarts, and a graceful stop:
// - two instances started together on an empty job store never run the same occurrence twice;
// - however often (and however concurrently) processes restart, each recurring job is one record;
// - SIGTERM lets a running job finish (bounded) and exits 0.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { drainForwardOutbox } from "../../src/fulfilment/drain-forward-outbox.js";
import { placeOrder } from "../../src/orders/place-order.js";
import { startProviderSimulator, type ProviderSimulator } from "../../src/providers/simulator/index.js";
import { testDeps } from "../support/deps.js";
import { buildUser, type UserWithAccount } from "../support/factories.js";
import { buildSimProvider, buildSimService } from "../support/provider-factories.js";
import { QUIET, agendaRecords, sleep, spawnJobProcess, createJobsDatabase, type JobLine, type JobProcess } from "./support.js";

const RECURRING = ["check-provider-balances", "detect-stuck-orders", "forward-order", "refresh-delivery-estimates", "sync-provider-orders"];
/** One record per recurring job, the hourly prune of expired logins included. */
const RECORDS = Object.fromEntries([...RECURRING, "prune-expired-logins"].map((n) => [n, 1]));

describe("job runner instances", () => {
  let sim: ProviderSimulator;
  let database: Awaited<ReturnType<typeof createJobsDatabase>>;
  let user: UserWithAccount;
  let serviceId: number;
  const statusArrivals: number[] = [];
  let statusLatencyMs = 250;

  beforeAll(async () => {
    database = await createJobsDatabase();
    sim = await startProviderSimulator({ balance: "1000000" });
    const db = database.db.prisma;
    const deps = testDeps(db);
    const provider = await buildSimProvider(db, deps.box, sim);
    serviceId = (await buildSimService(db, provider)).id;
    user = await buildUser(db, { balance: "100000" });
    for (let i = 0; i < 3; i++) await placeOrder(testDeps(db), { userId: user.id, serviceId, link: `https://x.com/inst-sync-${i}`, quantity: 100 });
    await drainForwardOutbox(deps);
    // Sync runs take a moment (one status call), so overlapping runs would show.
    sim.fault((req) => {
      if (req.action !== "status") return null;
      statusArrivals.push(Date.now());
      return { kind: "latency", ms: statusLatencyMs };
    });
  });
  afterAll(async () => {
    await sim?.close();
    await database?.drop();
  });

  it("two instances started together on an empty job store: no occurrence runs twice", async () => {
    // The lock lifetime is production's (60 s) so that a CPU-starved test machine cannot make a lock
    // lapse (renewed every third of it) — a lapsed lock would let another instance start the job
    // while it runs. With 10 s this happened once, at load average 18 on 2 cores (a process starved
    // for more than 10 s). The drain bound too: SIGTERM must let a run that a busy machine slows down finish.
    const timings = { forwardEveryMs: 500, syncEveryMs: 700, stuckEveryMs: 600, balanceEveryMs: 900, estimatesEveryMs: 800, lockLifetimeMs: 60_000, pollMs: 200, drainTimeoutMs: 120_000 };
    const every: Record<string, number> = {
      "forward-order": timings.forwardEveryMs,
      "sync-provider-orders": timings.syncEveryMs,
      "detect-stuck-orders": timings.stuckEveryMs,
      "check-provider-balances": timings.balanceEveryMs,
      "refresh-delivery-estimates": timings.estimatesEveryMs,
    };
    const a = spawnJobProcess(database.url, timings);
    const b = spawnJobProcess(database.url, timings);
    await Promise.all([a, b].map((p) => p.waitFor((l) => l.t === "ready", 120_000)));
    const db = database.db.prisma;
    const run = Date.now();
    for (let i = 0; i < 20; i++) {
      await placeOrder(testDeps(db), { userId: user.id, serviceId, link: `https://x.com/inst-${run}-${i}`, quantity: 100 });
      await sleep(300);
    }
    // At least 10 s of both instances competing, and then until there is enough to judge: a loaded
    // machine runs fewer occurrences in 10 s (a run can take seconds).
    await sleep(Math.max(2_000, 10_000 - (Date.now() - run)));
    const completed = (name: string) => [a, b].reduce((n, p) => n + p.lines.filter((l) => l.t === "job" && l.event === "complete" && l.name === name).length, 0);
    const progress = () => ({
      jobsWithFewerThan3Runs: RECURRING.filter((name) => completed(name) < 3),
      instancesWithoutARun: [a, b].filter((p) => !p.lines.some((l) => l.t === "job" && l.event === "complete")).map((p) => p.pid),
      ordersNotForwarded: Array.from({ length: 20 }, (_, i) => `https://x.com/inst-${run}-${i}`).filter((link) => sim.ordersForLink(link) === 0).length,
    });
    await expect.poll(progress, { timeout: 120_000, interval: 250 }).toEqual({ jobsWithFewerThan3Runs: [], instancesWithoutARun: [], ordersNotForwarded: 0 });
    a.kill("SIGTERM");
    b.kill("SIGTERM");
    expect((await a.exited).code).toBe(0);
    expect((await b.exited).code).toBe(0);

    // Every run, per job, from both instances, in start order.
    type Run = { by: number; start: number; end: number };
    const runs: Record<string, Run[]> = {};
    for (const p of [a, b]) {
      const open = new Map<string, number>();
      for (const l of p.lines) {
        if (l.t !== "job" || !l.name) continue;
        if (l.event === "start") open.set(l.name, l.at!);
        else if (l.event === "complete" && open.has(l.name)) {
          (runs[l.name] ??= []).push({ by: p.pid, start: open.get(l.name)!, end: l.at! });
          open.delete(l.name);
        }
      }
      expect(Object.fromEntries(open), `runs of ${p.pid} started and never completed: ${JSON.stringify(p.lines.slice(-6))}`).toEqual({}); // SIGTERM let every started run finish
    }
    const byInstance = new Map<number, number>();
    const minGaps: Record<string, number> = {};
    for (const name of RECURRING) {
      const list = (runs[name] ?? []).sort((x, y) => x.start - y.start);
      expect(list.length, `${name} ran ${list.length} times: ${JSON.stringify(list)}`).toBeGreaterThanOrEqual(3);
      let minGap = Infinity;
      for (let i = 1; i < list.length; i++) {
        // Never two runs at once, and the next occurrence no earlier than one interval later
        // (a run's start line follows its lock by a round trip, hence the tolerance).
        expect(list[i]!.start, `${name}: ${JSON.stringify(list.slice(Math.max(0, i - 2), i + 2))}`).toBeGreaterThanOrEqual(list[i - 1]!.end);
        minGap = Math.min(minGap, list[i]!.start - list[i - 1]!.start);
      }
      expect(minGap).toBeGreaterThanOrEqual(every[name]! * 0.6);
      minGaps[name] = minGap;
      for (const r of list) byInstance.set(r.by, (byInstance.get(r.by) ?? 0) + 1);
    }
    console.info(`[jobs] two instances: runs per instance ${JSON.stringify(Object.fromEntries(byInstance))}, smallest gap between runs of a job ${JSON.stringify(minGaps)} ms`);
    expect(byInstance.size).toBe(2); // both took part
    // Each placed order reached the provider exactly once.
    for (let i = 0; i < 20; i++) expect(sim.ordersForLink(`https://x.com/inst-${run}-${i}`)).toBe(1);
    expect(await agendaRecords(database.db)).toEqual(RECORDS);
  }, 300_000);

  it("10 restarts, some of them simultaneous, some SIGKILLed → exactly one record per recurring job", async () => {
    const timings = { ...QUIET, lockLifetimeMs: 2_000, pollMs: 200 };
    let restarts = 0;
    for (const batch of [2, 1, 2, 1, 2, 2]) {
      const procs: JobProcess[] = Array.from({ length: batch }, () => spawnJobProcess(database.url, timings));
      await Promise.all(procs.map((p) => p.waitFor((l) => l.t === "ready", 30_000)));
      restarts += batch;
      for (const [i, p] of procs.entries()) p.kill(i % 2 === 0 ? "SIGTERM" : "SIGKILL");
      const exits = await Promise.all(procs.map((p) => p.exited));
      exits.forEach((e, i) => expect(i % 2 === 0 ? e.code : e.signal, `${JSON.stringify(e)} ${procs[i]!.output().slice(-2000)}`).toBe(i % 2 === 0 ? 0 : "SIGKILL"));
      expect(await agendaRecords(database.db)).toEqual(RECORDS);
    }
    expect(restarts).toBe(10);
  }, 180_000);

  it("SIGTERM waits for the running sync to finish, then exits 0; past the drain bound it exits anyway", async () => {
    const syncStart = (l: JobLine) => l.t === "job" && l.event === "start" && l.name === "sync-provider-orders";
    /** The sync's events in `proc`'s output from its line `from` on: a finished run shows "complete". */
    const syncEvents = (proc: JobProcess, from: JobLine) => proc.lines.slice(proc.lines.indexOf(from)).filter((l) => l.t === "job" && l.name === "sync-provider-orders").map((l) => l.event);
    // Earlier tests left the sync's next run an hour away.
    await database.db.pool.query(`UPDATE "agenda"."agenda_jobs" SET next_run_at = now() WHERE name = 'sync-provider-orders'`);
    // A drain bound that suffices however slow the machine: the sync (status call held 250 ms) completes before the exit.
    const p = spawnJobProcess(database.url, { ...QUIET, syncEveryMs: 500, lockLifetimeMs: 3_000, pollMs: 200, drainTimeoutMs: 60_000 });
    const started = await p.waitFor(syncStart, 60_000);
    await vi.waitFor(() => expect(statusArrivals.at(-1)).toBeGreaterThanOrEqual(started.at!), { timeout: 30_000 });
    const termAt = Date.now();
    p.kill("SIGTERM");
    const exit = await p.exited;
    expect(exit.code).toBe(0);
    expect(syncEvents(p, started)).toContain("complete");
    expect(p.lines.at(-1)?.t).toBe("stopped");
    const drainMs = Date.now() - termAt;

    // A drain bound shorter than the run: exits after the bound; the run is left to lock expiry.
    // The status call is held far longer than the wait below, and than the 30 s provider timeout
    // that would otherwise end the run: an exit within that wait can only be the bound's.
    statusLatencyMs = 120_000;
    await database.db.pool.query(`UPDATE "agenda"."agenda_jobs" SET next_run_at = now() WHERE name = 'sync-provider-orders'`);
    const q = spawnJobProcess(database.url, { ...QUIET, syncEveryMs: 500, lockLifetimeMs: 3_000, pollMs: 200, drainTimeoutMs: 500 });
    const qStarted = await q.waitFor(syncStart, 60_000);
    await vi.waitFor(() => expect(statusArrivals.at(-1)).toBeGreaterThanOrEqual(qStarted.at!), { timeout: 30_000 });
    const qTermAt = Date.now();
    q.kill("SIGTERM");
    const deadline = new Promise<string>((r) => setTimeout(() => r("still running 25 s after SIGTERM"), 25_000).unref());
    expect(await Promise.race([q.exited.then((e) => `exit ${e.code}`), deadline])).toBe("exit 0");
    const boundedMs = Date.now() - qTermAt;
    expect(syncEvents(q, qStarted)).not.toContain("complete");
    statusLatencyMs = 250;
    console.info(`[jobs] SIGTERM: drained a running sync in ${drainMs} ms; with a 500 ms bound exited after ${boundedMs} ms`);
  }, 180_000);
});
