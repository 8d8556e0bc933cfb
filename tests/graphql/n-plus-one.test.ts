// The orders query resolves its relations in a fixed number of SQL statements, whatever the page size.
import { beforeAll, describe, expect, it } from "vitest";
import { placeOrder } from "../../src/orders/place-order.js";
import { buildCaller, graphqlFor } from "../support/graphql-factories.js";
import { buildCategory, buildProvider, buildService, buildUser } from "../support/factories.js";
import { useTestDb } from "../support/test-db.js";
import { testDeps } from "../support/deps.js";

const handle = await useTestDb();
const db = handle.prisma;
const { gql } = graphqlFor(db);

// Prisma's pg adapter sends every statement outside transactions through pool.query.
let statements = 0;
let counting = false;
const query = handle.pool.query.bind(handle.pool) as (...args: unknown[]) => unknown;
(handle.pool as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
  if (counting) statements += 1;
  return query(...args);
};
let providerId = 0;

beforeAll(async () => {
  // 40 orders over 8 users, 4 services in 2 categories, one provider; with calls and audit rows.
  const provider = await buildProvider(db);
  providerId = provider.id;
  const categories = [await buildCategory(db), await buildCategory(db)];
  const services = await Promise.all([0, 1, 2, 3].map((i) => buildService(db, { categoryId: categories[i % 2]!.id, providerId, providerServiceId: String(i + 1), price: "10", min: 10, max: 1000 })));
  const users = await Promise.all(Array.from({ length: 8 }, () => buildUser(db, { balance: "1000" })));
  for (let i = 0; i < 40; i++) {
    const { order } = await placeOrder(testDeps(db), { userId: users[i % 8]!.id, serviceId: services[i % 4]!.id, link: `https://x.com/${i}`, quantity: 100 });
    await db.providerCall.create({ data: { providerId, orderId: order.id, action: "add", request: { action: "add" }, latencyMs: 100 + i, outcome: "accepted", httpStatus: 200 } });
    await db.auditLog.create({ data: { actorLabel: "test", action: "order.note", entity: "Order", entityId: String(order.id) } });
  }
});

const ORDERS = `query($first: Int!, $providerId: Int!) {
  orders(first: $first, filter: { providerId: $providerId }) {
    nodes {
      id status charge
      user { id username account { balance } }
      service { id nameEn category { id nameEn } provider { id name } }
      provider { id name }
      providerCalls { id latencyMs }
      refills { id }
      auditEntries { action }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

async function statementsFor(first: number) {
  const admin = await buildCaller(db, "ADMIN", `n1-${first}`);
  await gql(admin, "{ me { id } }"); // the key's lastUsedAt write happens on first use only
  statements = 0;
  counting = true;
  const res = await gql(admin, ORDERS, { first, providerId });
  counting = false;
  expect(res.body.errors).toBeUndefined();
  expect(res.body.data.orders.nodes).toHaveLength(first);
  expect(res.body.data.orders.nodes[0].service.category.nameEn).toBeTruthy();
  expect(res.body.data.orders.nodes[0].auditEntries).toEqual([{ action: "order.note" }]);
  return statements;
}

describe("orders query", () => {
  it("runs the same number of SQL statements for 2, 10 and 40 orders", async () => {
    const small = await statementsFor(2);
    const medium = await statementsFor(10);
    const large = await statementsFor(40);
    expect(medium).toBe(small);
    expect(large).toBe(small);
    expect(small).toBeLessThanOrEqual(15);
  });
});
