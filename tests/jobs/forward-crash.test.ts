// 50 SIGKILLs at random points of forwarding (claim, balance check, `add` in flight, recording the
// answer): no order reaches the provider twice, and after the lease-expiry pass no order is left
// SUBMITTING — those the provider may have taken become UNKNOWN, never re-sent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drainForwardOutbox } from "../../src/fulfilment/drain-forward-outbox.js";
import { expireSubmittingLeases } from "../../src/fulfilment/expire-leases.js";
import { placeOrder } from "../../src/orders/place-order.js";
import { runLimited } from "../../src/shared/run-limited.js";
import { startProviderSimulator, type ProviderSimulator } from "../../src/providers/simulator/index.js";
import { testDeps } from "../support/deps.js";
import { buildUser, type UserWithAccount } from "../support/factories.js";
import { expectLedgerInvariants } from "../support/ledger-invariants.js";
import { buildSimProvider, buildSimService } from "../support/provider-factories.js";
import { QUIET, agendaRecords, sleep, spawnJobProcess, createJobsDatabase, type JobLine } from "./support.js";

// A timeout no loaded machine reaches for a reply held at most 260 ms (a timeout while connecting
// would count as "not sent" and be retried); the lease must outlast it.
const env = { SUBMIT_LEASE_SECONDS: "30", PROVIDER_TIMEOUT_MS: "20000", FORWARD_RETRY_DELAYS: "0,0,0" };
const timings = { ...QUIET, forwardEveryMs: 200, lockLifetimeMs: 1_000, pollMs: 200 };
const KILLS = 50;
const PER_ROUND = 10;

describe("forwarding killed at random points", () => {
  let sim: ProviderSimulator;
  let database: Awaited<ReturnType<typeof createJobsDatabase>>;
  let user: UserWithAccount;
  let serviceId: number;
  const addArrivals: number[] = [];

  beforeAll(async () => {
    database = await createJobsDatabase();
    sim = await startProviderSimulator({ balance: "1000000" });
    const db = database.db.prisma;
    const deps = testDeps(db, env);
    const provider = await buildSimProvider(db, deps.box, sim);
    serviceId = (await buildSimService(db, provider)).id;
    user = await buildUser(db, { balance: "1000000" });
    // Each `add` takes a random while, so kills land before, during and after it.
    sim.fault((req) => {
      if (req.action !== "add") return null;
      addArrivals.push(Date.now());
      return { kind: "latency", ms: 10 + Math.floor(Math.random() * 250) };
    });
  });
  afterAll(async () => {
    await sim?.close();
    await database?.drop();
  });

  it(`${KILLS} kills → 0 duplicates at the provider, nothing left SUBMITTING, money intact`, async () => {
    const db = database.db.prisma;
    const run = Date.now();
    let placed = 0;
    const place = async (n: number) => {
      const links = Array.from({ length: n }, () => `https://x.com/fk-${run}-${placed++}`);
      await runLimited(links, 5, (link) => placeOrder(testDeps(db), { userId: user.id, serviceId, link, quantity: 100 }));
    };
    const forwardStart = (l: JobLine) => l.t === "job" && l.event === "start" && l.name === "forward-order";
    // Three instances: while a replacement boots, a warm one takes over.
    const procs = [0, 1, 2].map(() => spawnJobProcess(database.url, timings, env));
    await Promise.all(procs.map((p) => p.waitFor((l) => l.t === "ready", 120_000)));
    let killsWithSubmitting = 0;
    let killsDuringAdd = 0;
    /** The instance whose forwarding run is in progress (its last forward-order line is a start). */
    const running = () =>
      procs.find((p) => {
        const mine = p.lines.filter((l) => l.t === "job" && l.name === "forward-order");
        return p.alive() && mine.at(-1)?.event === "start";
      });
    for (let kill = 0; kill < KILLS; kill++) {
      // A warm instance to carry on after the kill (a replacement may still be booting).
      await Promise.any(procs.map((p) => p.waitFor((l) => l.t === "ready", 120_000)));
      const placedFrom = Date.now();
      await place(PER_ROUND);
      // Forwarding of this batch is under way once an `add` arrived; then a random moment later.
      for (let i = 0; i < 500 && !addArrivals.some((t) => t >= placedFrom); i++) await sleep(20);
      await sleep(Math.floor(Math.random() * 400));
      let victim = running();
      if (!victim) {
        const marks = new Map(procs.map((p) => [p, p.lines.length]));
        victim = await Promise.any(procs.map((p) => p.waitFor(forwardStart, 60_000, marks.get(p)).then(() => p)));
        await sleep(Math.floor(Math.random() * 200));
      }
      const addsBefore = addArrivals.length;
      victim.kill("SIGKILL");
      await victim.exited;
      if (addArrivals.slice(0, addsBefore).some((t) => t >= placedFrom)) killsDuringAdd += 1;
      if ((await db.order.count({ where: { status: "SUBMITTING" } })) > 0) killsWithSubmitting += 1;
      procs.splice(procs.indexOf(victim), 1);
      procs.push(spawnJobProcess(database.url, timings, env));
    }
    // A last instance works through what is due, then stops gracefully.
    const last = procs[0]!;
    await last.waitFor((l) => l.t === "ready", 120_000);
    await sleep(2_000);
    for (const p of procs) p.kill(p === last ? "SIGTERM" : "SIGKILL");
    expect(await last.exited).toMatchObject({ code: 0 });

    // Lease expiry and outbox-lock expiry (lease + 30 s), without waiting for them: a clock ten minutes ahead.
    const later = testDeps(db, env, () => new Date(Date.now() + 600_000));
    const expired = await expireSubmittingLeases(later);
    for (let i = 0; i < 20 && (await drainForwardOutbox(later, { limit: 500, concurrency: 20 })) > 0; i++);

    const orders = await db.order.findMany({ where: { link: { startsWith: `https://x.com/fk-${run}-` } }, select: { id: true, link: true, status: true, providerOrderId: true } });
    expect(orders).toHaveLength(KILLS * PER_ROUND);
    const atSim = sim.orders().filter((o) => o.link.startsWith(`https://x.com/fk-${run}-`));
    const perLink = new Map<string, number>();
    for (const o of atSim) perLink.set(o.link, (perLink.get(o.link) ?? 0) + 1);
    const duplicates = [...perLink.values()].filter((n) => n > 1).length;
    const byStatus: Record<string, number> = {};
    for (const o of orders) byStatus[o.status] = (byStatus[o.status] ?? 0) + 1;
    console.info(
      `[jobs] forwarding under ${KILLS} SIGKILLs: ${orders.length} orders ${JSON.stringify(byStatus)}, ${atSim.length} at the provider, ` +
        `duplicates ${duplicates}, kills with an order SUBMITTING ${killsWithSubmitting}, kills after an add was sent ${killsDuringAdd}, ` +
        `leases expired by the final pass ${expired.length}`,
    );
    expect(duplicates).toBe(0);
    expect(byStatus.SUBMITTING ?? 0).toBe(0);
    expect(byStatus.PENDING ?? 0).toBe(0);
    expect((byStatus.IN_PROGRESS ?? 0) + (byStatus.UNKNOWN ?? 0)).toBe(orders.length);
    // Every IN_PROGRESS order is the provider's order for its link; UNKNOWN ones reached it at most once.
    for (const o of orders) {
      if (o.status === "IN_PROGRESS") {
        expect(perLink.get(o.link)).toBe(1);
        expect(sim.order(o.providerOrderId!)?.link).toBe(o.link);
      } else expect(perLink.get(o.link) ?? 0).toBeLessThanOrEqual(1);
    }
    expect(killsWithSubmitting).toBeGreaterThan(0);
    expect((await agendaRecords(database.db))["forward-order"]).toBe(1);
    await expectLedgerInvariants(db, [user.account.id]);
  }, 900_000);
});
