// Panel to panel: shop B (a second panelbot, its own database) adds shop A as a provider through
// its own provider management and sells A's services; orders go customer → B → A (/api/v2) →
// provider simulator, and statuses, partial refunds and cancels come back the same way.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { issueApiKey } from "../../src/apikeys/api-keys.js";
import { createDb } from "../../src/db/client.js";
import { migrateDatabase } from "../../src/db/migrate.js";
import { forwardOrder } from "../../src/fulfilment/forward-order.js";
import { customerCancel } from "../../src/fulfilment/customer-cancel.js";
import { placeOrder } from "../../src/orders/place-order.js";
import { reconcileUnknownOrder } from "../../src/fulfilment/reconcile-unknown.js";
import { startProviderSimulator, type ProviderSimulator } from "../../src/providers/simulator/index.js";
import { setResellerPricing } from "../../src/resellers/reseller-pricing.js";
import { syncProviderOrders } from "../../src/fulfilment/sync-orders.js";
import { prepareServerDatabase } from "../support/database-target.js";
import { testDeps } from "../support/deps.js";
import { buildUser } from "../support/factories.js";
import { buildCaller, graphqlFor } from "../support/graphql-factories.js";
import { expectLedgerInvariants } from "../support/ledger-invariants.js";
import { buildSimProvider, buildSimService } from "../support/provider-factories.js";
import { useTestDb } from "../support/test-db.js";
import { startApiServer } from "./support.js";

const admin = { label: "telegram:1", isAdmin: true };

/** An HTTP hop in front of shop A that can swallow one answer: A commits, B hears nothing and times out. */
async function startHop(target: string) {
  let holdAction: string | null = null;
  let answered: (() => void) | null = null;
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const upstream = await fetch(target, { method: req.method, headers: { "content-type": req.headers["content-type"] ?? "" }, body: req.method === "POST" ? Buffer.concat(chunks) : undefined });
    const body = await upstream.text();
    const action = new URLSearchParams(Buffer.concat(chunks).toString("utf8")).get("action");
    if (holdAction !== null && action === holdAction) {
      holdAction = null;
      answered?.();
      return; // never answers: the socket stays open until B gives up
    }
    res.writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "application/json" });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v2`,
    /** The next call of `action` reaches A, and its answer is dropped; resolves once A has answered. */
    swallowNextAnswer(action: string): Promise<void> {
      holdAction = action;
      return new Promise((resolve) => (answered = resolve));
    },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

describe("panel to panel", async () => {
  const shopA = (await useTestDb()).prisma;
  const depsA = testDeps(shopA, { PROVIDER_TIMEOUT_MS: "20000", SYNC_PACE_MS: "0" });
  const apiA = await startApiServer(depsA);
  let shopB: Awaited<ReturnType<typeof createDb>>;
  let depsB: ReturnType<typeof testDeps>;
  let sim: ProviderSimulator;
  let hop: Awaited<ReturnType<typeof startHop>>;

  beforeAll(async () => {
    const url = new URL(inject("databaseUrl"));
    url.pathname = `${url.pathname}_shop_b`;
    await prepareServerDatabase(url.toString());
    await migrateDatabase(url.toString());
    shopB = createDb(url.toString(), 10);
    // B's provider is A, whose currency is BDT. A timeout generous for a loaded machine: the one call the hop never answers costs 20 s.
    depsB = testDeps(shopB.prisma, { PROVIDER_TIMEOUT_MS: "20000", SYNC_PACE_MS: "0", FX_RATES: "USD:122,BDT:1", PROVIDER_BALANCE_CACHE_SECONDS: "0" });
    sim = await startProviderSimulator({ balance: "1000000" });
    hop = await startHop(apiA.url);
  }, 120_000);
  afterAll(async () => {
    await hop?.close();
    await sim?.close();
    await shopB?.close();
  });

  async function connectShops() {
    // Shop A: a simulator-backed service at 200 BDT per 1000; shop B is A's reseller with 10 % off.
    const providerA = await buildSimProvider(shopA, depsA.box, sim);
    const serviceA = await buildSimService(shopA, providerA, { price: "200", cost: "109.8", nameEn: `Followers ${providerA.id}` });
    const resellerAtA = await buildUser(shopA, { role: "RESELLER", balance: "100000" });
    await setResellerPricing(shopA, { userId: resellerAtA.id, discountPercent: "10", actor: admin });
    const { key } = await issueApiKey(depsA, { userId: resellerAtA.id });

    // Shop B's admin adds A through B's own provider management and imports with 20 % markup.
    const { gql } = graphqlFor(shopB.prisma, { deps: depsB });
    const adminB = await buildCaller(shopB.prisma, "ADMIN", "admin-b");
    const created = await gql(adminB, `mutation($input: ProviderInput!) { createProvider(input: $input) { ... on MutationCreateProviderSuccess { data { id } } ... on Error { message } } }`, {
      input: { name: `Shop A ${providerA.id}`, url: hop.url, apiKey: key, currency: "BDT" },
    });
    const providerB = Number(created.body.data.createProvider.data.id);
    const imported = await gql(adminB, `mutation($id: Int!) { importProviderServices(providerId: $id, markupPercent: "20") { ... on MutationImportProviderServicesSuccess { data { created } } ... on Error { message } } }`, { id: providerB });
    expect(imported.body.data.importProviderServices.data.created).toBeGreaterThan(0);
    const serviceB = await shopB.prisma.service.findFirstOrThrow({ where: { providerId: providerB, providerServiceId: String(serviceA.id) } });
    return { providerA, serviceA, resellerAtA, providerB, serviceB };
  }

  async function orderAtB(serviceId: number, link: string, balance = "1000") {
    const customer = await buildUser(shopB.prisma, { balance });
    const { order } = await placeOrder(depsB, { userId: customer.id, serviceId, link, quantity: 1000 });
    return { customer, order };
  }

  const orderAtA = (providerOrderId: string | null) => shopA.order.findUniqueOrThrow({ where: { id: Number(providerOrderId) } });

  it("imports A's services at A's reseller price plus markup, and orders, partial refunds and cancels flow both ways", { timeout: 180_000 }, async () => {
    const { providerA, resellerAtA, providerB, serviceB } = await connectShops();
    // A's list price 200 − 10 % = 180 per 1000 for B; B sells at 180 × 1.2 = 216 and knows its cost.
    expect([serviceB.cost?.toFixed(4), serviceB.price.toFixed(4), serviceB.min, serviceB.refill, serviceB.cancel]).toEqual(["180.0000", "216.0000", 10, true, true]);

    // Partial: customer → B → A → simulator; the remains are refunded at both shops.
    const partial = await orderAtB(serviceB.id, "https://instagram.com/p2p-partial");
    expect((await forwardOrder(depsB, partial.order.id)).status).toBe("IN_PROGRESS");
    const atB = await shopB.prisma.order.findUniqueOrThrow({ where: { id: partial.order.id } });
    const atA = await orderAtA(atB.providerOrderId);
    expect([atA.userId, atA.source, atA.charge.toFixed(4)]).toEqual([resellerAtA.id, "API", "180.0000"]);
    expect((await forwardOrder(depsA, atA.id)).status).toBe("IN_PROGRESS");
    const simOrder = (await shopA.order.findUniqueOrThrow({ where: { id: atA.id } })).providerOrderId!;
    sim.advance(simOrder, { to: "Partial", remains: 250 });
    await syncProviderOrders(depsA, providerA.id, { paceMs: 0 });
    await syncProviderOrders(depsB, providerB, { paceMs: 0 });
    const [doneA, doneB] = [await orderAtA(atB.providerOrderId), await shopB.prisma.order.findUniqueOrThrow({ where: { id: partial.order.id } })];
    expect([doneA.status, doneA.refunded.toFixed(4), doneB.status, doneB.remains, doneB.refunded.toFixed(4), doneB.providerCharge?.toFixed(4)]).toEqual(["PARTIAL", "45.0000", "PARTIAL", 250, "54.0000", "135.0000"]);

    // Cancel asked at B goes to A, from A to the simulator; the confirmation refunds both in full.
    const canceled = await orderAtB(serviceB.id, "https://instagram.com/p2p-cancel");
    await forwardOrder(depsB, canceled.order.id);
    const cancelAtA = await orderAtA((await shopB.prisma.order.findUniqueOrThrow({ where: { id: canceled.order.id } })).providerOrderId);
    await forwardOrder(depsA, cancelAtA.id);
    expect((await customerCancel(depsB, { orderId: canceled.order.id, actor: { userId: canceled.customer.id, label: "ticket" }, ownerUserId: canceled.customer.id })).kind).toBe("cancel_requested");
    sim.advance((await shopA.order.findUniqueOrThrow({ where: { id: cancelAtA.id } })).providerOrderId!, { to: "Canceled" });
    await syncProviderOrders(depsA, providerA.id, { paceMs: 0 });
    await syncProviderOrders(depsB, providerB, { paceMs: 0 });
    const [cA, cB] = [await orderAtA(String(cancelAtA.id)), await shopB.prisma.order.findUniqueOrThrow({ where: { id: canceled.order.id } })];
    expect([cA.status, cA.refunded.toFixed(4), cB.status, cB.refunded.toFixed(4)]).toEqual(["CANCELED", "180.0000", "CANCELED", "216.0000"]);
    expect([sim.ordersForLink("https://instagram.com/p2p-partial"), sim.ordersForLink("https://instagram.com/p2p-cancel")]).toEqual([1, 1]);

    // Money: B's customers paid B; B paid A at its reseller price, less the refunds.
    expect((await shopB.prisma.account.findUniqueOrThrow({ where: { userId: partial.customer.id } })).balance.toFixed(4)).toBe("838.0000");
    expect((await shopA.account.findUniqueOrThrow({ where: { userId: resellerAtA.id } })).balance.toFixed(4)).toBe("99865.0000");
    await expectLedgerInvariants(shopA, [resellerAtA.account.id]);
    await expectLedgerInvariants(shopB.prisma);
  });

  it("reaches the simulator once when B's add times out after A committed and is resubmitted with the same request_id", { timeout: 180_000 }, async () => {
    const { resellerAtA, serviceB } = await connectShops();
    const link = "https://instagram.com/p2p-timeout";
    const { order } = await orderAtB(serviceB.id, link);
    const swallowed = hop.swallowNextAnswer("add");
    const lost = forwardOrder(depsB, order.id);
    await swallowed;
    expect((await lost).status).toBe("UNKNOWN");
    const placedAtA = await shopA.order.findMany({ where: { userId: resellerAtA.id } });
    expect(placedAtA.length).toBe(1);

    // B's admin decides "not placed" and sends it again: the same request_id makes A answer with the order it has.
    const resent = await reconcileUnknownOrder(depsB, { orderId: order.id, actor: admin, decision: { kind: "not_placed" } });
    expect([resent.status, resent.providerOrderId]).toEqual(["IN_PROGRESS", String(placedAtA[0]!.id)]);
    expect(await shopA.order.count({ where: { userId: resellerAtA.id } })).toBe(1);
    await forwardOrder(depsA, placedAtA[0]!.id);
    await forwardOrder(depsA, placedAtA[0]!.id);
    expect(sim.ordersForLink(link)).toBe(1);
    // A charged its reseller once; B charged its customer once.
    expect((await shopA.account.findUniqueOrThrow({ where: { userId: resellerAtA.id } })).balance.toFixed(4)).toBe("99820.0000");
    await expectLedgerInvariants(shopA, [resellerAtA.account.id]);
    await expectLedgerInvariants(shopB.prisma);
  });
});
