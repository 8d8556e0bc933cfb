import { beforeEach, describe, expect, it } from "vitest";
import type { Service } from "@prisma/client";
import { averageTimeMinutes, loadDeliveryEstimate } from "../../src/estimates/delivery-estimate.js";
import { refreshDeliveryEstimates } from "../../src/estimates/refresh-delivery-estimates.js";
import { applyProviderStatus } from "../../src/fulfilment/apply-provider-status.js";
import { recordProgress } from "../../src/fulfilment/record-progress.js";
import { buildTestBot, callbackUpdate, tgUser } from "../support/bot-factories.js";
import { testDeps } from "../support/deps.js";
import { buildProvider, buildService, buildUser, type UserWithAccount } from "../support/factories.js";
import { buildCaller, graphqlFor } from "../support/graphql-factories.js";
import { useTestDb } from "../support/test-db.js";

const { prisma: db } = await useTestDb(10);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** One order of history: placed `ago` before now, started after `start`, completed after `complete`. */
async function completedOrder(user: UserWithAccount, service: Service, h: { ago: number; start: number; complete: number; providerId?: number | null; status?: "COMPLETED" | "IN_PROGRESS" }) {
  const createdAt = new Date(Date.now() - h.ago);
  return db.order.create({
    data: {
      userId: user.id,
      accountId: user.account.id,
      serviceId: service.id,
      providerId: h.providerId ?? service.providerId,
      status: h.status ?? "COMPLETED",
      link: "https://instagram.com/someone",
      quantity: 100,
      charge: "10",
      createdAt,
      startedAt: new Date(createdAt.getTime() + h.start),
      completedAt: h.status === "IN_PROGRESS" ? null : new Date(createdAt.getTime() + h.complete),
      // The row was last written when it completed (or when it last moved), as in the shop.
      updatedAt: new Date(createdAt.getTime() + (h.status === "IN_PROGRESS" ? h.start : h.complete)),
    },
  });
}

/** A service with six completed orders: starts after 10…60 min, completes after 1…6 h, split over two providers. */
async function seededService(user: UserWithAccount) {
  const [p1, p2] = [await buildProvider(db), await buildProvider(db)];
  const service = await buildService(db, { providerId: p1.id });
  for (let i = 1; i <= 6; i++) {
    await completedOrder(user, service, { ago: 2 * DAY + i * HOUR, start: i * 10 * MIN, complete: i * HOUR, providerId: i <= 4 ? p1.id : p2.id });
  }
  // Outside the window, and not completed: neither counts.
  await completedOrder(user, service, { ago: 40 * DAY, start: 5 * DAY, complete: 6 * DAY });
  await completedOrder(user, service, { ago: 3 * DAY, start: 2 * DAY, complete: 9 * DAY, status: "IN_PROGRESS" });
  return { service, p1, p2 };
}

async function threeOrderService(user: UserWithAccount, ago = DAY) {
  const service = await buildService(db);
  for (let i = 1; i <= 3; i++) await completedOrder(user, service, { ago, start: 5 * MIN, complete: ago });
  return service;
}

// The watermark is one row for the whole database: each test starts from a first run.
beforeEach(async () => {
  await db.deliveryEstimateRefresh.deleteMany();
});

describe("delivery-time estimates", () => {
  it("median and p90 over a seeded history match a hand computation, per service and per provider", async () => {
    const user = await buildUser(db);
    const { service, p1, p2 } = await seededService(user);
    await refreshDeliveryEstimates(testDeps(db));
    const rows = await db.deliveryEstimate.findMany({ where: { serviceId: service.id }, orderBy: { providerId: "asc" } });
    // percentile_cont over 6 sorted values: p50 halfway between the 3rd and 4th, p90 at position 4.5 (between the 5th and 6th).
    expect(rows.map(({ providerId, orders, startP50Sec, startP90Sec, completeP50Sec, completeP90Sec }) => ({ providerId, orders, startP50Sec, startP90Sec, completeP50Sec, completeP90Sec }))).toEqual([
      { providerId: 0, orders: 6, startP50Sec: 35 * 60, startP90Sec: 55 * 60, completeP50Sec: 3.5 * 3600, completeP90Sec: 5.5 * 3600 },
      // p1 ran orders 1–4: p50 between the 2nd and 3rd, p90 at position 2.7.
      { providerId: p1.id, orders: 4, startP50Sec: 25 * 60, startP90Sec: 37 * 60, completeP50Sec: 2.5 * 3600, completeP90Sec: 3.7 * 3600 },
      { providerId: p2.id, orders: 2, startP50Sec: 55 * 60, startP90Sec: 59 * 60, completeP50Sec: 5.5 * 3600, completeP90Sec: 5.9 * 3600 },
    ]);
    expect((await averageTimeMinutes(db, [service.id])).get(service.id)).toBe(210);
  });

  it("the job is incremental: only services whose window changed are recomputed; aged-out orders leave it", async () => {
    const user = await buildUser(db);
    const { service } = await seededService(user);
    const now = Date.now();
    await refreshDeliveryEstimates(testDeps(db, {}, () => new Date(now)));
    const computedAt = async (serviceId: number) => (await db.deliveryEstimate.findUnique({ where: { serviceId_providerId: { serviceId, providerId: 0 } } }))?.computedAt.getTime();
    expect(await computedAt(service.id)).toBe(now);
    const other = await threeOrderService(user, HOUR); // completed just now
    // Only the service with a new completion is recomputed; the seeded one keeps its row.
    await refreshDeliveryEstimates(testDeps(db, {}, () => new Date(now + MIN)));
    expect([await computedAt(service.id), await computedAt(other.id)]).toEqual([now, now + MIN]);
    expect((await loadDeliveryEstimate(db, other.id)).orders).toBe(3);
    // 29 days on, the seeded orders (placed ~2 days ago) have aged out of the 30-day window.
    await refreshDeliveryEstimates(testDeps(db, {}, () => new Date(now + 29 * DAY)));
    expect(await loadDeliveryEstimate(db, service.id)).toEqual({ orders: 0, figures: null });
  });

  it("the catalogue and GraphQL show the estimate; a service with 3 orders says not enough data in both languages", async () => {
    const user = await buildUser(db);
    const { service } = await seededService(user);
    const few = await threeOrderService(user);
    await refreshDeliveryEstimates(testDeps(db));
    const { bot, telegram } = await buildTestBot(db);
    const en = await buildUser(db, { language: "en" });
    const bn = await buildUser(db, { language: "bn" });
    const show = async (customer: UserWithAccount, serviceId: number) => {
      const from = tgUser(customer);
      await bot.handleUpdate(callbackUpdate(from, `svc:${serviceId}`));
      return telegram.texts(from.id).at(-1)!;
    };
    // Start: p90 55 min; completion: 3.5 h (down to 3) – 5.5 h (up to 6).
    expect(await show(en, service.id)).toContain("⏱ Usually starts within 55 min, completes in 3–6 h");
    expect(await show(bn, service.id)).toContain("⏱ সাধারণত ৫৫ মিনিট-এর মধ্যে শুরু হয়, সম্পন্ন হয় ৩–৬ ঘণ্টা-এ");
    expect(await show(en, few.id)).toContain("⏱ Not enough completed orders yet to estimate the delivery time");
    expect(await show(bn, few.id)).toContain("⏱ সময়ের হিসাব দেওয়ার মতো যথেষ্ট সম্পন্ন অর্ডার এখনও হয়নি");

    const { gql } = graphqlFor(db, { rateLimitPerMinute: 10_000 });
    const admin = await buildCaller(db, "ADMIN", "admin");
    const q = `query($a: Int!, $b: Int!) {
      a: services(first: 1, categoryId: $a) { edges { node { deliveryEstimate { orders enoughData startMedianSeconds startP90Seconds completeMedianSeconds completeP90Seconds byProvider { providerId orders } } } } }
      b: services(first: 1, categoryId: $b) { edges { node { deliveryEstimate { orders enoughData startMedianSeconds completeP90Seconds } } } } }`;
    const res = await gql(admin, q, { a: service.categoryId, b: few.categoryId });
    expect(res.body.errors).toBeUndefined();
    const [a, b] = [res.body.data.a.edges[0].node, res.body.data.b.edges[0].node];
    expect(a.deliveryEstimate).toMatchObject({ orders: 6, enoughData: true, startMedianSeconds: 2100, startP90Seconds: 3300, completeMedianSeconds: 12600, completeP90Seconds: 19800 });
    expect(a.deliveryEstimate.byProvider.map((p: { orders: number }) => p.orders)).toEqual([4, 2]);
    expect(b.deliveryEstimate).toEqual({ orders: 3, enoughData: false, startMedianSeconds: null, completeP90Seconds: null });
  });

  it("an order starts when the provider reports it working, or at the latest on completion", async () => {
    const user = await buildUser(db);
    const provider = await buildProvider(db);
    const service = await buildService(db, { providerId: provider.id });
    const at = new Date("2026-11-01T10:00:00Z");
    const deps = testDeps(db, {}, () => at);
    const make = () => db.order.create({ data: { userId: user.id, accountId: user.account.id, serviceId: service.id, providerId: provider.id, providerOrderId: "1", status: "IN_PROGRESS", link: "https://x.com/a", quantity: 100, charge: "10" } });
    const [pending, working, skipped] = [await make(), await make(), await make()];
    await recordProgress(db, [
      { id: pending.id, quantity: 100, report: { status: "in_progress", raw: "Pending", remains: 100 } },
      { id: working.id, quantity: 100, report: { status: "in_progress", raw: "In progress", remains: 100 } },
    ], at);
    await applyProviderStatus(deps, skipped.id, { status: "completed", raw: "Completed", remains: 0 });
    const startedAt = async (id: number) => (await db.order.findUniqueOrThrow({ where: { id } })).startedAt;
    expect([await startedAt(pending.id), await startedAt(working.id), await startedAt(skipped.id)]).toEqual([null, at, at]);
  });
});
