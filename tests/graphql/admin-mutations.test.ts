// Admin mutations go through the use-cases: typed errors, audit rows, money through the ledger.
import { testDeps } from "../support/deps.js";
import { beforeAll, describe, expect, it } from "vitest";
import { requestTopUp } from "../../src/topups/request-topup.js";
import { buildCaller, buildFailedOrder, graphqlFor, type Caller } from "../support/graphql-factories.js";
import { buildService, buildUser } from "../support/factories.js";
import { expectLedgerInvariants } from "../support/ledger-invariants.js";
import { useTestDb } from "../support/test-db.js";

const { prisma: db } = await useTestDb();
const { gql } = graphqlFor(db, { rateLimitPerMinute: 10_000 });
let admin: Caller & { user: { id: number } };

beforeAll(async () => {
  admin = await buildCaller(db, "ADMIN", "mut-admin");
});

const typename = (res: { body: { data?: Record<string, { __typename: string }> } }, field: string) => res.body.data?.[field]?.__typename;

describe("catalogue", () => {
  it("creates a category and a service, and refuses a price below cost with a typed ValidationError", async () => {
    const category = await gql(admin, `mutation { createCategory(input: { nameBn: "টেস্ট", nameEn: " Test " }) { __typename ... on MutationCreateCategorySuccess { data { id nameEn } } } }`);
    const categoryId = category.body.data.createCategory.data.id;
    expect(category.body.data.createCategory.data.nameEn).toBe("Test");
    const create = await gql(admin, `mutation($c: Int!) { createService(input: { categoryId: $c, nameBn: "ডায়মন্ড", nameEn: "Diamonds", mode: MANUAL, linkKind: UID, price: "0.85", cost: "0.70", priceUnit: PER_UNIT, min: 1, max: 10000 }) {
      __typename ... on MutationCreateServiceSuccess { data { id price cost mode category { id } } } ... on Error { message } } }`, { c: categoryId });
    const service = create.body.data.createService.data;
    expect(service).toMatchObject({ price: "0.85", cost: "0.7", mode: "MANUAL", category: { id: categoryId } });

    const below = await gql(admin, `mutation($id: Int!) { updateService(id: $id, patch: { price: "0.5" }) { __typename ... on ValidationError { field code } } }`, { id: service.id });
    expect(below.body.data.updateService).toEqual({ __typename: "ValidationError", field: "price", code: "price_below_cost" });
    expect(await db.auditLog.count({ where: { entity: "Service", entityId: String(service.id) } })).toBe(1);

    // A cleared form field: an explicit null empties the optional fields; an absent one leaves them.
    const patch = (p: string) => gql(admin, `mutation($id: Int!) { updateService(id: $id, patch: ${p}) { ... on MutationUpdateServiceSuccess { data { stuckAfterMinutes descriptionEn price } } } }`, { id: service.id });
    expect((await patch(`{ stuckAfterMinutes: 90, descriptionEn: "UID only" }`)).body.data.updateService.data).toEqual({ stuckAfterMinutes: 90, descriptionEn: "UID only", price: "0.85" });
    expect((await patch(`{ price: "0.9" }`)).body.data.updateService.data).toEqual({ stuckAfterMinutes: 90, descriptionEn: "UID only", price: "0.9" });
    expect((await patch(`{ stuckAfterMinutes: null, descriptionEn: null, price: null }`)).body.data.updateService.data).toEqual({ stuckAfterMinutes: null, descriptionEn: null, price: "0.9" });
  });
});

describe("users, keys and money", () => {
  it("issues a key shown once, revokes it, and blocks a user's key", async () => {
    const reseller = await buildUser(db, { role: "RESELLER" });
    const issued = await gql(admin, `mutation($u: Int!) { issueApiKey(userId: $u, name: "shop") { __typename ... on MutationIssueApiKeySuccess { data { key apiKey { id prefix } } } } }`, { u: reseller.id });
    const { key, apiKey } = issued.body.data.issueApiKey.data;
    expect(key.startsWith(apiKey.prefix)).toBe(true);
    const asReseller = { headers: { authorization: `Bearer ${key}` } };
    expect((await gql(asReseller, "{ me { id } }")).body.data.me.id).toBe(reseller.id);
    const keys = await gql(admin, `query($u: Int!) { user(id: $u) { apiKeys { prefix } } }`, { u: reseller.id });
    expect(JSON.stringify(keys.body)).not.toContain(key);

    await gql(admin, `mutation($u: Int!) { setUserBlocked(userId: $u, blocked: true) { __typename } }`, { u: reseller.id });
    expect((await gql(asReseller, "{ me { id } }")).body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    await gql(admin, `mutation($u: Int!) { setUserBlocked(userId: $u, blocked: false) { __typename } }`, { u: reseller.id });
    expect((await gql(asReseller, "{ me { id } }")).body.data.me.id).toBe(reseller.id);

    await gql(admin, `mutation($k: Int!) { revokeApiKey(apiKeyId: $k) { __typename } }`, { k: apiKey.id });
    expect((await gql(asReseller, "{ me { id } }")).body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("adjusts a balance through the ledger and refuses an overdraft with the balance", async () => {
    const user = await buildUser(db, { balance: "10" });
    const add = await gql(admin, `mutation($a: Int!) { adjustBalance(accountId: $a, amount: "15.5", note: "goodwill") { __typename ... on MutationAdjustBalanceSuccess { data { balance entries(first: 1) { nodes { kind amount note } } } } } }`, { a: user.account.id });
    expect(add.body.data.adjustBalance.data).toEqual({ balance: "25.5", entries: { nodes: [{ kind: "ADJUSTMENT", amount: "15.5", note: "goodwill" }] } });
    const over = await gql(admin, `mutation($a: Int!) { adjustBalance(accountId: $a, amount: "-100", note: "x") { __typename ... on InsufficientBalanceError { balance required } } }`, { a: user.account.id });
    expect(over.body.data.adjustBalance).toEqual({ __typename: "InsufficientBalanceError", balance: "25.50", required: "100.00" });
    await expectLedgerInvariants(db, [user.account.id]);
  });

  it("approves a top-up once", async () => {
    const user = await buildUser(db);
    const topUp = await requestTopUp(testDeps(db), { userId: user.id, method: "NAGAD", amount: "300", trxId: `M${process.pid}${Date.now().toString(36)}`.toUpperCase().slice(0, 20), limits: { min: "50", max: "100000" } });
    const approve = `mutation($id: Int!) { approveTopUp(id: $id) { __typename ... on MutationApproveTopUpSuccess { data { status } } } }`;
    expect((await gql(admin, approve, { id: topUp.id })).body.data.approveTopUp).toEqual({ __typename: "MutationApproveTopUpSuccess", data: { status: "APPROVED" } });
    expect(typename(await gql(admin, approve, { id: topUp.id }), "approveTopUp")).toBe("InvalidStateError");
    expect((await db.account.findUniqueOrThrow({ where: { id: user.account.id } })).balance.toString()).toBe("300");
  });
});

describe("orders", () => {
  it("cancels a FAILED order with a refund, and moves a manual order to done", async () => {
    const customer = await buildUser(db, { balance: "100" });
    const service = await buildService(db, { price: "10", min: 10, max: 1000 });
    const failed = await buildFailedOrder(db, customer.id, service.id);
    const cancel = await gql(admin, `mutation($id: Int!) { cancelOrder(orderId: $id, reason: "test") { __typename ... on MutationCancelOrderSuccess { data { status refunded } } } }`, { id: failed.id });
    expect(cancel.body.data.cancelOrder.data).toEqual({ status: "CANCELED", refunded: "1" });

    const manual = await buildService(db, { mode: "MANUAL", linkKind: "UID", price: "1", priceUnit: "PER_UNIT", min: 1, max: 1000 });
    const created = await gql(admin, `mutation($u: Int!, $s: Int!) { createManualOrder(input: { userId: $u, serviceId: $s, link: "123456789", quantity: 10, adminNotes: "diamonds" }) {
      __typename ... on MutationCreateManualOrderSuccess { data { id status isManual charge } } ... on Error { message } } }`, { u: customer.id, s: manual.id });
    const order = created.body.data.createManualOrder.data;
    expect(order).toMatchObject({ status: "PENDING", isManual: true, charge: "10" });
    const take = await gql(admin, `mutation($id: Int!) { takeManualOrder(orderId: $id) { __typename ... on MutationTakeManualOrderSuccess { data { status } } } }`, { id: order.id });
    expect(take.body.data.takeManualOrder.data.status).toBe("IN_PROGRESS");
    const done = await gql(admin, `mutation($id: Int!) { completeManualOrder(orderId: $id) { __typename ... on MutationCompleteManualOrderSuccess { data { status auditEntries { action } } } } }`, { id: order.id });
    expect(done.body.data.completeManualOrder.data.status).toBe("COMPLETED");
    expect(done.body.data.completeManualOrder.data.auditEntries.map((a: { action: string }) => a.action)).toEqual(["order.create_manual", "order.manual_in_progress", "order.manual_completed"]);
    await expectLedgerInvariants(db, [customer.account.id]);
  });

  it("filters, sorts and pages orders with cursors", async () => {
    const customer = await buildUser(db, { balance: "1000" });
    const service = await buildService(db, { price: "10", min: 10, max: 1000 });
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push((await buildFailedOrder(db, customer.id, service.id, `https://x.com/${i}`)).id);
    const page = `query($after: String) { orders(first: 2, after: $after, filter: { userId: ${customer.id}, status: [FAILED] }, sort: { field: CREATED_AT, direction: ASC }) {
      totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`;
    const seen: number[] = [];
    let after: string | null = null;
    for (;;) {
      const res: { body: { data?: any } } = await gql(admin, page, { after });
      expect(res.body.data.orders.totalCount).toBe(5);
      seen.push(...res.body.data.orders.nodes.map((n: { id: number }) => n.id));
      if (!res.body.data.orders.pageInfo.hasNextPage) break;
      after = res.body.data.orders.pageInfo.endCursor;
    }
    expect(seen).toEqual(ids);
  });
});
