import { testDeps } from "../support/deps.js";
import { describe, expect, it } from "vitest";
import type { Db } from "../../src/db/client.js";
import { Decimal, proRataRefund } from "../../src/money/decimal.js";
import { applyProviderStatus } from "../../src/fulfilment/apply-provider-status.js";
import { cancelOrder } from "../../src/orders/cancel-order.js";
import { placeOrder } from "../../src/orders/place-order.js";
import { recordProviderOutcome } from "../../src/fulfilment/record-provider-outcome.js";
import { InvalidStateError } from "../../src/shared/errors.js";
import { buildService, buildUser } from "../support/factories.js";
import { expectLedgerInvariants } from "../support/ledger-invariants.js";
import { useTestDb } from "../support/test-db.js";

const { prisma: db } = await useTestDb(20);
const ADMIN = { label: "telegram:1", isAdmin: true };

/** An order charged 5.00 for 1000 units, accepted by a provider (IN_PROGRESS). */
async function orderAtProvider(database: Db = db, price = "5", quantity = 1000) {
  const user = await buildUser(database, { balance: "100" });
  const service = await buildService(database, { price, min: 1, max: 100000 });
  const { order } = await placeOrder(testDeps(database), { userId: user.id, serviceId: service.id, link: "https://x.com/a", quantity });
  await database.order.update({ where: { id: order.id }, data: { status: "SUBMITTING" } });
  await recordProviderOutcome(testDeps(database), order.id, { kind: "accepted", providerOrderId: "23501" });
  return { user, order: await database.order.findUniqueOrThrow({ where: { id: order.id } }) };
}

async function refunds(orderId: number) {
  return db.ledgerEntry.findMany({ where: { orderId, kind: "REFUND" } });
}

describe("pro-rata refund rule", () => {
  it("is charge × remains / quantity rounded down to 0.0001, clamped to [0, quantity]", () => {
    expect(proRataRefund(new Decimal("5"), 157, 1000).toString()).toBe("0.785");
    expect(proRataRefund(new Decimal("1"), 1, 3).toString()).toBe("0.3333");
    expect(proRataRefund(new Decimal("2"), 2, 3).toString()).toBe("1.3333");
    expect(proRataRefund(new Decimal("5"), 1000, 1000).toString()).toBe("5");
    expect(proRataRefund(new Decimal("5"), 5000, 1000).toString()).toBe("5");
    expect(proRataRefund(new Decimal("5"), -20, 1000).toString()).toBe("0");
    expect(proRataRefund(new Decimal("5"), 0, 1000).toString()).toBe("0");
  });
});

describe("recordProviderOutcome", () => {
  it("accepted → IN_PROGRESS with the provider order id", async () => {
    const { order } = await orderAtProvider();
    expect(order.status).toBe("IN_PROGRESS");
    expect(order.providerOrderId).toBe("23501");
  });

  it("rejected → FAILED with the reason and text, money held, admins told once", async () => {
    const user = await buildUser(db, { balance: "100" });
    const service = await buildService(db, { price: "5" });
    const { order } = await placeOrder(testDeps(db), { userId: user.id, serviceId: service.id, link: "https://x.com/a", quantity: 1000 });
    await db.order.update({ where: { id: order.id }, data: { status: "SUBMITTING" } });
    const failed = await recordProviderOutcome(testDeps(db), order.id, { kind: "rejected", reason: "provider_balance", error: "Not enough funds on balance" });
    expect(failed).toMatchObject({ status: "FAILED", failureReason: "provider_balance", providerError: "Not enough funds on balance" });
    expect(await refunds(order.id)).toHaveLength(0);
    expect(await db.outbox.count({ where: { orderId: order.id, kind: "notify-admin-order" } })).toBe(1);
    await expect(recordProviderOutcome(testDeps(db), order.id, { kind: "accepted", providerOrderId: "1" })).rejects.toBeInstanceOf(InvalidStateError);
  });

  it("unknown → UNKNOWN; not sent → PENDING with a retry time, or FAILED when retries are exhausted", async () => {
    const user = await buildUser(db, { balance: "100" });
    const service = await buildService(db, { price: "5" });
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) {
      const { order } = await placeOrder(testDeps(db), { userId: user.id, serviceId: service.id, link: "https://x.com/a", quantity: 1000 });
      await db.order.update({ where: { id: order.id }, data: { status: "SUBMITTING" } });
      ids.push(order.id);
    }
    const retryAt = new Date(Date.now() + 5000);
    expect(await recordProviderOutcome(testDeps(db), ids[0]!, { kind: "unknown", error: "timeout" })).toMatchObject({ status: "UNKNOWN" });
    expect(await recordProviderOutcome(testDeps(db), ids[1]!, { kind: "not_sent", error: "ECONNREFUSED", retryAt })).toMatchObject({ status: "PENDING", nextAttemptAt: retryAt });
    expect(await recordProviderOutcome(testDeps(db), ids[2]!, { kind: "not_sent", error: "ECONNREFUSED", retryAt: null })).toMatchObject({ status: "FAILED", failureReason: "provider_unreachable" });
    await expectLedgerInvariants(db, [user.account.id]);
  });
});

describe("applyProviderStatus", () => {
  it("Partial with remains 157 of 1000 at 5.00 refunds 0.785 once, however often it is applied", async () => {
    const { user, order } = await orderAtProvider();
    const report = { status: "partial" as const, raw: "Partial", remains: 157, startCount: 3572, charge: "0.27819", currency: "USD" };
    for (let i = 0; i < 10; i++) await applyProviderStatus(testDeps(db), order.id, report);
    const after = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(after).toMatchObject({ status: "PARTIAL", remains: 157, startCount: 3572, providerStatus: "Partial" });
    expect(after.refunded.toString()).toBe("0.785");
    const r = await refunds(order.id);
    expect(r).toHaveLength(1);
    expect(r[0]!.amount.toString()).toBe("0.785");
    expect((await db.account.findUniqueOrThrow({ where: { id: user.account.id } })).balance.toString()).toBe("95.785");
    await expectLedgerInvariants(db, [user.account.id]);
  });

  it("the same Partial applied 10 times concurrently still refunds once", async () => {
    const { user, order } = await orderAtProvider();
    const report = { status: "partial" as const, raw: "partial", remains: 500 };
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => applyProviderStatus(testDeps(db), order.id, report)));
    expect(results.filter((r) => r.status === "fulfilled" && r.value.changed)).toHaveLength(1);
    expect(await refunds(order.id)).toHaveLength(1);
    await expectLedgerInvariants(db, [user.account.id]);
  });

  it("Completed moves no money; in-progress reports update progress only", async () => {
    const { user, order } = await orderAtProvider();
    const progress = await applyProviderStatus(testDeps(db), order.id, { status: "in_progress", raw: "In progress", startCount: 10, remains: 600 });
    expect(progress.changed).toBe(false);
    expect(progress.order).toMatchObject({ status: "IN_PROGRESS", startCount: 10, remains: 600 });
    const done = await applyProviderStatus(testDeps(db), order.id, { status: "completed", raw: "Completed", remains: 0 });
    expect(done).toMatchObject({ changed: true, order: { status: "COMPLETED", remains: 0 } });
    expect(await refunds(order.id)).toHaveLength(0);
    const late = await applyProviderStatus(testDeps(db), order.id, { status: "partial", raw: "Partial", remains: 500 });
    expect(late.changed).toBe(false);
    expect(late.order.status).toBe("COMPLETED");
    expect(await refunds(order.id)).toHaveLength(0);
    await expectLedgerInvariants(db, [user.account.id]);
  });

  it("remains above the quantity is read as nothing delivered: CANCELED with one full refund, never 'partial'", async () => {
    const { user, order } = await orderAtProvider();
    const running = await applyProviderStatus(testDeps(db), order.id, { status: "in_progress", raw: "In progress", remains: 1500 });
    expect(running.order).toMatchObject({ status: "IN_PROGRESS", remains: 1000 });
    expect(running.order.providerError).toContain("remains 1500 above the quantity 1000");
    const r = await applyProviderStatus(testDeps(db), order.id, { status: "partial", raw: "Partial", remains: 1500 });
    expect(r).toMatchObject({ changed: true, order: { status: "CANCELED", remains: 1000 } });
    expect(r.order.refunded.toString()).toBe("5");
    expect((await applyProviderStatus(testDeps(db), order.id, { status: "partial", raw: "Partial", remains: 1500 })).changed).toBe(false);
    expect((await refunds(order.id)).map((x) => x.amount.toString())).toEqual(["5"]);
    expect(await db.outbox.count({ where: { orderId: order.id, kind: "notify-delivery" } })).toBe(1);
    await expectLedgerInvariants(db, [user.account.id]);
  });

  it("Partial with remains 0, unknown or over-delivered refunds nothing", async () => {
    for (const remains of [0, null, -40]) {
      const { user, order } = await orderAtProvider();
      const r = await applyProviderStatus(testDeps(db), order.id, { status: "partial", raw: "Partial", remains });
      expect(r.order.status).toBe("PARTIAL");
      expect(await refunds(order.id)).toHaveLength(0);
      await expectLedgerInvariants(db, [user.account.id]);
    }
  });

  it("Canceled upstream → FAILED with the money held; an admin cancel then refunds in full, once", async () => {
    const { user, order } = await orderAtProvider();
    const r = await applyProviderStatus(testDeps(db), order.id, { status: "canceled", raw: "Cancelled" });
    expect(r.order).toMatchObject({ status: "FAILED", failureReason: "provider_canceled" });
    expect(await refunds(order.id)).toHaveLength(0);
    const admin = { label: "telegram:1", isAdmin: true };
    const canceled = await cancelOrder(testDeps(db), { orderId: order.id, actor: admin });
    expect(canceled.status).toBe("CANCELED");
    await expect(cancelOrder(testDeps(db), { orderId: order.id, actor: admin })).rejects.toBeInstanceOf(InvalidStateError);
    const rs = await refunds(order.id);
    expect(rs.map((x) => x.amount.toString())).toEqual(["5"]);
    expect((await db.account.findUniqueOrThrow({ where: { id: user.account.id } })).balance.toString()).toBe("100");
    expect(await db.auditLog.count({ where: { entity: "Order", entityId: String(order.id), action: "order.cancel" } })).toBe(1);
    await expectLedgerInvariants(db, [user.account.id]);
  });
});

describe("cancelOrder", () => {
  it("refunds a PENDING order in full; refuses orders at the provider, UNKNOWN ones and other users' orders", async () => {
    const user = await buildUser(db, { balance: "100" });
    const stranger = await buildUser(db);
    const service = await buildService(db, { price: "5" });
    const { order } = await placeOrder(testDeps(db), { userId: user.id, serviceId: service.id, link: "https://x.com/a", quantity: 1000 });
    const customer = { userId: user.id, label: "telegram:x" };
    await expect(cancelOrder(testDeps(db), { orderId: order.id, actor: { userId: stranger.id, label: "s" }, ownerUserId: stranger.id })).rejects.toMatchObject({ code: "not_found" });
    expect((await cancelOrder(testDeps(db), { orderId: order.id, actor: customer, ownerUserId: user.id })).status).toBe("CANCELED");
    expect((await db.account.findUniqueOrThrow({ where: { id: user.account.id } })).balance.toString()).toBe("100");

    const atProvider = await orderAtProvider();
    await expect(cancelOrder(testDeps(db), { orderId: atProvider.order.id, actor: ADMIN })).rejects.toBeInstanceOf(InvalidStateError);
    const { order: unknown } = await placeOrder(testDeps(db), { userId: user.id, serviceId: service.id, link: "https://x.com/a", quantity: 1000 });
    await db.order.update({ where: { id: unknown.id }, data: { status: "UNKNOWN" } });
    await expect(cancelOrder(testDeps(db), { orderId: unknown.id, actor: ADMIN })).rejects.toBeInstanceOf(InvalidStateError);
    await expectLedgerInvariants(db, [user.account.id, atProvider.user.account.id]);
  });

  it("20 concurrent cancels of one order refund it once", async () => {
    const user = await buildUser(db, { balance: "100" });
    const service = await buildService(db, { price: "5" });
    const { order } = await placeOrder(testDeps(db), { userId: user.id, serviceId: service.id, link: "https://x.com/a", quantity: 1000 });
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => cancelOrder(testDeps(db), { orderId: order.id, actor: ADMIN })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await refunds(order.id)).toHaveLength(1);
    await expectLedgerInvariants(db, [user.account.id]);
  });
});
