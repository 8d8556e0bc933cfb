import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { proRataRefund } from "../../src/money/decimal.js";
import { syncOrder, syncProviderOrders } from "../../src/fulfilment/sync-orders.js";
import { startProviderSimulator, type ProviderSimulator, type SimRequest } from "../../src/providers/simulator/index.js";
import { InvalidStateError } from "../../src/shared/errors.js";
import { countByStatus } from "../support/count-by.js";
import { REPLY_WAIT_MS, testDeps } from "../support/deps.js";
import { buildUser } from "../support/factories.js";
import { placeAndForward } from "../support/forwarded-orders.js";
import { expectLedgerInvariants } from "../support/ledger-invariants.js";
import { buildSimProvider, buildSimService } from "../support/provider-factories.js";
import { useTestDb } from "../support/test-db.js";

const { prisma: db } = await useTestDb(25);
// The production timeout: on a busy machine a slow reply is still a reply, never an UNKNOWN order.
const deps = testDeps(db, { PROVIDER_TIMEOUT_MS: REPLY_WAIT_MS, PROVIDER_BALANCE_CACHE_SECONDS: "600" });
let sim: ProviderSimulator;

beforeAll(async () => {
  sim = await startProviderSimulator({ balance: "1000000" });
});
afterAll(() => sim.close());

describe("status sync", () => {
  it("1,050 active orders → 11 multi-status calls; a bad id doesn't fail its batch; money moves once; a second pass adds nothing", async () => {
    const provider = await buildSimProvider(db, deps.box, sim);
    const service = await buildSimService(db, provider, { price: "5" });
    const user = await buildUser(db, { balance: "100000" });
    const orders = await placeAndForward(deps, user.id, service.id, 1050, `https://x.com/sync-${Date.now()}-`);
    expect(countByStatus(orders)).toEqual({ IN_PROGRESS: 1050 });

    const [completed, partial, canceled, bogus] = [orders[0]!, orders[1]!, orders[2]!, orders[3]!];
    sim.advance(completed.providerOrderId!, { to: "Completed" });
    sim.advance(partial.providerOrderId!, { to: "Partial", remains: 157 });
    sim.advance(canceled.providerOrderId!, { to: "Canceled" });
    for (const o of orders.slice(10, 20)) sim.advance(o.providerOrderId!, { to: "In progress" });
    await db.order.update({ where: { id: bogus.id }, data: { providerOrderId: "999999999" } });

    const callsBefore = sim.callCount("status");
    const entriesBefore = await db.ledgerEntry.count({ where: { accountId: user.account.id } });
    const report = await syncProviderOrders(deps, provider.id, { paceMs: 0 });
    expect(sim.callCount("status") - callsBefore).toBe(11);
    expect(report).toMatchObject({ checked: 1050, calls: 11, transitions: 3, perIdErrors: 1, failedCalls: 0 });

    const after = new Map((await db.order.findMany({ where: { id: { in: orders.map((o) => o.id) } } })).map((o) => [o.id, o]));
    expect(after.get(completed.id)).toMatchObject({ status: "COMPLETED" });
    expect(after.get(partial.id)).toMatchObject({ status: "PARTIAL", remains: 157 });
    expect(after.get(partial.id)!.refunded.toString()).toBe(proRataRefund(partial.charge, 157, partial.quantity).toString());
    expect(after.get(canceled.id)).toMatchObject({ status: "FAILED", failureReason: "provider_canceled" });
    expect(after.get(bogus.id)).toMatchObject({ status: "IN_PROGRESS", providerError: "Status check: Incorrect order ID" });
    expect(after.get(orders[10]!.id)).toMatchObject({ status: "IN_PROGRESS", providerStatus: "In progress" });
    expect(after.get(orders[10]!.id)!.startCount).toBeGreaterThan(0);
    expect([...after.values()].filter((o) => o.lastStatusCheck === null).map((o) => o.id)).toEqual([]);
    // One refund (the Partial); the Canceled one is held as FAILED for an admin.
    expect(await db.ledgerEntry.count({ where: { accountId: user.account.id } })).toBe(entriesBefore + 1);

    const second = await syncProviderOrders(deps, provider.id, { paceMs: 0 });
    expect(second).toMatchObject({ checked: 1047, calls: 11, transitions: 0 });
    expect(await db.ledgerEntry.count({ where: { accountId: user.account.id } })).toBe(entriesBefore + 1);
    await expectLedgerInvariants(db, [user.account.id]);
  }, 600_000);

  it("paces calls to one provider and keeps going when a whole call fails", async () => {
    const provider = await buildSimProvider(db, deps.box, sim);
    const service = await buildSimService(db, provider);
    const user = await buildUser(db, { balance: "100000" });
    const orders = await placeAndForward(deps, user.id, service.id, 250, `https://x.com/pace-${Date.now()}-`, 100);
    // This test's status calls only: the simulator is shared with the other tests of the file.
    const mine = new Set(orders.map((o) => o.providerOrderId!));
    const ours = (r: SimRequest) => r.action === "status" && (r.fields.orders ?? r.fields.order ?? "").split(",").some((id) => mine.has(id));
    sim.fault({ action: "status", times: 1, kind: "html_503", when: ours });
    const report = await syncProviderOrders(deps, provider.id, { paceMs: 150 });
    expect(report).toMatchObject({ calls: 3, failedCalls: 1, checked: 150 });
    const times = sim.calls().filter(ours).map((c) => c.at.getTime());
    expect(times).toHaveLength(3);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(140);
    // The orders of the failed call were left as they were, unchecked.
    expect(await db.order.count({ where: { id: { in: orders.map((o) => o.id) }, lastStatusCheck: null } })).toBe(100);
  }, 300_000);

  it("an upstream cancel request refunds in full when the provider reports Canceled; force-sync of one order", async () => {
    const provider = await buildSimProvider(db, deps.box, sim);
    const service = await buildSimService(db, provider, { price: "5" });
    const user = await buildUser(db, { balance: "100" });
    const [order] = await placeAndForward(deps, user.id, service.id, 1, `https://x.com/cx-${Date.now()}-`);
    const { requestUpstreamCancel } = await import("../../src/fulfilment/request-upstream-cancel.js");
    const requested = await requestUpstreamCancel(deps, { orderId: order!.id, actor: { userId: user.id, label: "c" }, ownerUserId: user.id });
    expect(requested.cancelRequestedAt).not.toBeNull();
    expect(sim.order(order!.providerOrderId!)!.cancelRequested).toBe(true);
    sim.advance(order!.providerOrderId!);
    const synced = await syncOrder(deps, order!.id);
    expect(synced.status).toBe("CANCELED");
    expect(synced.refunded.toString()).toBe("5");
    expect((await db.account.findUniqueOrThrow({ where: { id: user.account.id } })).balance.toString()).toBe("100");
    await expect(syncOrder(deps, order!.id)).resolves.toMatchObject({ status: "CANCELED" });
    expect(await db.ledgerEntry.count({ where: { orderId: order!.id, kind: "REFUND" } })).toBe(1);
    await expectLedgerInvariants(db, [user.account.id]);
  });

  it("refill: requested for a completed refill-enabled order, tracked by the sync; refused otherwise", async () => {
    const provider = await buildSimProvider(db, deps.box, sim);
    const service = await buildSimService(db, provider);
    const noRefill = await buildSimService(db, provider, { refill: false, providerServiceId: "2", providerRate: "0.25" });
    const user = await buildUser(db, { balance: "1000" });
    const [order] = await placeAndForward(deps, user.id, service.id, 1, `https://x.com/rf-${Date.now()}-`);
    const [other] = await placeAndForward(deps, user.id, noRefill.id, 1, `https://x.com/rf2-${Date.now()}-`);
    const { requestRefill } = await import("../../src/fulfilment/request-refill.js");
    const actor = { userId: user.id, label: "c" };
    await expect(requestRefill(deps, { orderId: order!.id, actor })).rejects.toMatchObject({ details: { reason: "not_delivered" } });
    sim.advance(order!.providerOrderId!, { to: "Completed" });
    sim.advance(other!.providerOrderId!, { to: "Completed" });
    await syncProviderOrders(deps, provider.id, { paceMs: 0 });
    const refill = await requestRefill(deps, { orderId: order!.id, actor, ownerUserId: user.id });
    expect(refill).toMatchObject({ status: "PENDING" });
    expect(refill.providerRefillId).toBeTruthy();
    await expect(requestRefill(deps, { orderId: order!.id, actor })).rejects.toMatchObject({ details: { reason: "refill_open" } });
    await expect(requestRefill(deps, { orderId: other!.id, actor })).rejects.toBeInstanceOf(InvalidStateError);
    await expect(requestRefill(deps, { orderId: order!.id, actor, ownerUserId: user.id + 100000 })).rejects.toMatchObject({ code: "not_found" });
    sim.setRefillStatus(refill.providerRefillId!, "Completed");
    await syncProviderOrders(deps, provider.id, { paceMs: 0 });
    expect(await db.refill.findUniqueOrThrow({ where: { id: refill.id } })).toMatchObject({ status: "COMPLETED", providerStatus: "Completed" });
  });
});
