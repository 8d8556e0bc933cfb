// The admin `orders` connection reads its page with hand-written SQL: every filter, sort, cursor
// and direction must answer exactly what Prisma's findMany (the reference here) answers for the
// same arguments, and every field type must come back as Prisma's rows serialise.
import type { Prisma } from "@prisma/client";
import { beforeAll, describe, expect, it } from "vitest";
import { placeOrder } from "../../src/orders/place-order.js";
import { buildProvider, buildService, buildUser } from "../support/factories.js";
import { buildCaller, graphqlFor, type Caller } from "../support/graphql-factories.js";
import { testDeps } from "../support/deps.js";
import { useTestDb } from "../support/test-db.js";

const { prisma: db } = await useTestDb();
const { gql } = graphqlFor(db);
let admin: Caller;
let serviceId = 0;
let providerId = 0;
const ids: number[] = [];
const base = new Date("2026-01-01T00:00:00.000Z");

type Filter = { status?: string[]; providerId?: number; userId?: number; createdFrom?: string; createdTo?: string; stuck?: boolean; manual?: boolean };
type Field = "CREATED_AT" | "UPDATED_AT" | "CHARGE" | "QUANTITY";
const COLUMN = { CREATED_AT: "createdAt", UPDATED_AT: "updatedAt", CHARGE: "charge", QUANTITY: "quantity" } as const;

beforeAll(async () => {
  admin = await buildCaller(db, "ADMIN", "connection-admin");
  const provider = await buildProvider(db);
  providerId = provider.id;
  // cancel and refill on: allowedActions declares it reads them (the customer's rules use them).
  const service = await buildService(db, { providerId, providerServiceId: "1", price: "10", min: 10, max: 1000, cancel: true, refill: true });
  serviceId = service.id;
  const users = await Promise.all([0, 1, 2].map(() => buildUser(db, { balance: "1000" })));
  const statuses = ["PENDING", "COMPLETED", "FAILED", "UNKNOWN", "COMPLETED", "CANCELED"] as const;
  for (let i = 0; i < 24; i++) {
    const { order } = await placeOrder(testDeps(db), { userId: users[i % 3]!.id, serviceId, link: `https://x.com/conn_${i}`, quantity: 100 + (i % 4) * 10 });
    ids.push(order.id);
    // Ties on every sort column, so the id tiebreak decides; some orders without a provider.
    await db.order.update({
      where: { id: order.id },
      data: {
        status: statuses[i % statuses.length],
        createdAt: new Date(base.getTime() + Math.floor(i / 3) * 60_000),
        updatedAt: new Date(base.getTime() + (i % 5) * 60_000),
        stuck: i % 7 === 0,
        isManual: i % 4 === 0,
        ...(i % 6 === 5 ? { providerId: null } : {}),
        ...(i === 1 ? { extra: { comments: ["a", "b"] }, cost: "1.2345", providerCharge: "0.123456", groupChatId: 9_007_199_254_740_993n, completedAt: new Date("2026-01-02T03:04:05.678Z") } : {}),
      },
    });
  }
});

/** What the connection answered before: Prisma's findMany with the same where, order and cursor. */
async function reference(filter: Filter, field: Field, direction: "asc" | "desc", take: number, cursor?: number) {
  const where: Prisma.OrderWhereInput = {
    serviceId,
    ...(filter.status?.length ? { status: { in: filter.status as never } } : {}),
    ...(filter.providerId != null ? { providerId: filter.providerId } : {}),
    ...(filter.userId != null ? { userId: filter.userId } : {}),
    ...(filter.stuck != null ? { stuck: filter.stuck } : {}),
    ...(filter.manual != null ? { isManual: filter.manual } : {}),
    ...(filter.createdFrom || filter.createdTo
      ? { createdAt: { ...(filter.createdFrom ? { gte: new Date(filter.createdFrom) } : {}), ...(filter.createdTo ? { lt: new Date(filter.createdTo) } : {}) } }
      : {}),
  };
  const rows: { id: number }[] = await db.order.findMany({
    where,
    orderBy: [{ [COLUMN[field]]: direction }, { id: direction }],
    take,
    ...(cursor !== undefined ? { cursor: { id: cursor }, skip: 1 } : { skip: 0 }),
    select: { id: true },
  } as Prisma.OrderFindManyArgs);
  return rows.map((r) => r.id);
}

const PAGE = `query($filter: OrderFilter, $sort: OrderSort, $first: Int, $after: String, $last: Int, $before: String) {
  orders(filter: $filter, sort: $sort, first: $first, after: $after, last: $last, before: $before) {
    totalCount
    nodes { id user { id } service { id } provider { id } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

async function page(filter: Filter, field: Field, direction: "ASC" | "DESC", args: { first?: number; after?: string; last?: number; before?: string }) {
  const res = await gql(admin, PAGE, { filter: { ...filter, serviceId }, sort: { field, direction }, ...args });
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  return res.body.data.orders;
}

const FILTERS: Filter[] = [
  {},
  { status: ["FAILED", "UNKNOWN"] },
  { status: ["COMPLETED"], manual: false },
  { stuck: true },
  { createdFrom: "2026-01-01T00:02:00.000Z", createdTo: "2026-01-01T00:05:00.000Z" },
];

describe("the orders connection", () => {
  it("pages forwards through every filter and sort as Prisma did, cursor by cursor", async () => {
    for (const filter of FILTERS) {
      for (const field of Object.keys(COLUMN) as Field[]) {
        for (const direction of ["ASC", "DESC"] as const) {
          const label = `${JSON.stringify(filter)} ${field} ${direction}`;
          const all = await reference(filter, field, direction === "ASC" ? "asc" : "desc", 1000);
          const seen: number[] = [];
          let after: string | undefined;
          for (let step = 0; step < 20; step++) {
            const got = await page(filter, field, direction, { first: 4, after });
            expect(got.totalCount, `${label}: totalCount`).toBe(all.length);
            const expected = await reference(filter, field, direction === "ASC" ? "asc" : "desc", 5, after === undefined ? undefined : Number(Buffer.from(after, "base64").toString().split(":").pop()));
            expect(got.nodes.map((n: { id: number }) => n.id), `${label}: page ${step}`).toEqual(expected.slice(0, 4));
            expect(got.pageInfo.hasNextPage, `${label}: hasNextPage on page ${step}`).toBe(expected.length === 5);
            seen.push(...got.nodes.map((n: { id: number }) => n.id));
            if (!got.pageInfo.hasNextPage) break;
            after = got.pageInfo.endCursor;
          }
          expect(seen, `${label}: every order once, in order`).toEqual(all);
        }
      }
    }
  });

  it("pages backwards (last/before) as Prisma did", async () => {
    for (const filter of FILTERS.slice(0, 3)) {
      const label = JSON.stringify(filter);
      const all = await reference(filter, "CREATED_AT", "desc", 1000);
      const last = await page(filter, "CREATED_AT", "DESC", { last: 3 });
      expect(last.nodes.map((n: { id: number }) => n.id), `${label}: last 3`).toEqual(all.slice(-3));
      expect(last.pageInfo.hasPreviousPage, `${label}: hasPreviousPage`).toBe(all.length > 3);
      if (all.length > 3) {
        const before = await page(filter, "CREATED_AT", "DESC", { last: 2, before: last.pageInfo.startCursor });
        expect(before.nodes.map((n: { id: number }) => n.id), `${label}: 2 before the last 3`).toEqual(all.slice(-5, -3));
      }
    }
  });

  it("answers a cursor outside the filter and an unknown cursor as Prisma did", async () => {
    const failed = await reference({ status: ["FAILED"] }, "CREATED_AT", "desc", 1000);
    const completed = await reference({ status: ["COMPLETED"] }, "CREATED_AT", "desc", 1000);
    const outside = completed[2]!;
    const cursorOf = (id: number) => Buffer.from(`GPC:N:${id}`).toString("base64");
    const got = await page({ status: ["FAILED"] }, "CREATED_AT", "DESC", { first: 10, after: cursorOf(outside) });
    const expected = await reference({ status: ["FAILED"] }, "CREATED_AT", "desc", 11, outside);
    expect(failed.length, "fixture has FAILED orders").toBeGreaterThan(0);
    expect(got.nodes.map((n: { id: number }) => n.id), "after a COMPLETED order's cursor").toEqual(expected.slice(0, 10));
    const unknown = await page({}, "CREATED_AT", "DESC", { first: 10, after: cursorOf(2_000_000_000) });
    expect(unknown.nodes.map((n: { id: number }) => n.id), "after an unknown cursor").toEqual((await reference({}, "CREATED_AT", "desc", 11, 2_000_000_000)).slice(0, 10));
  });

  it("serialises every field type as Prisma's rows did, and a missing provider as null", async () => {
    const FIELDS = `id status customerStatus allowedActions source link quantity extra charge cost refunded isManual adminNotes providerServiceId providerOrderId providerStatus
      providerCharge providerCurrency providerError failureReason startCount remains resubmitCount lastResubmitAt lastStatusCheck stuck stuckReason stuckAt
      takenAt completedAt canceledAt createdAt updatedAt
      user { id telegramId username firstName language role blocked resellerDiscount resellerRequestedAt createdAt }
      service { id nameEn nameBn price cost min max refill cancel active }
      provider { id name url currency balance lowBalanceAlert active createdAt }`;
    const joined = await gql(admin, `query($f: OrderFilter) { orders(first: 30, filter: $f) { nodes { ${FIELDS} } } }`, { f: { serviceId } });
    expect(joined.body.errors, JSON.stringify(joined.body.errors)).toBeUndefined();
    // Prisma loads each order on its own (the single-order query), the reference for every value.
    for (const node of joined.body.data.orders.nodes) {
      const single = await gql(admin, `query($id: Int!) { order(id: $id) { ${FIELDS} } }`, { id: node.id });
      expect(node, `order ${node.id}`).toEqual(single.body.data.order);
    }
    // Only columns, through a fragment, an inline fragment and an alias: the page reads just those.
    const NARROW = `id l: link charge ... on Order { createdAt } user { ...U } service { nameEn } provider { __typename name }`;
    const narrow = await gql(admin, `query($f: OrderFilter) { orders(first: 30, filter: $f) { edges { node { ${NARROW} } } } } fragment U on User { username telegramId }`, { f: { serviceId } });
    expect(narrow.body.errors, JSON.stringify(narrow.body.errors)).toBeUndefined();
    for (const { node } of narrow.body.data.orders.edges) {
      const single = await gql(admin, `query($id: Int!) { order(id: $id) { ${NARROW} } } fragment U on User { username telegramId }`, { id: node.id });
      expect(node, `order ${node.id}, narrow selection`).toEqual(single.body.data.order);
    }
    // A computed field beside a narrow selection: allowedActions reads status, isManual and the service's cancel and refill.
    for (const NEEDS of ["id allowedActions service { nameEn }", "id allowedActions", "id allowedActions user { username }"]) {
      const needs = await gql(admin, `query($f: OrderFilter) { orders(first: 30, filter: $f) { nodes { ${NEEDS} } } }`, { f: { serviceId } });
      expect(needs.body.errors, JSON.stringify(needs.body.errors)).toBeUndefined();
      const actions = new Set<string>();
      for (const node of needs.body.data.orders.nodes) {
        const single = await gql(admin, `query($id: Int!) { order(id: $id) { ${NEEDS} } }`, { id: node.id });
        expect(node, `order ${node.id}, ${NEEDS}`).toEqual(single.body.data.order);
        node.allowedActions.forEach((a: string) => actions.add(a));
      }
      expect(actions.has("CANCEL"), `${NEEDS}: no order may be canceled (its status was not read?)`).toBe(true);
    }
    const nodes = joined.body.data.orders.nodes as { id: number; extra: unknown; provider: unknown }[];
    expect(nodes.find((n) => n.id === ids[1])?.extra, "JSON extra").toEqual({ comments: ["a", "b"] });
    expect(nodes.find((n) => n.id === ids[5])?.provider, "an order without a provider").toBeNull();
  });
});
