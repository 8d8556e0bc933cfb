// The stuck-order detector run by its job over 1,000 orders, and the provider balance check
// (low-balance alert once per drop, auto-resubmit after recovery).
import type { Prisma } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startJobs, type JobEvent } from "../../jobs/runner.js";
import { drainForwardOutbox } from "../../src/fulfilment/drain-forward-outbox.js";
import { placeOrder } from "../../src/orders/place-order.js";
import { checkProviderBalances } from "../../src/fulfilment/check-provider-balances.js";
import { startProviderSimulator, type ProviderSimulator } from "../../src/providers/simulator/index.js";
import { testDeps } from "../support/deps.js";
import { buildService, buildUser } from "../support/factories.js";
import { expectLedgerInvariants } from "../support/ledger-invariants.js";
import { buildSimProvider, buildSimService } from "../support/provider-factories.js";
import { QUIET, sleep, createJobsDatabase } from "./support.js";

describe("stuck detector job and provider balances", () => {
  let database: Awaited<ReturnType<typeof createJobsDatabase>>;
  const sims: ProviderSimulator[] = [];
  beforeAll(async () => {
    database = await createJobsDatabase();
  });
  afterAll(async () => {
    await Promise.all(sims.map((s) => s.close()));
    await database?.drop();
  });

  it("1,000 orders, 37 stuck → the job flags 37 and announces each once; its next runs announce nothing new", async () => {
    const db = database.db.prisma;
    const deps = testDeps(db, { DATABASE_URL: database.url });
    const user = await buildUser(db);
    const auto = await buildService(db);
    const manual = await buildService(db, { mode: "MANUAL" });
    const now = Date.now();
    const ago = (min: number) => new Date(now - min * 60_000);
    const base = { userId: user.id, accountId: user.account.id, link: "https://x.com/stuck", quantity: 100, charge: "1" };
    const rows: Prisma.OrderCreateManyInput[] = [];
    const add = (n: number, o: Partial<Prisma.OrderCreateManyInput>) => {
      for (let i = 0; i < n; i++) rows.push({ ...base, serviceId: auto.id, ...o });
    };
    // 37 stuck, by every reason the detector knows.
    add(10, { status: "PENDING", createdAt: ago(45) });
    add(7, { status: "UNKNOWN", createdAt: ago(3) });
    add(6, { status: "SUBMITTING", leaseUntil: ago(1), createdAt: ago(2) }); // lease expired → UNKNOWN
    add(5, { status: "IN_PROGRESS", isManual: true, serviceId: manual.id, takenAt: ago(20), createdAt: ago(25) });
    add(5, { status: "IN_PROGRESS", providerOrderId: "1", lastProgressAt: ago(13 * 60), createdAt: ago(14 * 60) });
    add(4, { status: "COMPLETED", isManual: true, serviceId: manual.id, completedAt: ago(10), deliveryNotifiedAt: null, createdAt: ago(30) });
    // 963 healthy ones.
    add(300, { status: "COMPLETED", completedAt: ago(60), createdAt: ago(120) });
    add(200, { status: "IN_PROGRESS", providerOrderId: "2", lastProgressAt: ago(10), createdAt: ago(60) });
    add(150, { status: "PENDING", createdAt: ago(1) });
    add(100, { status: "CANCELED", canceledAt: ago(5), createdAt: ago(30) });
    add(100, { status: "PARTIAL", completedAt: ago(5), createdAt: ago(30) });
    add(50, { status: "FAILED", failureReason: "provider_balance", createdAt: ago(40) });
    add(30, { status: "IN_PROGRESS", isManual: true, serviceId: manual.id, takenAt: ago(1), createdAt: ago(2) });
    add(20, { status: "COMPLETED", isManual: true, serviceId: manual.id, completedAt: ago(20), deliveryNotifiedAt: ago(19), createdAt: ago(30) });
    add(13, { status: "SUBMITTING", leaseUntil: new Date(now + 10 * 60_000), createdAt: ago(1) });
    expect(rows).toHaveLength(1000);
    await db.order.createMany({ data: rows });

    const events: JobEvent[] = [];
    const runner = await startJobs(deps, { timings: { ...QUIET, stuckEveryMs: 700, pollMs: 200, lockLifetimeMs: 5_000 }, onEvent: (e) => events.push(e) });
    const runs = () => events.filter((e) => e.name === "detect-stuck-orders" && e.event === "complete").length;
    const stuckAlerts = () => db.outbox.count({ where: { kind: "notify-admin-order", payload: { path: ["event"], equals: "stuck" } } });
    try {
      await expect.poll(runs, { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
      expect(await db.order.count({ where: { stuck: true } })).toBe(37);
      expect(await stuckAlerts()).toBe(37);
      const after = runs();
      await expect.poll(runs, { timeout: 60_000 }).toBeGreaterThanOrEqual(after + 2);
    } finally {
      await runner.stop();
    }
    expect(events.filter((e) => e.event === "fail")).toEqual([]);
    expect(await db.order.count({ where: { stuck: true } })).toBe(37);
    expect(await stuckAlerts()).toBe(37); // later runs: 0 new alerts
    const reasons = await db.order.groupBy({ by: ["stuckReason"], where: { stuck: true }, _count: { _all: true } });
    expect(Object.fromEntries(reasons.map((r) => [r.stuckReason, r._count._all]))).toEqual({
      pending_too_long: 10,
      unknown: 13,
      manual_in_progress: 5,
      no_progress: 5,
      delivery_unconfirmed: 4,
    });
    expect(await db.stuckCheckRun.count()).toBeGreaterThanOrEqual(3);
  }, 180_000);

  async function providerWithSim(balance: string, lowBalanceAlert: string | null) {
    const db = database.db.prisma;
    const sim = await startProviderSimulator({ balance });
    sims.push(sim);
    const deps = testDeps(db, { PROVIDER_BALANCE_CACHE_SECONDS: "0" });
    const provider = await buildSimProvider(db, deps.box, sim, lowBalanceAlert === null ? {} : ({ lowBalanceAlert } as never));
    // Only this provider is active while the test runs: the check goes over every active provider.
    await db.provider.updateMany({ where: { id: { not: provider.id } }, data: { active: false } });
    return { sim, provider };
  }

  const announcements = (providerId: number) =>
    database.db.prisma.outbox.findMany({ where: { kind: "notify-admin-provider", payload: { path: ["providerId"], equals: providerId } }, orderBy: { id: "asc" } });

  it("announces a low balance once per drop below the threshold, and the recovery", async () => {
    const db = database.db.prisma;
    const deps = testDeps(db, { PROVIDER_BALANCE_CACHE_SECONDS: "0" });
    const { sim, provider } = await providerWithSim("50", "100");
    const pass = async () => (await checkProviderBalances(deps)).find((r) => r.providerId === provider.id)!;
    expect(await pass()).toMatchObject({ balance: "50", low: true, announced: "low_balance" });
    expect(await pass()).toMatchObject({ low: true, announced: null });
    // Two passes at once on the same state write one announcement.
    sim.setBalance("30");
    expect((await announcements(provider.id)).length).toBe(1);
    sim.setBalance("500");
    const [r1, r2] = await Promise.all([pass(), pass()]);
    expect([r1!.announced, r2!.announced].filter(Boolean).length).toBeGreaterThanOrEqual(1);
    expect(await pass()).toMatchObject({ low: false, announced: null });
    sim.setBalance("40");
    expect(await pass()).toMatchObject({ low: true, announced: "low_balance" });
    expect(await pass()).toMatchObject({ announced: null });
    const rows = await announcements(provider.id);
    expect(rows.map((r) => (r.payload as { event: string }).event)).toEqual(["low_balance", "balance_recovered", "low_balance"]);
    expect(rows[0]!.payload).toMatchObject({ providerId: provider.id, balance: "50", threshold: "100", currency: "USD" });
    expect((await db.provider.findUniqueOrThrow({ where: { id: provider.id } })).balance?.toString()).toBe("40");
  });

  it("with AUTO_RESUBMIT_ON_BALANCE, resubmits provider_balance failures oldest first while the recovered balance covers them", async () => {
    const db = database.db.prisma;
    const { sim, provider } = await providerWithSim("0.05", null);
    const service = await buildSimService(db, provider);
    const user = await buildUser(db, { balance: "1000" });
    const off = testDeps(db, { PROVIDER_BALANCE_CACHE_SECONDS: "0" });
    const on = testDeps(db, { PROVIDER_BALANCE_CACHE_SECONDS: "0", AUTO_RESUBMIT_ON_BALANCE: "true" });
    const ids: number[] = [];
    for (let i = 0; i < 4; i++) {
      // 100 units at 0.90 per 1000: 0.09 each at the provider.
      ids.push((await placeOrder(testDeps(db), { userId: user.id, serviceId: service.id, link: `https://x.com/auto-resubmit-${i}`, quantity: 100 })).order.id);
      await sleep(5);
    }
    await drainForwardOutbox(off, { orderIds: ids });
    const statuses = async () => (await db.order.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } })).map((o) => `${o.status}${o.failureReason ? `:${o.failureReason}` : ""}`);
    expect(await statuses()).toEqual(Array(4).fill("FAILED:provider_balance"));

    sim.setBalance("0.2");
    // Setting off: nothing moves.
    expect((await checkProviderBalances(off)).find((r) => r.providerId === provider.id)?.resubmitted).toEqual([]);
    // On: the two oldest fit (0.18 of 0.20); the third does not.
    const report = (await checkProviderBalances(on)).find((r) => r.providerId === provider.id)!;
    expect(report.resubmitted).toEqual(ids.slice(0, 2));
    expect(await statuses()).toEqual(["IN_PROGRESS", "IN_PROGRESS", "FAILED:provider_balance", "FAILED:provider_balance"]);
    for (let i = 0; i < 4; i++) expect(sim.ordersForLink(`https://x.com/auto-resubmit-${i}`)).toBe(i < 2 ? 1 : 0);
    const audit = await db.auditLog.findMany({ where: { action: "order.resubmit", entityId: { in: ids.map(String) } } });
    expect(audit).toHaveLength(2);
    // The next pass with no new money resubmits nothing; a top-up at the provider lets the rest go.
    expect((await checkProviderBalances(on)).find((r) => r.providerId === provider.id)?.resubmitted).toEqual([]);
    sim.setBalance("10");
    expect((await checkProviderBalances(on)).find((r) => r.providerId === provider.id)?.resubmitted).toEqual(ids.slice(2));
    expect(await statuses()).toEqual(Array(4).fill("IN_PROGRESS"));
    await expectLedgerInvariants(db, [user.account.id]);
  });
});
