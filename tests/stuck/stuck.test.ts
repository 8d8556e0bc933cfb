import { describe, expect, it } from "vitest";
import { placeOrder } from "../../src/orders/place-order.js";
import { detectStuckOrders } from "../../src/stuck/detect-stuck-orders.js";
import { stuckSummary } from "../../src/stuck/stuck-summary.js";
import { testDeps } from "../support/deps.js";
import { buildService, buildUser } from "../support/factories.js";
import { useTestDb } from "../support/test-db.js";

const { prisma: db } = await useTestDb(10);
const deps = testDeps(db);
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000);

describe("stuck-order detection", () => {
  it("flags each stuck case once with its reason, alerts once, and unflags when the order moves on", async () => {
    const user = await buildUser(db, { balance: "100000" });
    const auto = await buildService(db, { price: "1" });
    const slowService = await buildService(db, { price: "1", stuckAfterMinutes: 5 });
    const manual = await buildService(db, { mode: "MANUAL", linkKind: "UID", price: "1", priceUnit: "PER_UNIT", min: 1, max: 10 });
    const place = async (serviceId: number, link = "https://x.com/s") =>
      (await placeOrder(deps, { userId: user.id, serviceId, link: serviceId === manual.id ? "123456789" : link, quantity: serviceId === manual.id ? 1 : 100 })).order;
    const set = (id: number, data: Parameters<typeof db.order.update>[0]["data"]) => db.order.update({ where: { id }, data });

    const cases: Record<string, number> = {};
    cases.pendingOld = (await set((await place(auto.id)).id, { createdAt: ago(31) })).id;
    cases.pendingFresh = (await set((await place(auto.id)).id, { createdAt: ago(29) })).id;
    cases.leaseExpired = (await set((await place(auto.id)).id, { status: "SUBMITTING", leaseUntil: ago(1) })).id;
    cases.leaseHeld = (await set((await place(auto.id)).id, { status: "SUBMITTING", leaseUntil: new Date(Date.now() + 60_000) })).id;
    cases.unknown = (await set((await place(auto.id)).id, { status: "UNKNOWN" })).id;
    cases.manualTakenLong = (await set((await place(manual.id)).id, { status: "IN_PROGRESS", takenAt: ago(6) })).id;
    cases.manualTakenNow = (await set((await place(manual.id)).id, { status: "IN_PROGRESS", takenAt: ago(1) })).id;
    cases.autoNoProgress = (await set((await place(auto.id)).id, { status: "IN_PROGRESS", providerOrderId: "1", lastProgressAt: ago(721) })).id;
    cases.autoProgressing = (await set((await place(auto.id)).id, { status: "IN_PROGRESS", providerOrderId: "2", lastProgressAt: ago(60) })).id;
    cases.serviceOverride = (await set((await place(slowService.id)).id, { status: "IN_PROGRESS", providerOrderId: "3", lastProgressAt: ago(6) })).id;
    cases.deliveryUnsent = (await set((await place(manual.id)).id, { status: "COMPLETED", completedAt: ago(6) })).id;
    cases.deliverySent = (await set((await place(manual.id)).id, { status: "COMPLETED", completedAt: ago(6), deliveryNotifiedAt: ago(5) })).id;
    cases.completedAuto = (await set((await place(auto.id)).id, { status: "COMPLETED", completedAt: ago(600) })).id;

    await detectStuckOrders(deps);
    const ids = Object.values(cases);
    const rows = new Map((await db.order.findMany({ where: { id: { in: ids } } })).map((o) => [o.id, o]));
    const stuck = Object.fromEntries(Object.entries(cases).map(([k, id]) => [k, rows.get(id)!.stuck ? rows.get(id)!.stuckReason : null]));
    expect(stuck).toEqual({
      pendingOld: "pending_too_long",
      pendingFresh: null,
      leaseExpired: "unknown",
      leaseHeld: null,
      unknown: "unknown",
      manualTakenLong: "manual_in_progress",
      manualTakenNow: null,
      autoNoProgress: "no_progress",
      autoProgressing: null,
      serviceOverride: "no_progress",
      deliveryUnsent: "delivery_unconfirmed",
      deliverySent: null,
      completedAuto: null,
    });
    expect(rows.get(cases.leaseExpired)).toMatchObject({ status: "UNKNOWN", failureReason: "lease_expired" });
    const alerts = () => db.outbox.count({ where: { kind: "notify-admin-order", orderId: { in: ids }, payload: { path: ["event"], equals: "stuck" } } });
    expect(await alerts()).toBe(7);

    await detectStuckOrders(deps);
    expect(await alerts()).toBe(7);

    await set(cases.manualTakenLong, { status: "COMPLETED", completedAt: new Date() });
    await set(cases.deliveryUnsent, { deliveryNotifiedAt: new Date() });
    await detectStuckOrders(deps);
    const after = await db.order.findMany({ where: { id: { in: [cases.manualTakenLong, cases.deliveryUnsent] } } });
    expect(after.map((o) => o.stuck)).toEqual([false, false]);
    expect(await alerts()).toBe(7);

    const summary = await stuckSummary(testDeps(db));
    expect(summary.lastCheck).toBeInstanceOf(Date);
    expect(summary.stuckCount).toBeGreaterThanOrEqual(5);
    expect(summary.stuckByReason.unknown).toBeGreaterThanOrEqual(2);
    expect(summary.countsByStatus.UNKNOWN).toBeGreaterThanOrEqual(2);
  });
});
