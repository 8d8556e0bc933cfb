import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drainForwardOutbox } from "../../src/fulfilment/drain-forward-outbox.js";
import { startProviderSimulator, type ProviderSimulator } from "../../src/providers/simulator/index.js";
import { REPLY_WAIT_MS, testDeps } from "../support/deps.js";
import { buildUser } from "../support/factories.js";
import { buildCaller, graphqlFor } from "../support/graphql-factories.js";
import { expectLedgerInvariants } from "../support/ledger-invariants.js";
import { buildSimProvider } from "../support/provider-factories.js";
import { buildTestBot, buttonData, callbackUpdate, textUpdate, tgUser } from "../support/bot-factories.js";
import { useTestDb } from "../support/test-db.js";

const { prisma: db } = await useTestDb(30);
// Generous: a loaded machine must never turn a slow reply into a failure.
const deps = testDeps(db, { PROVIDER_TIMEOUT_MS: REPLY_WAIT_MS, FORWARD_RETRY_DELAYS: "0,0,0" });
const { gql } = graphqlFor(db, { deps });
let sim: ProviderSimulator;

beforeAll(async () => {
  sim = await startProviderSimulator({ balance: "1000000" });
});
afterAll(() => sim.close());

const IMPORT = `mutation($p: Int!) { importProviderServices(providerId: $p, markupPercent: "25") {
  __typename ... on MutationImportProviderServicesSuccess { data { created unsupported { providerServiceId name reason } } } } }`;
const PLACE = `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { __typename
  ... on MutationPlaceOrderSuccess { data { created order { id } } }
  ... on Error { code message } ... on PriceChangedError { charge } } }`;

async function importFromSimulator() {
  const admin = await buildCaller(db, "ADMIN", "kinds-admin");
  const provider = await buildSimProvider(db, deps.box, sim);
  const res = await gql(admin, IMPORT, { p: provider.id });
  const services = await db.service.findMany({ where: { providerId: provider.id } });
  const byId = (id: string) => services.find((s) => s.providerServiceId === id)!;
  return { admin, provider, report: res.body.data.importProviderServices, byId };
}

async function drain(orderIds: number[]) {
  for (let i = 0; i < 20; i++) if ((await drainForwardOutbox(deps, { limit: 50, concurrency: 2, orderIds })) === 0) return;
  throw new Error("outbox did not drain");
}

describe("service kinds at import, placement and forwarding", () => {
  it("a Custom Comments Package service is orderable end to end: the comments reach `add`, one package is charged", async () => {
    const { byId } = await importFromSimulator();
    const service = byId("9");
    expect(service).toMatchObject({ type: "Custom Comments Package", priceUnit: "PER_PACKAGE", active: true, inactiveReason: null, platform: "instagram" });
    const reseller = await buildCaller(db, "RESELLER", "kinds-reseller", "1000");
    const res = await gql(reseller, PLACE, {
      i: { serviceId: service.id, link: "https://www.instagram.com/p/abc/", quantity: 1, extra: { comments: "Nice!\n\nগ্রেট পোস্ট\nwow " }, idempotencyKey: "ccp-1" },
    });
    expect(res.body.data.placeOrder.__typename).toBe("MutationPlaceOrderSuccess");
    const order = await db.order.findUniqueOrThrow({ where: { id: res.body.data.placeOrder.data.order.id } });
    expect(order.charge.toString()).toBe(service.price.toString());
    await drain([order.id]);
    const sent = sim.orders().find((o) => o.link === "https://www.instagram.com/p/abc/");
    expect(sent?.fields).toMatchObject({ service: "9", comments: "Nice!\nগ্রেট পোস্ট\nwow" });
    expect(sent?.fields.quantity).toBeUndefined();
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("IN_PROGRESS");
    await expectLedgerInvariants(db, [reseller.user.account.id]);
  });

  it("Mentions User Followers carries `username`; a missing username is refused before anything is charged", async () => {
    const { byId } = await importFromSimulator();
    const service = byId("10");
    const reseller = await buildCaller(db, "RESELLER", "kinds-mentions", "1000");
    const refused = await gql(reseller, PLACE, { i: { serviceId: service.id, link: "https://instagram.com/p/m1", quantity: 100 } });
    expect(refused.body.data.placeOrder).toMatchObject({ __typename: "ValidationError", code: "extra_required" });
    const ok = await gql(reseller, PLACE, { i: { serviceId: service.id, link: "https://instagram.com/p/m1", quantity: 100, extra: { username: "@dhaka.shop" } } });
    const id = ok.body.data.placeOrder.data.order.id;
    await drain([id]);
    expect(sim.orders().find((o) => o.link === "https://instagram.com/p/m1")?.fields).toMatchObject({ quantity: "100", username: "@dhaka.shop" });
    expect(await db.order.count({ where: { userId: reseller.user.id } })).toBe(1);
  });

  it("a type we cannot forward is imported inactive with its reason, shown to the admin, and can never be ordered", async () => {
    const { admin, provider, report, byId } = await importFromSimulator();
    expect(report.data.unsupported).toEqual([{ providerServiceId: "11", name: "Instagram Auto Likes [Subscription]", reason: expect.stringContaining("Subscriptions") }]);
    const service = byId("11");
    expect(service).toMatchObject({ active: false, type: "Subscriptions" });
    const seen = await gql(admin, `query($p: Int!) { services(first: 50, providerId: $p) { edges { node { id active inactiveReason } } } }`, { p: provider.id });
    expect(seen.body.data.services.edges.map((e: { node: unknown }) => e.node).find((s: { id: number }) => s.id === service.id)).toMatchObject({ active: false, inactiveReason: expect.stringContaining("Subscriptions") });

    // The admin cannot switch it on, and nobody can order it (even after a forced flip in the database).
    const on = await gql(admin, `mutation($id: Int!) { updateService(id: $id, patch: { active: true }) { __typename ... on Error { code } } }`, { id: service.id });
    expect(on.body.data.updateService).toEqual({ __typename: "ValidationError", code: "service_type_unsupported" });
    await db.service.update({ where: { id: service.id }, data: { active: true } });
    const reseller = await buildCaller(db, "RESELLER", "kinds-sub", "1000");
    const res = await gql(reseller, PLACE, { i: { serviceId: service.id, link: "https://instagram.com/shop", quantity: 100 } });
    expect(res.body.data.placeOrder).toMatchObject({ __typename: "ValidationError", code: "service_unavailable" });
    expect(await db.order.count({ where: { serviceId: service.id } })).toBe(0);
    expect((await db.account.findUniqueOrThrow({ where: { id: reseller.user.account.id } })).balance.toString()).toBe("1000");
  });

  it("an unknown, oddly spelled type is inactive with its reason; lenient spellings of known types are recognised", async () => {
    const provider = await buildSimProvider(db, deps.box, sim);
    sim.setServices([
      { service: 1, name: "Weird", type: "Story Views Geo", category: "Instagram", rate: "1", min: 1, max: 10 },
      { service: 2, name: "CCP", type: "custom_comments_PACKAGE", category: "Facebook", rate: "1", min: 1, max: 1 },
      { service: 3, name: "Poll votes", type: " poll ", category: "Telegram", rate: "1", min: 1, max: 10 },
    ]);
    try {
      const admin = await buildCaller(db, "ADMIN", "kinds-odd");
      await gql(admin, IMPORT, { p: provider.id });
      const rows = await db.service.findMany({ where: { providerId: provider.id }, orderBy: { providerServiceId: "asc" } });
      expect(rows.map((s) => [s.type, s.active, s.inactiveReason, s.platform])).toEqual([
        ["Story Views Geo", false, 'Unknown service type "Story Views Geo"', "instagram"],
        ["Custom Comments Package", true, null, "facebook"],
        ["Poll", true, null, "telegram"],
      ]);
    } finally {
      sim.setServices((await import("../../src/providers/simulator/index.js")).SEED_SERVICES);
    }
  });

  it("the bot asks a Custom Comments Package's comments in the customer's language and places one package", async () => {
    const { byId } = await importFromSimulator();
    const service = byId("9");
    const { bot, telegram } = await buildTestBot(db);
    for (const language of ["bn", "en"] as const) {
      const customer = await buildUser(db, { balance: "500", language });
      const from = tgUser(customer);
      await bot.handleUpdate(callbackUpdate(from, `svc:${service.id}`));
      await bot.handleUpdate(callbackUpdate(from, buttonData(telegram, from.id, /^ord:/)));
      await bot.handleUpdate(textUpdate(from, "https://m.facebook.com/p/1"));
      expect(telegram.texts(from.id).at(-1)).toContain(language === "bn" ? "লিংকটি Instagram এর হতে হবে" : "The link must be on Instagram");
      await bot.handleUpdate(textUpdate(from, "https://instagr.am/p/bot "));
      expect(telegram.texts(from.id).at(-1)).toContain(language === "bn" ? "এই প্যাকেজের কমেন্টগুলো পাঠান" : "Send the comments for this package");
      await bot.handleUpdate(textUpdate(from, "one\ntwo"));
      await bot.handleUpdate(callbackUpdate(from, buttonData(telegram, from.id, /^oc:/)));
      const order = await db.order.findFirstOrThrow({ where: { userId: customer.id } });
      expect(order).toMatchObject({ quantity: 1, link: "https://instagr.am/p/bot", extra: { comments: "one\ntwo" } });
    }
  });
});
