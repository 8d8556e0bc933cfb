// The orders of one status call that change status are moved together: one transaction, one
// guarded UPDATE per event (lifecycle moveOrders), one refund posting each, the notices in one
// outbox statement — with the same outcome as one applyProviderStatus per order.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { proRataRefund } from "../../src/money/decimal.js";
import { syncProviderOrders } from "../../src/fulfilment/sync-orders.js";
import { startProviderSimulator, type ProviderSimulator } from "../../src/providers/simulator/index.js";
import { countByStatus } from "../support/count-by.js";
import { testDeps } from "../support/deps.js";
import { buildUser } from "../support/factories.js";
import { placeAndForward } from "../support/forwarded-orders.js";
import { expectLedgerInvariants } from "../support/ledger-invariants.js";
import { buildSimProvider, buildSimService } from "../support/provider-factories.js";
import { countStatements } from "../support/statement-counter.js";
import { useTestDb } from "../support/test-db.js";

const { prisma: db } = await useTestDb(10);
const clock = new Date(Math.floor(Date.now() / 1000) * 1000);
const deps = testDeps(db, { PROVIDER_TIMEOUT_MS: "30000", PROVIDER_BALANCE_CACHE_SECONDS: "600" }, () => clock);
let sim: ProviderSimulator;

beforeAll(async () => {
  sim = await startProviderSimulator({ balance: "1000000" });
});
afterAll(() => sim.close());

describe("status changes of one call, batched", () => {
  it("40 orders completed, partial, cancelled upstream and cancelled on request: right statuses, refunds once, notices once, few statements", async () => {
    const provider = await buildSimProvider(db, deps.box, sim);
    const service = await buildSimService(db, provider, { price: "5" });
    const user = await buildUser(db, { balance: "100000" });
    const orders = await placeAndForward(deps, user.id, service.id, 40, `https://x.com/batch-${Date.now()}-`);
    const [completed, partial, canceled, requested] = [orders.slice(0, 10), orders.slice(10, 20), orders.slice(20, 30), orders.slice(30, 40)];
    for (const o of completed) sim.advance(o.providerOrderId!, { to: "Completed" });
    for (const o of partial) sim.advance(o.providerOrderId!, { to: "Partial", remains: 25 });
    for (const o of [...canceled, ...requested]) sim.advance(o.providerOrderId!, { to: "Canceled" });
    await db.order.updateMany({ where: { id: { in: requested.map((o) => o.id) } }, data: { cancelRequestedAt: new Date() } });

    const warn = vi.spyOn(deps.logger, "warn");
    const counter = countStatements();
    let report;
    try {
      report = await syncProviderOrders(deps, provider.id, { paceMs: 0 });
    } finally {
      counter.stop();
    }
    expect(warn.mock.calls.map((c) => String(c[1])), "the batch fell back to one order at a time").not.toContain("Batched status changes failed; applying them one by one");
    expect(report.transitions).toBe(40);

    const after = await db.order.findMany({ where: { id: { in: orders.map((o) => o.id) } }, orderBy: { id: "asc" } });
    const byId = new Map(after.map((o) => [o.id, o]));
    expect(countByStatus(completed.map((o) => byId.get(o.id)!))).toEqual({ COMPLETED: 10 });
    expect(countByStatus(partial.map((o) => byId.get(o.id)!))).toEqual({ PARTIAL: 10 });
    expect(countByStatus(canceled.map((o) => byId.get(o.id)!))).toEqual({ FAILED: 10 });
    expect(countByStatus(requested.map((o) => byId.get(o.id)!))).toEqual({ CANCELED: 10 });
    for (const o of completed) expect(byId.get(o.id)!.completedAt?.toISOString(), `order ${o.id} completedAt`).toBe(clock.toISOString());
    for (const o of requested) expect(byId.get(o.id)!.canceledAt?.toISOString(), `order ${o.id} canceledAt`).toBe(clock.toISOString());
    for (const o of partial) expect(byId.get(o.id)!.refunded.toString(), `order ${o.id} refund`).toBe(proRataRefund(o.charge, 25, o.quantity).toString());
    for (const o of requested) expect(byId.get(o.id)!.refunded.toString(), `order ${o.id} refund`).toBe(o.charge.toString());
    for (const o of [...completed, ...canceled]) expect(byId.get(o.id)!.refunded.toString(), `order ${o.id} refund`).toBe("0");
    const refunds = await db.ledgerEntry.count({ where: { orderId: { in: orders.map((o) => o.id) }, kind: "REFUND" } });
    expect(refunds, "one refund per partial or requested cancel").toBe(20);
    const notices = await db.outbox.findMany({ where: { orderId: { in: orders.map((o) => o.id) }, kind: { in: ["notify-delivery", "notify-admin-order"] } } });
    expect(notices.filter((n) => n.kind === "notify-delivery")).toHaveLength(40);
    expect(notices.filter((n) => n.kind === "notify-admin-order")).toHaveLength(10);
    // Status call log, read, 4 moves, 20 refund postings, notices, transaction, refills: far below 40 × 7.
    expect(counter.statements.length, counter.statements.join("\n")).toBeLessThanOrEqual(40);
    await expectLedgerInvariants(db, [user.account.id]);

    // A second pass moves nothing and refunds nothing.
    const again = await syncProviderOrders(deps, provider.id, { paceMs: 0 });
    expect(again.transitions).toBe(0);
    expect(await db.ledgerEntry.count({ where: { orderId: { in: orders.map((o) => o.id) }, kind: "REFUND" } })).toBe(20);
  });
});
