import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProviderSimulator, type ProviderSimulator } from "../../src/providers/simulator/index.js";
import { countBy } from "../support/count-by.js";
import { buildCaller, buildFailedOrder, buildSimulatedProvider, graphqlFor } from "../support/graphql-factories.js";
import { expectLedgerInvariants } from "../support/ledger-invariants.js";
import { useTestDb } from "../support/test-db.js";

const { prisma: db } = await useTestDb(30);
const { gql, deps } = graphqlFor(db, { rateLimitPerMinute: 10_000 });
let sim: ProviderSimulator;
let ctx: Awaited<ReturnType<typeof buildSimulatedProvider>>;
let admin: Awaited<ReturnType<typeof buildCaller>>;

beforeAll(async () => {
  sim = await startProviderSimulator({ balance: "1000" });
  ctx = await buildSimulatedProvider(deps, sim);
  admin = await buildCaller(db, "ADMIN", "resubmit-admin");
});
afterAll(() => sim?.close());

const RESUBMIT = `mutation($id: Int!) { resubmitOrder(orderId: $id) { __typename
  ... on MutationResubmitOrderSuccess { data { id status resubmitCount providerOrderId } }
  ... on Error { code message } } }`;

describe("resubmitOrder", () => {
  it("20 concurrent resubmits of one FAILED order make one provider call", async () => {
    const customer = await buildCaller(db, "CUSTOMER", "resubmit-customer");
    const order = await buildFailedOrder(db, customer.user.id, ctx.service.id);
    sim.reset();
    const results = await Promise.all(Array.from({ length: 20 }, () => gql(admin, RESUBMIT, { id: order.id })));
    expect(sim.callCount("add")).toBe(1);
    expect(countBy(results, (r) => String(r.body.data?.resubmitOrder?.__typename))).toEqual({ MutationResubmitOrderSuccess: 1, InvalidStateError: 19 });
    const row = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(row).toMatchObject({ status: "IN_PROGRESS", resubmitCount: 1 });
    await expectLedgerInvariants(db, [customer.user.account.id]);
  });

  it("refuses an order that is not FAILED with a typed error", async () => {
    const customer = await buildCaller(db, "CUSTOMER", "resubmit-customer-2");
    const order = await buildFailedOrder(db, customer.user.id, ctx.service.id);
    await db.order.update({ where: { id: order.id }, data: { status: "UNKNOWN" } });
    const res = await gql(admin, RESUBMIT, { id: order.id });
    expect(res.body.data.resubmitOrder).toMatchObject({ __typename: "InvalidStateError", code: "invalid_state" });

    const reconcile = `mutation($id: Int!) { reconcileUnknownOrder(orderId: $id, decision: NOT_PLACED) { __typename
      ... on MutationReconcileUnknownOrderSuccess { data { status } } } }`;
    const settled = await gql(admin, reconcile, { id: order.id });
    expect(settled.body.data.reconcileUnknownOrder).toEqual({ __typename: "MutationReconcileUnknownOrderSuccess", data: { status: "IN_PROGRESS" } });

    const detail = await gql(admin, `query($id: Int!) { order(id: $id) { status customerStatus providerCalls { action httpStatus request } auditEntries { action actorLabel } } }`, { id: order.id });
    expect(detail.body.data.order.status).toBe("IN_PROGRESS");
    expect(detail.body.data.order.providerCalls.map((c: { action: string }) => c.action)).toContain("add");
    expect(JSON.stringify(detail.body.data.order.providerCalls)).not.toContain(sim.apiKey);
    expect(detail.body.data.order.auditEntries.map((a: { action: string }) => a.action)).toContain("order.resubmit");
  });

  it("shows providers with a masked key and the live balance", async () => {
    const res = await gql(admin, `query($id: Int!) { provider(id: $id) { apiKeyMasked liveBalance currency } }`, { id: ctx.provider.id });
    expect(res.body.data.provider.apiKeyMasked).toBe(`****${sim.apiKey.slice(-4)}`);
    expect(Number(res.body.data.provider.liveBalance)).toBeGreaterThan(0);
    expect(JSON.stringify(res.body)).not.toContain(sim.apiKey);
  });
});
