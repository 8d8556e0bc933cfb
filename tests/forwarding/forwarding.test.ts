import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drainForwardOutbox } from "../../src/fulfilment/drain-forward-outbox.js";
import { forwardOrder } from "../../src/fulfilment/forward-order.js";
import { cancelOrder } from "../../src/orders/cancel-order.js";
import { placeOrder } from "../../src/orders/place-order.js";
import { reconcileUnknownOrder } from "../../src/fulfilment/reconcile-unknown.js";
import { resubmitOrder, resubmitOrders } from "../../src/fulfilment/resubmit-orders.js";
import { closedPortUrl, startProviderSimulator, type ProviderSimulator } from "../../src/providers/simulator/index.js";
import { DomainError, InvalidStateError } from "../../src/shared/errors.js";
import { runLimited } from "../../src/shared/run-limited.js";
import { REPLY_WAIT_MS, testDeps } from "../support/deps.js";
import { countBy } from "../support/count-by.js";
import { buildUser } from "../support/factories.js";
import { expectLedgerInvariants } from "../support/ledger-invariants.js";
import { buildSimProvider, buildSimService } from "../support/provider-factories.js";
import { useTestDb } from "../support/test-db.js";

const { prisma: db } = await useTestDb(30);
// Replies that come are waited for (REPLY_WAIT_MS): however busy the machine, never taken for lost ones.
const deps = testDeps(db, { PROVIDER_TIMEOUT_MS: REPLY_WAIT_MS, FORWARD_RETRY_DELAYS: "0,0,0", PROVIDER_BALANCE_CACHE_SECONDS: "60" });
// Only for `add`s the simulator holds and never answers: the outcome is a timeout at any speed, so
// the timeout just bounds the wait (it still leaves seconds to connect on a CPU-starved machine).
const held = testDeps(db, { PROVIDER_TIMEOUT_MS: "5000", FORWARD_RETRY_DELAYS: "0,0,0", PROVIDER_BALANCE_CACHE_SECONDS: "60" });
const admin = { label: "telegram:1", isAdmin: true };
let sim: ProviderSimulator;

beforeAll(async () => {
  sim = await startProviderSimulator({ balance: "1000000" });
});
afterAll(() => sim.close());

async function setup(balance = "100000") {
  sim.clearFaults();
  const provider = await buildSimProvider(db, deps.box, sim);
  const service = await buildSimService(db, provider);
  const user = await buildUser(db, { balance });
  return { provider, service, user };
}

/** This file's orders only: other files share the database and leave their own hand-offs. */
const mine: number[] = [];

async function place(userId: number, serviceId: number, link: string, quantity = 100) {
  const { order } = await placeOrder(testDeps(db), { userId, serviceId, link, quantity });
  mine.push(order.id);
  return order;
}

/**
 * Drains until no forwarding work is due (retries after "not sent" are due at once with delays 0).
 * Held `add`s go with `held` and a concurrency that sends them all at once: one timeout's wait.
 */
async function drainAll(using = deps, orderIds: readonly number[] = mine, concurrency = 25) {
  for (let i = 0; i < 50; i++) {
    if ((await drainForwardOutbox(using, { limit: 500, concurrency, orderIds })) === 0) return;
  }
  throw new Error("outbox did not drain");
}

async function statusCounts(ids: number[]) {
  const rows = await db.order.groupBy({ by: ["status", "failureReason"], where: { id: { in: ids } }, _count: { _all: true } });
  return Object.fromEntries(rows.map((r) => [`${r.status}${r.failureReason ? `:${r.failureReason}` : ""}`, r._count._all]));
}

describe("forwarding", () => {
  it("sends a placed order once and records the provider order id and every call with the key masked", async () => {
    const { user, service } = await setup();
    const link = `https://x.com/fwd-${Date.now()}`;
    const order = await place(user.id, service.id, link);
    await drainAll();
    const after = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(after.status).toBe("IN_PROGRESS");
    expect(sim.order(after.providerOrderId!)).toMatchObject({ link, quantity: 100 });
    expect(sim.ordersForLink(link)).toBe(1);
    const calls = await db.providerCall.findMany({ where: { orderId: order.id } });
    expect(calls.map((c) => c.action)).toEqual(["add"]);
    expect(JSON.stringify(calls, (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toContain(sim.apiKey);
    expect((calls[0]!.request as Record<string, string>).key).toBe(`****${sim.apiKey.slice(-4)}`);
    expect(await forwardOrder(deps, order.id)).toMatchObject({ status: "IN_PROGRESS" });
    expect(sim.ordersForLink(link)).toBe(1);
  });

  it("100 orders answered after the client timeout, having committed → 100 at the provider, 0 re-sends, 100 UNKNOWN, 0 refunds", async () => {
    const { user, service } = await setup();
    const prefix = `https://x.com/late-${Date.now()}-`;
    sim.fault({ action: "add", times: Infinity, kind: "timeout_after_commit", when: (r) => r.fields.link?.startsWith(prefix) ?? false });
    const before = sim.orderCount();
    const ids: number[] = [];
    for (let i = 0; i < 100; i++) ids.push((await place(user.id, service.id, `${prefix}${i}`)).id);
    const addsBefore = sim.callCount("add");
    await drainAll(held, ids, 100);
    await drainAll();
    expect(sim.orderCount() - before).toBe(100);
    expect(sim.callCount("add") - addsBefore).toBe(100);
    for (let i = 0; i < 100; i++) expect(sim.ordersForLink(`${prefix}${i}`)).toBe(1);
    expect(await statusCounts(ids)).toEqual({ "UNKNOWN:unknown": 100 });
    expect(await db.ledgerEntry.count({ where: { orderId: { in: ids }, kind: "REFUND" } })).toBe(0);
    await expectLedgerInvariants(db, [user.account.id]);
  });

  it("1,000 orders with a fault mix → exact counts per outcome, no duplicates, nothing left SUBMITTING", async () => {
    const { user, service, provider } = await setup("1000000");
    const down = await buildSimProvider(db, deps.box, { url: await closedPortUrl(), apiKey: sim.apiKey });
    const downService = await buildSimService(db, down);
    const run = Date.now();
    const kinds = [
      ["refused", 100],
      ["late", 100],
      ["lost", 50],
      ["html", 50],
      ["funds", 50],
      ["ok", 650],
    ] as const;
    sim.fault((req) => {
      if (req.action !== "add") return null;
      const kind = /\/mix-\d+-(\w+)-/.exec(req.fields.link ?? "")?.[1];
      if (kind === "late") return { kind: "timeout_after_commit" };
      if (kind === "lost") return { kind: "timeout_before_commit" };
      if (kind === "html") return { kind: "html_502" };
      if (kind === "funds") return { kind: "error", text: "Not enough funds on balance" };
      return null;
    });
    const byKind: Record<string, number[]> = {};
    const placements = kinds.flatMap(([kind, n]) => Array.from({ length: n }, (_, i) => ({ kind, i })));
    // Ten customers, so placements don't queue behind one account's row lock.
    const customers = [user, ...(await Promise.all(Array.from({ length: 9 }, () => buildUser(db, { balance: "1000000" }))))];
    await runLimited(placements, 10, async ({ kind, i }) => {
      const customer = customers[i % customers.length]!;
      const order = await place(customer.id, kind === "refused" ? downService.id : service.id, `https://x.com/mix-${run}-${kind}-${i}`);
      (byKind[kind] ??= []).push(order.id);
    });
    const addsBefore = sim.callCount("add");
    // Replies that come (or fail at once) and held ones, forwarded side by side.
    const answered = [...byKind.refused!, ...byKind.html!, ...byKind.funds!, ...byKind.ok!];
    await Promise.all([drainAll(deps, answered), drainAll(held, [...byKind.late!, ...byKind.lost!], 150)]);
    expect(await statusCounts(byKind.refused!)).toEqual({ "FAILED:provider_unreachable": 100 });
    expect(await statusCounts(byKind.late!)).toEqual({ "UNKNOWN:unknown": 100 });
    expect(await statusCounts(byKind.lost!)).toEqual({ "UNKNOWN:unknown": 50 });
    expect(await statusCounts(byKind.html!)).toEqual({ "UNKNOWN:unknown": 50 });
    expect(await statusCounts(byKind.funds!)).toEqual({ "FAILED:provider_balance": 50 });
    expect(await statusCounts(byKind.ok!)).toEqual({ IN_PROGRESS: 650 });
    // Every add that reached the simulator was sent once; refused ones were tried 1 + 3 times and never arrived.
    expect(sim.callCount("add") - addsBefore).toBe(900);
    const atSim = sim.orders().filter((o) => o.link.includes(`/mix-${run}-`));
    expect(atSim).toHaveLength(750);
    expect(new Set(atSim.map((o) => o.link)).size).toBe(750);
    expect(await db.providerCall.count({ where: { providerId: down.id, action: "add" } })).toBe(400);
    const all = Object.values(byKind).flat();
    expect(await db.order.count({ where: { id: { in: all }, status: "SUBMITTING" } })).toBe(0);
    expect(await db.ledgerEntry.count({ where: { orderId: { in: all }, kind: "REFUND" } })).toBe(0);
    await expectLedgerInvariants(db, customers.map((c) => c.account.id));
    void provider;
  }, 600_000);

  it("retries an order that never left at 5, 10 and 20 s, then fails it as unreachable", async () => {
    let clock = new Date("2026-01-01T00:00:00Z").getTime();
    const timed = testDeps(db, { PROVIDER_TIMEOUT_MS: "400", PROVIDER_BALANCE_CACHE_SECONDS: "0" }, () => new Date(clock));
    const down = await buildSimProvider(db, deps.box, { url: await closedPortUrl(), apiKey: sim.apiKey });
    const service = await buildSimService(db, down);
    const user = await buildUser(db, { balance: "1000" });
    const order = await place(user.id, service.id, "https://x.com/retry");
    const attempts: string[] = [];
    for (const wait of [0, 5, 10, 20]) {
      clock += wait * 1000;
      await forwardOrder(timed, order.id);
      const o = await db.order.findUniqueOrThrow({ where: { id: order.id } });
      attempts.push(`${o.status}@${o.nextAttemptAt ? (o.nextAttemptAt.getTime() - clock) / 1000 : "-"}`);
      // Too early: nothing happens.
      expect((await forwardOrder(timed, order.id)).submitAttempts).toBe(o.submitAttempts);
    }
    expect(attempts).toEqual(["PENDING@5", "PENDING@10", "PENDING@20", "FAILED@-"]);
    const failed = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(failed).toMatchObject({ failureReason: "provider_unreachable", submitAttempts: 4 });
    expect(await db.outbox.count({ where: { orderId: order.id, kind: "forward-order" } })).toBe(4);
  });

  it("a provider whose balance is too low → FAILED provider_balance without add; after a top-up and resubmit each arrives once", async () => {
    const low = await startProviderSimulator({ balance: "0.05" });
    try {
      const provider = await buildSimProvider(db, deps.box, low);
      const service = await buildSimService(db, provider);
      const user = await buildUser(db, { balance: "1000" });
      const ids: number[] = [];
      for (let i = 0; i < 5; i++) ids.push((await place(user.id, service.id, `https://x.com/low-${i}`, 1000)).id);
      await drainAll();
      expect(await statusCounts(ids)).toEqual({ "FAILED:provider_balance": 5 });
      expect(low.callCount("add")).toBe(0);
      const stillLow = await resubmitOrder(deps, { orderId: ids[0]!, actor: admin }).catch((e) => e);
      expect(stillLow).toBeInstanceOf(DomainError);
      expect(stillLow.code).toBe("provider_balance");
      expect(low.callCount("add")).toBe(0);
      low.setBalance("100");
      const results = await resubmitOrders(deps, { orderIds: ids, actor: admin });
      expect(results.map((r) => r.ok)).toEqual([true, true, true, true, true]);
      expect(await statusCounts(ids)).toEqual({ IN_PROGRESS: 5 });
      for (let i = 0; i < 5; i++) expect(low.ordersForLink(`https://x.com/low-${i}`)).toBe(1);
      const resubmitted = await db.order.findMany({ where: { id: { in: ids } } });
      expect(countBy(resubmitted, (o) => `resubmits ${o.resubmitCount}, last at ${o.lastResubmitAt ? "set" : "null"}`)).toEqual({ "resubmits 1, last at set": 5 });
      await expectLedgerInvariants(db, [user.account.id]);
    } finally {
      await low.close();
    }
  });

  it("20 concurrent resubmits of one FAILED order → 1 add at the provider, 0 extra charges", async () => {
    const { user, service } = await setup();
    const link = `https://x.com/rs-${Date.now()}`;
    sim.fault({ action: "add", times: 1, kind: "error", text: "neworder.error.service_inactive" });
    const order = await place(user.id, service.id, link);
    await drainAll();
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "FAILED", failureReason: "service_inactive" });
    const addsBefore = sim.callCount("add");
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => resubmitOrder(deps, { orderId: order.id, actor: admin })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(InvalidStateError);
    expect(sim.callCount("add") - addsBefore).toBe(1);
    expect(sim.ordersForLink(link)).toBe(1);
    expect(await db.ledgerEntry.count({ where: { orderId: order.id } })).toBe(1);
    await expectLedgerInvariants(db, [user.account.id]);
  });

  it("UNKNOWN is re-sent only on an admin's decision: 'not placed' resubmits, 'placed as #id' tracks that id", async () => {
    const { user, service } = await setup();
    sim.fault({ action: "add", times: 3, kind: "timeout_before_commit" });
    const a = await place(user.id, service.id, "https://x.com/u-a");
    const b = await place(user.id, service.id, "https://x.com/u-b");
    const c = await place(user.id, service.id, "https://x.com/u-c");
    await drainAll(held, [a.id, b.id, c.id]);
    expect(await statusCounts([a.id, b.id, c.id])).toEqual({ "UNKNOWN:unknown": 3 });
    await expect(cancelOrder(testDeps(db), { orderId: c.id, actor: admin })).rejects.toBeInstanceOf(InvalidStateError);
    const refunded = await reconcileUnknownOrder(deps, { orderId: c.id, actor: admin, decision: { kind: "not_placed_refund" } });
    expect(refunded.status).toBe("CANCELED");
    expect(refunded.refunded.toString()).toBe(refunded.charge.toString());
    expect(sim.ordersForLink("https://x.com/u-c")).toBe(0);
    await expect(resubmitOrder(deps, { orderId: a.id, actor: admin })).rejects.toBeInstanceOf(InvalidStateError);
    const resent = await reconcileUnknownOrder(deps, { orderId: a.id, actor: admin, decision: { kind: "not_placed" } });
    expect(resent.status).toBe("IN_PROGRESS");
    const tracked = await reconcileUnknownOrder(deps, { orderId: b.id, actor: admin, decision: { kind: "placed", providerOrderId: "777001" } });
    expect(tracked).toMatchObject({ status: "IN_PROGRESS", providerOrderId: "777001" });
    await expect(reconcileUnknownOrder(deps, { orderId: b.id, actor: admin, decision: { kind: "placed", providerOrderId: "1" } })).rejects.toBeInstanceOf(InvalidStateError);
    expect(await db.auditLog.count({ where: { entity: "Order", entityId: { in: [String(a.id), String(b.id), String(c.id)] } } })).toBe(3);
    await expectLedgerInvariants(db, [user.account.id]);
  });

  it("switches a FAILED order to another service's provider on resubmit", async () => {
    const { user, service } = await setup();
    const other = await startProviderSimulator({ balance: "100" });
    try {
      const otherProvider = await buildSimProvider(db, deps.box, other);
      const otherService = await buildSimService(db, otherProvider);
      sim.fault({ action: "add", times: 1, kind: "error", text: "Bad link" });
      const order = await place(user.id, service.id, "https://x.com/switch");
      await drainAll();
      expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).failureReason).toBe("bad_link");
      const moved = await resubmitOrder(deps, { orderId: order.id, actor: admin, serviceId: otherService.id });
      expect(moved).toMatchObject({ status: "IN_PROGRESS", providerId: otherProvider.id, serviceId: otherService.id });
      expect(other.ordersForLink("https://x.com/switch")).toBe(1);
    } finally {
      await other.close();
    }
  });
});
