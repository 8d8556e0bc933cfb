// The embedded demo's made-up 30 days: every order state, money that adds up, a slow provider.
import { describe, expect, it } from "vitest";
import { DEMO_SEED } from "../../src/catalogue/demo-history-plan.js";
import { writeDemoHistory } from "../../src/catalogue/seed-demo-history.js";
import { Decimal } from "../../src/money/decimal.js";
import { buildCategory, buildProvider, buildService } from "../support/factories.js";
import { useTestDb } from "../support/test-db.js";

const handle = await useTestDb(5);
const db = handle.prisma;

// A window of its own, years ahead, so other files' rows (made now) never mix with these.
const now = new Date(Date.UTC(3000 + (Date.now() % 6000), 5, 15, 10));
const seed = DEMO_SEED + 1 + (Date.now() % 100_000);

describe("demo history", () => {
  it("writes 30 days of orders in every status, top-ups, tickets and provider calls, with balances equal to the ledger", async () => {
    const fast = await buildProvider(db);
    const slow = await buildProvider(db);
    const category = await buildCategory(db);
    const planned = [
      await buildService(db, { categoryId: category.id, providerId: fast.id, providerServiceId: "1", price: "180", cost: "122", min: 50, max: 50000 }),
      await buildService(db, { categoryId: category.id, providerId: fast.id, providerServiceId: "2", price: "60", cost: "36.6", min: 20, max: 20000 }),
      await buildService(db, { categoryId: category.id, providerId: slow.id, providerServiceId: "1", price: "150", cost: "110", min: 100, max: 20000 }),
      await buildService(db, { categoryId: category.id, mode: "MANUAL", providerId: null, providerServiceId: null, priceUnit: "PER_PACKAGE", packageSize: 100, price: "80", cost: null, min: 1, max: 1 }),
    ].map((s, i) => ({ id: s.id, providerId: s.providerId, providerServiceId: s.providerServiceId, price: new Decimal(s.price), cost: s.cost && new Decimal(s.cost), priceUnit: s.priceUnit, min: s.min, max: s.max, weight: [5, 4, 3, 2][i]!, slow: i === 2 }));

    const counted = await db.$transaction((tx) => writeDemoHistory(tx, now, planned, { fast: fast.id, slow: slow.id }, seed), { timeout: 120_000 });

    const serviceIds = planned.map((s) => s.id);
    const byStatus = await db.order.groupBy({ by: ["status"], where: { serviceId: { in: serviceIds } }, _count: { _all: true } });
    expect(byStatus.map((r) => r.status).sort(), "every order status is present").toEqual(["CANCELED", "COMPLETED", "FAILED", "IN_PROGRESS", "PARTIAL", "PENDING", "SUBMITTING", "UNKNOWN"]);
    expect(byStatus.reduce((s, r) => s + r._count._all, 0)).toBe(counted.orders);
    expect(counted.orders, "a month of orders").toBeGreaterThan(250);

    const first = await db.order.findFirstOrThrow({ where: { serviceId: { in: serviceIds } }, orderBy: { createdAt: "asc" } });
    expect(now.getTime() - first.createdAt.getTime(), "the history spans about 30 days").toBeGreaterThan(28 * 86_400_000);

    // Money: each account's balance is the sum of its ledger lines, never negative, and the last line's balanceAfter.
    const accounts = await db.account.findMany({ where: { orders: { some: { serviceId: { in: serviceIds } } } }, include: { entries: { orderBy: { id: "asc" } } } });
    expect(accounts.length).toBeGreaterThan(20);
    for (const a of accounts) {
      const sum = a.entries.reduce((s, e) => s.add(e.amount), new Decimal(0));
      expect(sum.toString(), `account ${a.id}: balance vs ledger`).toBe(new Decimal(a.balance).toString());
      expect(new Decimal(a.balance).gte(0), `account ${a.id} below zero`).toBe(true);
      expect(a.entries.at(-1)!.balanceAfter.toString(), `account ${a.id}: last balanceAfter`).toBe(a.balance.toString());
    }
    // Every charged order has its charge line; every refund its refund line.
    const orders = await db.order.findMany({ where: { serviceId: { in: serviceIds } }, include: { ledgerEntries: true } });
    for (const o of orders) {
      expect(o.ledgerEntries.find((e) => e.kind === "ORDER_CHARGE")?.amount.toString(), `order ${o.id} charge line`).toBe(o.charge.neg().toString());
      const refund = o.ledgerEntries.find((e) => e.kind === "REFUND");
      expect(refund?.amount.toString() ?? "0", `order ${o.id} refund line`).toBe(o.refunded.toString());
    }

    // The slow provider is slow and fails more, in its call log and in its orders.
    const latency = await db.$queryRaw<{ providerId: number; p50: number; errors: number }[]>`
      SELECT "providerId", percentile_cont(0.5) WITHIN GROUP (ORDER BY "latencyMs") AS p50,
             AVG(CASE WHEN outcome IN ('rejected','unknown','not_sent') THEN 1 ELSE 0 END)::float8 AS errors
        FROM "ProviderCall" WHERE "providerId" IN (${fast.id}, ${slow.id}) GROUP BY 1`;
    const of = (id: number) => latency.find((r) => r.providerId === id)!;
    expect(of(slow.id).p50).toBeGreaterThan(of(fast.id).p50 * 3);
    expect(of(slow.id).errors).toBeGreaterThan(of(fast.id).errors);
    const median = async (providerId: number) =>
      (await db.$queryRaw<{ m: number }[]>`SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM ("completedAt" - "createdAt"))) AS m FROM "Order" WHERE "providerId" = ${providerId} AND status = 'COMPLETED'`)[0]!.m;
    expect(await median(slow.id)).toBeGreaterThan((await median(fast.id)) * 3);

    const topUps = await db.topUp.groupBy({ by: ["status"], where: { userId: { in: accounts.map((a) => a.userId!) } }, _count: { _all: true } });
    expect(topUps.map((t) => t.status).sort()).toEqual(["APPROVED", "PENDING", "REJECTED"]);
    const tickets = await db.ticket.findMany({ where: { userId: { in: accounts.map((a) => a.userId!) } }, include: { messages: true } });
    expect(tickets.length).toBe(counted.tickets);
    expect(new Set(tickets.map((t) => t.status))).toEqual(new Set(["OPEN", "ANSWERED", "CLOSED"]));
    expect(tickets.every((t) => t.messages.length >= 2)).toBe(true);
  });
});
