// Every timestamp a use-case writes comes from deps.now(): with the clock frozen at a different
// instant per step, each field shows the instant of the step that wrote it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drainForwardOutbox } from "../../src/fulfilment/drain-forward-outbox.js";
import { syncProviderOrders } from "../../src/fulfilment/sync-orders.js";
import { completeManualOrder, createManualOrder, takeManualOrder } from "../../src/orders/manual-orders.js";
import { placeOrder } from "../../src/orders/place-order.js";
import { DEDUPE_KEYS, joinKey } from "../../src/outbox/kinds.js";
import { detectStuckOrders } from "../../src/stuck/detect-stuck-orders.js";
import { startProviderSimulator, type ProviderSimulator } from "../../src/providers/simulator/index.js";
import { REPLY_WAIT_MS, testDeps } from "../support/deps.js";
import { buildService, buildUser } from "../support/factories.js";
import { buildSimProvider, buildSimService } from "../support/provider-factories.js";
import { useTestDb } from "../support/test-db.js";

const { prisma: db } = await useTestDb();
const PLACED = new Date("2031-01-01T09:00:00.000Z");
const FORWARDED = new Date("2031-01-01T10:00:00.000Z");
const PROGRESSED = new Date("2031-01-01T10:15:00.000Z");
const FINISHED = new Date("2031-01-01T11:30:00.000Z");
let clock = FORWARDED;
const deps = testDeps(db, { PROVIDER_TIMEOUT_MS: REPLY_WAIT_MS }, () => clock);
let sim: ProviderSimulator;

beforeAll(async () => {
  sim = await startProviderSimulator({ balance: "1000000" });
});
afterAll(() => sim.close());

describe("a frozen clock across a whole life cycle", () => {
  it("place → forward → sync progress → partial: every timestamp is the injected clock's", async () => {
    const provider = await buildSimProvider(db, deps.box, sim);
    const service = await buildSimService(db, provider, { price: "5" });
    const user = await buildUser(db, { balance: "100" });
    clock = PLACED;
    const { order } = await placeOrder(deps, { userId: user.id, serviceId: service.id, link: "https://x.com/clock", quantity: 1000 });
    expect(order).toMatchObject({ createdAt: PLACED, updatedAt: PLACED });
    expect(await db.ledgerEntry.findFirstOrThrow({ where: { orderId: order.id, kind: "ORDER_CHARGE" } })).toMatchObject({ createdAt: PLACED });
    expect(await db.outbox.findFirstOrThrow({ where: { orderId: order.id, kind: "forward-order" } })).toMatchObject({ availableAt: PLACED, createdAt: PLACED });

    clock = FORWARDED;
    expect(await drainForwardOutbox(deps, { orderIds: [order.id] })).toBe(1);
    const forwarded = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(forwarded).toMatchObject({ status: "IN_PROGRESS", lastProgressAt: FORWARDED, leaseUntil: null, lastStatusCheck: null, updatedAt: FORWARDED });
    expect(await db.outbox.findFirstOrThrow({ where: { orderId: order.id, kind: "forward-order" } })).toMatchObject({ doneAt: FORWARDED });

    clock = PROGRESSED;
    // The simulator reports a start count when an order starts: progress without a status change.
    sim.advance(forwarded.providerOrderId!, { to: "In progress" });
    await syncProviderOrders(deps, provider.id, { paceMs: 0 });
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      status: "IN_PROGRESS",
      startCount: expect.any(Number),
      lastProgressAt: PROGRESSED,
      lastStatusCheck: PROGRESSED,
      completedAt: null,
    });

    clock = FINISHED;
    sim.advance(forwarded.providerOrderId!, { to: "Partial", remains: 250 });
    await syncProviderOrders(deps, provider.id, { paceMs: 0 });
    const finished = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(finished).toMatchObject({ status: "PARTIAL", updatedAt: FINISHED, remains: 250, lastProgressAt: FINISHED, lastStatusCheck: FINISHED, completedAt: FINISHED, canceledAt: null });
    expect(finished.refunded.toString()).toBe("1.25");
    expect(await db.ledgerEntry.findFirstOrThrow({ where: { orderId: order.id, kind: "REFUND" } })).toMatchObject({ createdAt: FINISHED });
    expect(await db.outbox.findFirstOrThrow({ where: { orderId: order.id, kind: "notify-delivery" } })).toMatchObject({ availableAt: FINISHED });
  });

  it("manual order: taken and done at the clock's instants", async () => {
    const user = await buildUser(db, { balance: "100" });
    const service = await buildService(db, { mode: "MANUAL", price: "10" });
    const actor = { label: "telegram:1", isAdmin: true };
    clock = PLACED;
    const order = await createManualOrder(deps, { actor, userId: user.id, serviceId: service.id, link: "https://x.com/manual", quantity: 100 });
    expect(order).toMatchObject({ createdAt: PLACED, updatedAt: PLACED });
    expect(await db.auditLog.findFirstOrThrow({ where: { entity: "Order", entityId: String(order.id), action: "order.create_manual" } })).toMatchObject({ createdAt: PLACED });
    expect(await db.outbox.findFirstOrThrow({ where: { orderId: order.id, kind: "notify-admin-order" } })).toMatchObject({
      dedupeKey: joinKey(DEDUPE_KEYS.manualNew(order.id)),
      availableAt: PLACED,
    });
    clock = PROGRESSED;
    expect(await takeManualOrder(deps, order.id, actor)).toMatchObject({ status: "IN_PROGRESS", takenAt: PROGRESSED, lastProgressAt: PROGRESSED, updatedAt: PROGRESSED });
    clock = FINISHED;
    expect(await completeManualOrder(deps, order.id, actor)).toMatchObject({ status: "COMPLETED", takenAt: PROGRESSED, completedAt: FINISHED, updatedAt: FINISHED });
    expect(await db.outbox.findFirstOrThrow({ where: { orderId: order.id, kind: "notify-delivery" } })).toMatchObject({ availableAt: FINISHED });
  });

  it("stuck detection: a pending order is old by the clock's measure; flagged, alerted and recorded at the clock's instant", async () => {
    const user = await buildUser(db, { balance: "100" });
    const service = await buildService(db, { price: "1" });
    // A clock in the past, unlike the other tests: a detector run from the future would flag the
    // fresh orders of the test files that share this database.
    const PLACED = new Date("2021-01-01T09:00:00.000Z");
    clock = PLACED;
    const { order } = await placeOrder(deps, { userId: user.id, serviceId: service.id, link: "https://x.com/stuck-clock", quantity: 100 });
    const check = new Date(PLACED.getTime() + (deps.config.STUCK_PENDING_MINUTES - 1) * 60_000);
    clock = check;
    await detectStuckOrders(deps);
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ stuck: false });

    const late = new Date(PLACED.getTime() + (deps.config.STUCK_PENDING_MINUTES + 1) * 60_000);
    clock = late;
    await detectStuckOrders(deps);
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ stuck: true, stuckReason: "pending_too_long", stuckAt: late });
    expect(await db.outbox.findFirstOrThrow({ where: { orderId: order.id, kind: "notify-admin-order" } })).toMatchObject({
      dedupeKey: joinKey(DEDUPE_KEYS.stuck(order.id, late.getTime())),
      availableAt: late,
      createdAt: late,
    });
    expect(await db.stuckCheckRun.findFirstOrThrow({ where: { startedAt: late } })).toMatchObject({ startedAt: late, finishedAt: late });
  });
});
