// Each dashboard page's GraphQL query runs a fixed number of SQL statements, whatever the data size:
// every page is run over 5 and then 50 rows of what it lists, and the statements are counted.
import { describe, expect, it } from "vitest";
import { buildCaller, graphqlFor } from "../support/graphql-factories.js";
import { buildCategory, buildProvider, buildService, buildUser, unique } from "../support/factories.js";
import { testDeps } from "../support/deps.js";
import { useTestDb } from "../support/test-db.js";

const handle = await useTestDb();
const db = handle.prisma;
// The clock stands still from the key check before a counted request to its end, so the key is
// served from its short cache (src/apikeys/verified-keys.ts) in every counted request alike.
let frozen: Date | null = null;
const { gql } = graphqlFor(db, { rateLimitPerMinute: 100_000, deps: testDeps(db, {}, () => frozen ?? new Date()) });

// Prisma's pg adapter sends every statement outside transactions through pool.query.
let statements = 0;
let counting = false;
const query = handle.pool.query.bind(handle.pool) as (...args: unknown[]) => unknown;
(handle.pool as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
  if (counting) statements += 1;
  return query(...args);
};

const admin = await buildCaller(db, "ADMIN", "statements");
await gql(admin, "{ me { id } }"); // the key's lastUsedAt write happens on first use only

async function count(document: string, variables: Record<string, unknown> = {}): Promise<{ statements: number; data: any }> {
  frozen = new Date();
  await gql(admin, "{ me { id } }");
  statements = 0;
  counting = true;
  const res = await gql(admin, document, variables);
  counting = false;
  frozen = null;
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  return { statements, data: res.body.data };
}

const USERS_PAGE = `query($s: String!) { users(first: 50, search: $s) { totalCount pageInfo { hasNextPage endCursor }
  nodes { id telegramId username firstName language role blocked resellerDiscount resellerRequestedAt createdAt ordersCount account { id balance } } } }`;

const USER_PAGE = `query($id: Int!) { user(id: $id) { id username firstName role blocked resellerDiscount ordersCount
  resellerPrices { serviceId price } apiKeys { id prefix revokedAt }
  account { id balance entries(first: 50) { pageInfo { hasNextPage endCursor } edges { node { id kind amount balanceAfter orderId topUpId note createdAt } } } }
  orders(first: 50) { edges { node { id status charge refunded quantity createdAt service { id nameEn } provider { id name } } } }
  tickets(first: 50) { edges { node { id type status createdAt orderIds messages { id author text } } } }
  topUps(first: 50) { edges { node { id method amount status senderNumber createdAt } } } } }`;

const CATALOGUE_PAGE = `{ categories { id nameBn nameEn sortOrder active servicesCount
  services { id nameBn nameEn price cost min max platform active refill cancel inactiveReason provider { id name } deliveryEstimate { orders } } } }`;

const SERVICES_PAGE = `query($c: Int!) { services(first: 50, categoryId: $c) { totalCount edges { node { id nameEn nameBn price cost priceUnit min max platform active refill cancel
  category { id nameEn } provider { id name } deliveryEstimate { orders } } } } }`;

const PROVIDERS_PAGE = `{ providers { id name url apiKeyMasked currency balance balanceCheckedAt active
  health { servicesCount activeServicesCount calls errors errorRate p50LatencyMs p95LatencyMs lastCallAt lastSyncAt lastImportAt } } }`;

const REPORTS_PAGE = `{
  a: ordersPerDayReport(days: 90) { ... on QueryOrdersPerDayReportSuccess { data { rows { day orders revenue } csv } } }
  b: providerOutcomeReport(days: 30) { ... on QueryProviderOutcomeReportSuccess { data { rows { id successRate } csv } } }
  c: serviceOutcomeReport(days: 30) { ... on QueryServiceOutcomeReportSuccess { data { rows { id successRate } csv } } }
  d: completionTimeReport(days: 30) { ... on QueryCompletionTimeReportSuccess { data { rows { fromSec orders } csv } } }
  e: stuckReasonReport { ... on QueryStuckReasonReportSuccess { data { rows { reason orders } csv } } }
  f: topUpMethodReport(days: 30) { ... on QueryTopUpMethodReportSuccess { data { rows { method requests } csv } } }
  g: stuckSummary { stuckCount }
  h: dashboardStats { totalOrders }
}`;

/** n customers named alike, each with an order, a ticket, a top-up and two ledger lines. */
async function customers(n: number, name: string, serviceId: number) {
  const users = [];
  for (let i = 0; i < n; i++) users.push(await buildUser(db, { firstName: name, username: unique("u"), balance: "100" }));
  await db.order.createMany({ data: users.map((u) => ({ userId: u.id, accountId: u.account.id, serviceId, link: "https://x.com/a", quantity: 100, charge: "10" })) });
  return users;
}

/** One customer with n orders, tickets, top-ups and ledger lines. */
async function busyCustomer(n: number, serviceId: number) {
  const user = await buildUser(db, { balance: "1000" });
  await db.order.createMany({ data: Array.from({ length: n }, (_, i) => ({ userId: user.id, accountId: user.account.id, serviceId, link: `https://x.com/${i}`, quantity: 100, charge: "10" })) });
  await db.topUp.createMany({ data: Array.from({ length: n }, () => ({ userId: user.id, accountId: user.account.id, method: "NAGAD" as const, amount: "100", trxId: unique("S").toUpperCase(), status: "PENDING" as const })) });
  const orders = await db.order.findMany({ where: { userId: user.id }, select: { id: true } });
  for (const [i, o] of orders.entries()) {
    await db.ticket.create({ data: { userId: user.id, type: "SPEED_UP", messages: { create: [{ author: "CUSTOMER", text: `#${i}` }, { author: "AUTO", text: "ok" }] }, orders: { create: { orderId: o.id } } } });
  }
  let balance = 1000;
  await db.ledgerEntry.createMany({ data: orders.map((o) => ({ accountId: user.account.id, kind: "ORDER_CHARGE" as const, amount: "-10", balanceAfter: String((balance -= 10)), orderId: o.id })) });
  return user;
}

describe("dashboard pages run a constant number of SQL statements", () => {
  it("users list and user detail: 5 and 50 users, a customer with 5 and with 50 orders, tickets, top-ups and ledger lines", async () => {
    const provider = await buildProvider(db);
    const service = await buildService(db, { providerId: provider.id, providerServiceId: "1" });
    const few = unique("Few");
    const many = unique("Many");
    await customers(5, few, service.id);
    await customers(50, many, service.id);
    const small = await count(USERS_PAGE, { s: few });
    const large = await count(USERS_PAGE, { s: many });
    expect(small.data.users.nodes).toHaveLength(5);
    expect(large.data.users.nodes).toHaveLength(50);
    expect(large.statements, `users page: ${small.statements} statements for 5 users, ${large.statements} for 50`).toBe(small.statements);

    const quiet = await busyCustomer(5, service.id);
    const busy = await busyCustomer(50, service.id);
    const one = await count(USER_PAGE, { id: quiet.id });
    const fifty = await count(USER_PAGE, { id: busy.id });
    expect(one.data.user.orders.edges).toHaveLength(5);
    expect(fifty.data.user.orders.edges).toHaveLength(50);
    expect(fifty.data.user.tickets.edges).toHaveLength(50);
    expect(fifty.data.user.topUps.edges).toHaveLength(50);
    expect(fifty.data.user.account.entries.edges).toHaveLength(50);
    expect(fifty.statements, `user page: ${one.statements} statements for 5 of each, ${fifty.statements} for 50`).toBe(one.statements);
    console.log(`users page: ${small.statements} statements; user page: ${one.statements}`);
  });

  it("catalogue, providers and reports pages: the same count before and after 45 more services, categories, providers and orders", async () => {
    const category = await buildCategory(db);
    const grow = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const provider = await buildProvider(db);
        await db.providerCall.create({ data: { providerId: provider.id, action: "status", request: {}, latencyMs: 100 + i, outcome: "ok" } });
        await buildService(db, { categoryId: (await buildCategory(db)).id, providerId: provider.id, providerServiceId: "1" });
        await buildService(db, { categoryId: category.id });
      }
    };
    const pages = async () => ({
      catalogue: await count(CATALOGUE_PAGE),
      services: await count(SERVICES_PAGE, { c: category.id }),
      providers: await count(PROVIDERS_PAGE),
      reports: await count(REPORTS_PAGE),
    });
    await grow(5);
    const before = await pages();
    expect(before.services.data.services.totalCount).toBe(5);
    await grow(45);
    const user = await buildUser(db);
    const service = await buildService(db, { categoryId: category.id });
    await db.order.createMany({ data: Array.from({ length: 45 }, () => ({ userId: user.id, accountId: user.account.id, serviceId: service.id, link: "https://x.com/a", quantity: 100, charge: "10", status: "COMPLETED" as const, completedAt: new Date() })) });
    const after = await pages();
    expect(after.services.data.services.totalCount).toBe(51);
    expect(after.services.data.services.edges).toHaveLength(50);
    expect(after.providers.data.providers.length).toBeGreaterThanOrEqual(before.providers.data.providers.length + 45);
    const counts = (p: Awaited<ReturnType<typeof pages>>) => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, v.statements]));
    expect(counts(after), "statements per page, after vs before").toEqual(counts(before));
    console.log("statements per page:", counts(before));
  });
});
