// 20 SIGKILLs in the middle of a status sync: every time, another instance runs the sync again once
// the killed run's lock has lapsed (interval + lock lifetime + poll interval on an idle machine; the
// gaps are printed, not asserted: a loaded machine stretches them), and the recurring job stays one record.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drainForwardOutbox } from "../../src/fulfilment/drain-forward-outbox.js";
import { placeOrder } from "../../src/orders/place-order.js";
import { startProviderSimulator, type ProviderSimulator } from "../../src/providers/simulator/index.js";
import { testDeps } from "../support/deps.js";
import { buildUser } from "../support/factories.js";
import { buildSimProvider, buildSimService } from "../support/provider-factories.js";
import { QUIET, agendaRecords, sleep, spawnJobProcess, createJobsDatabase, type JobLine, type JobProcess } from "./support.js";

const timings = { ...QUIET, syncEveryMs: 1_000, lockLifetimeMs: 1_500, pollMs: 300 };
const BOUND_MS = timings.syncEveryMs + timings.lockLifetimeMs + timings.pollMs;
/** How long a re-run may take before the test calls it lost: far beyond BOUND_MS, for a CPU-starved machine. */
const DEADLINE_MS = 60_000;

describe("sync job killed mid-run", () => {
  let sim: ProviderSimulator;
  let database: Awaited<ReturnType<typeof createJobsDatabase>>;
  const statusArrivals: number[] = [];

  beforeAll(async () => {
    database = await createJobsDatabase();
    sim = await startProviderSimulator({ balance: "1000000" });
    const db = database.db.prisma;
    const deps = testDeps(db, { PROVIDER_BALANCE_CACHE_SECONDS: "0" });
    const provider = await buildSimProvider(db, deps.box, sim);
    const service = await buildSimService(db, provider);
    const user = await buildUser(db, { balance: "10000" });
    for (let i = 0; i < 5; i++) await placeOrder(testDeps(db), { userId: user.id, serviceId: service.id, link: `https://x.com/sync-kill-${i}`, quantity: 100 });
    await drainForwardOutbox(deps);
    expect(await db.order.count({ where: { status: "IN_PROGRESS" } })).toBe(5);
    // Every status call takes a while: a sync whose status call has arrived is "in the middle".
    sim.fault((req) => {
      if (req.action !== "status") return null;
      statusArrivals.push(Date.now());
      return { kind: "latency", ms: 1_000 };
    });
  });
  afterAll(async () => {
    await sim?.close();
    await database?.drop();
  });

  it("another instance runs the sync again after each of 20 kills", async () => {
    // Three instances, so that a warm one is always there to take over while a replacement boots:
    // the gap measured is the job's recovery, not a process start.
    const procs: JobProcess[] = [0, 1, 2].map(() => spawnJobProcess(database.url, timings));
    await Promise.all(procs.map((p) => p.waitFor((l) => l.t === "ready", 120_000)));
    const gaps: number[] = [];
    const syncStart = (l: JobLine) => l.t === "job" && l.event === "start" && l.name === "sync-provider-orders";
    const nextStart = async (among: JobProcess[], marks: Map<JobProcess, number>, timeoutMs: number) =>
      Promise.any(among.map((p) => p.waitFor(syncStart, timeoutMs, marks.get(p)).then((l) => ({ proc: p, index: p.lines.indexOf(l), at: l.at! }))));
    // The run in progress: who runs it and where its start line is.
    let current = await nextStart(procs, new Map(procs.map((p) => [p, p.lines.length])), 30_000);
    const finished = (c: typeof current) => c.proc.lines.slice(c.index).some((l) => l.t === "job" && l.event !== "start" && l.name === "sync-provider-orders");
    for (let kill = 0; kill < 20; ) {
      const others = procs.filter((p) => p !== current.proc);
      await Promise.any(others.map((p) => p.waitFor((l) => l.t === "ready", 120_000)));
      // Kill once this run's status call is at the provider (its reply takes 1 s), at a random moment.
      for (let i = 0; i < 150 && !statusArrivals.some((t) => t >= current.at) && !finished(current); i++) await sleep(20);
      await sleep(Math.floor(Math.random() * 300));
      const arrival = statusArrivals.find((t) => t >= current.at);
      if (finished(current) || arrival === undefined || Date.now() - arrival > 700) {
        // Missed it (a slow machine): take the next run instead.
        current = await nextStart(procs, new Map(procs.map((p) => [p, p.lines.length])), 30_000);
        continue;
      }
      kill += 1;
      const victim = current.proc;
      const marks = new Map(others.map((p) => [p, p.lines.length]));
      victim.kill("SIGKILL");
      const killedAt = Date.now();
      await victim.exited;
      // The killed run never finished.
      expect(victim.lines.slice(current.index).filter((l) => l.t === "job" && l.name === "sync-provider-orders").map((l) => l.event)).not.toContain("complete");
      current = await nextStart(others, marks, DEADLINE_MS).catch(() => {
        throw new Error(`no sync run within ${DEADLINE_MS} ms of kill ${kill}; the others' last lines: ${JSON.stringify(others.map((p) => p.lines.slice(-3)))}`);
      });
      gaps.push(current.at - killedAt);
      procs.splice(procs.indexOf(victim), 1);
      procs.push(spawnJobProcess(database.url, timings)); // boots while the next run goes on
    }
    procs.forEach((p) => p.kill("SIGKILL"));
    console.info(`[jobs] sync re-run after SIGKILL: max ${Math.max(...gaps)} ms, mean ${Math.round(gaps.reduce((a, b) => a + b, 0) / gaps.length)} ms (idle-machine bound ${BOUND_MS} ms)`);
    expect(gaps).toHaveLength(20);
    expect((await agendaRecords(database.db))["sync-provider-orders"]).toBe(1);
  }, 600_000);
});
