import { testDeps } from "../support/deps.js";
import { describe, expect, it } from "vitest";
import { issueApiKey } from "../../src/apikeys/api-keys.js";
import { deliverNotifications } from "../../src/bot/notifications/deliver-notifications.js";
import { setResellerPricing } from "../../src/resellers/reseller-pricing.js";
import { startApiServer } from "../api-v2/support.js";
import { buildTestBot, buttonData, callbackUpdate, testChatId, textUpdate, tgUser } from "../support/bot-factories.js";
import { reachSummary } from "../bot/flows.js";
import { buildService, buildUser } from "../support/factories.js";
import { buildCaller, graphqlFor } from "../support/graphql-factories.js";
import { expectLedgerInvariants } from "../support/ledger-invariants.js";
import { useTestDb } from "../support/test-db.js";

const { prisma: db } = await useTestDb(10);
const admin = { label: "telegram:1", isAdmin: true };
const deps = testDeps(db);

async function adminBot() {
  const adminChat = testChatId();
  const adminUser = await buildUser(db, { role: "ADMIN" });
  const test = await buildTestBot(db, { ADMIN_IDS: String(adminUser.telegramId), ADMIN_CHAT_ID: String(adminChat) });
  return { ...test, adminChat, adminUser };
}

describe("onboarding from the bot", () => {
  it("a customer's request reaches the admin chat once; only an admin's Approve grants it; the customer is told in Bengali", async () => {
    const { bot, deps, telegram, adminChat, adminUser } = await adminBot();
    const customer = await buildUser(db);
    const stranger = await buildUser(db);
    const from = tgUser(customer);
    await bot.handleUpdate(textUpdate(from, "/apikey"));
    await bot.handleUpdate(callbackUpdate(from, buttonData(telegram, from.id, /^rs:request$/)));
    await bot.handleUpdate(callbackUpdate(from, "rs:request"));
    expect(telegram.texts(from.id).slice(-2)).toEqual([
      "✅ আপনার অনুরোধ অ্যাডমিনদের কাছে পাঠানো হয়েছে। সিদ্ধান্ত হলে এখানেই জানানো হবে।",
      "⏳ আপনার রিসেলার অ্যাক্সেসের অনুরোধ ইতিমধ্যে অ্যাডমিনদের কাছে আছে।",
    ]);
    const announced = telegram.texts(adminChat).filter((t) => t.startsWith("🤝 রিসেলার অ্যাক্সেসের অনুরোধ"));
    expect(announced).toHaveLength(1);
    const approve = buttonData(telegram, adminChat, new RegExp(`^adm:rs:approve:${customer.id}$`));

    await bot.handleUpdate(callbackUpdate(tgUser(stranger), approve, adminChat, announced[0]));
    expect((await db.user.findUniqueOrThrow({ where: { id: customer.id } })).role).toBe("CUSTOMER");

    await bot.handleUpdate(callbackUpdate(tgUser(adminUser), approve, adminChat, announced[0]));
    await bot.handleUpdate(callbackUpdate(tgUser(adminUser), approve, adminChat, announced[0]));
    expect(await db.user.findUniqueOrThrow({ where: { id: customer.id } })).toMatchObject({ role: "RESELLER", resellerRequestedAt: null });
    expect(await db.auditLog.findMany({ where: { entity: "User", entityId: String(customer.id) }, select: { action: true, actorId: true, before: true, after: true } })).toEqual([
      { action: "user.reseller_grant", actorId: adminUser.id, before: { role: "CUSTOMER" }, after: { role: "RESELLER" } },
    ]);
    const told = telegram.texts(from.id).filter((t) => t.startsWith("🎉 আপনি এখন রিসেলার"));
    expect(told).toHaveLength(1);
    await deliverNotifications(deps, bot.api, { scope: { userIds: [customer.id] } });
    expect(telegram.texts(from.id).filter((t) => t.startsWith("🎉 আপনি এখন রিসেলার"))).toHaveLength(1);
  });

  it("an admin's Reject tells the customer in English; /reseller in the admin chat grants, discounts and takes back", async () => {
    const { bot, telegram, adminChat, adminUser } = await adminBot();
    const customer = await buildUser(db, { language: "en", username: `buyer${Date.now()}` });
    const from = tgUser(customer);
    await bot.handleUpdate(callbackUpdate(from, "rs:request"));
    const reject = buttonData(telegram, adminChat, new RegExp(`^adm:rs:reject:${customer.id}$`));
    await bot.handleUpdate(callbackUpdate(tgUser(adminUser), reject, adminChat));
    expect(telegram.texts(from.id).at(-1)).toBe("❌ Your request for reseller access was not approved. Contact support for details.");
    expect((await db.user.findUniqueOrThrow({ where: { id: customer.id } })).resellerRequestedAt).toBeNull();

    const command = (text: string) => bot.handleUpdate(textUpdate(tgUser(adminUser), text, { id: adminChat, type: "supergroup" }));
    await command(`/reseller @${customer.username} on 12.5`);
    const bn = (n: unknown) => String(n).replace(/\d/g, (d) => "০১২৩৪৫৬৭৮৯"[Number(d)]!);
    expect(telegram.texts(adminChat).at(-1)).toBe(`✅ ইউজার #${bn(customer.id)} (@${customer.username} (${customer.telegramId})): রোল RESELLER, ছাড় 12.5%`);
    expect(telegram.texts(from.id).at(-1)).toContain("You are now a reseller");
    await command(`/reseller ${customer.id} discount 95`);
    expect(telegram.texts(adminChat).at(-1)).toBe("The discount must be a percent from 0 to 90 with at most 2 decimals");
    await command(`/reseller ${customer.id} off`);
    expect(telegram.texts(from.id).at(-1)).toContain("Your reseller access was taken back");
    // A bad discount with `on` changes nothing: access is not granted without its discount.
    await command(`/reseller ${customer.id} on 95`);
    expect(telegram.texts(adminChat).at(-1)).toBe("The discount must be a percent from 0 to 90 with at most 2 decimals");
    expect(await db.user.findUniqueOrThrow({ where: { id: customer.id } })).toMatchObject({ role: "CUSTOMER" });
    await command(`/reseller nobody on`);
    expect(telegram.texts(adminChat).at(-1)).toContain("/reseller <ইউজার আইডি বা @username> on");
    // A customer cannot use the command.
    await bot.handleUpdate(textUpdate(from, `/reseller ${customer.id} on`));
    expect(await db.user.findUniqueOrThrow({ where: { id: customer.id } })).toMatchObject({ role: "CUSTOMER" });
    expect((await db.auditLog.findMany({ where: { entity: "User", entityId: String(customer.id) }, orderBy: { id: "asc" } })).map((a) => a.action)).toEqual([
      "user.reseller_reject", "user.reseller_grant", "user.reseller_pricing", "user.reseller_revoke",
    ]);
  });
});

describe("onboarding and prices over GraphQL", () => {
  it("only admins set access and prices; a price below cost changes nothing", async () => {
    const { gql } = graphqlFor(db);
    const adminCaller = await buildCaller(db, "ADMIN", "admin");
    const resellerCaller = await buildCaller(db, "RESELLER", "other-reseller");
    const customer = await buildUser(db);
    const service = await buildService(db, { price: "200", cost: "60" });
    const grant = `mutation($id: Int!) { setResellerAccess(userId: $id, reseller: true) { __typename ... on MutationSetResellerAccessSuccess { data { role } } } }`;
    expect((await gql(resellerCaller, grant, { id: customer.id })).body.errors?.[0]?.message).toMatch(/Not authorized/);
    expect((await gql(adminCaller, grant, { id: customer.id })).body.data.setResellerAccess.data.role).toBe("RESELLER");
    const pricing = `mutation($id: Int!, $prices: [ResellerPriceInput!]) { setResellerPricing(userId: $id, discountPercent: "25", prices: $prices) { __typename ... on ValidationError { field message } ... on MutationSetResellerPricingSuccess { data { resellerDiscount resellerPrices { serviceId price } } } } }`;
    const below = await gql(adminCaller, pricing, { id: customer.id, prices: [{ serviceId: service.id, price: "59.99" }] });
    expect(below.body.data.setResellerPricing).toEqual({ __typename: "ValidationError", field: "price", message: "The price for service " + service.id + " is below its cost 60.0000" });
    expect(await db.user.findUniqueOrThrow({ where: { id: customer.id }, include: { resellerPrices: true } })).toMatchObject({ resellerPrices: [] });
    expect((await db.user.findUniqueOrThrow({ where: { id: customer.id } })).resellerDiscount.toString()).toBe("0");
    const set = await gql(adminCaller, pricing, { id: customer.id, prices: [{ serviceId: service.id, price: "150" }] });
    expect(set.body.data.setResellerPricing.data).toEqual({ resellerDiscount: "25", resellerPrices: [{ serviceId: service.id, price: "150" }] });
  });
});

describe("a reseller's prices agree everywhere; a customer's do not change", () => {
  it("bot, GraphQL and API v2 show the same price, and the bot charges it", async () => {
    const discounted = await buildService(db, { price: "200", cost: "60", platform: "instagram", nameBn: `ডিসকাউন্ট ${Date.now()}` });
    const own = await buildService(db, { price: "200", cost: "60", platform: "instagram" });
    const floor = await buildService(db, { price: "100", cost: "95", platform: "instagram" });
    const reseller = await buildUser(db, { role: "RESELLER", balance: "1000", language: "en" });
    const customer = await buildUser(db, { balance: "1000", language: "en" });
    await setResellerPricing(db, { userId: reseller.id, discountPercent: "10", prices: [{ serviceId: own.id, price: "150" }], actor: admin });
    const { bot, deps, telegram } = await buildTestBot(db);
    const { gql } = graphqlFor(db, { deps });
    const api = await startApiServer(deps);

    async function seen(user: typeof reseller) {
      const { key } = await issueApiKey(deps, { userId: user.id });
      const from = tgUser(user);
      const botPrices = [];
      for (const s of [discounted, own, floor]) {
        await bot.handleUpdate(callbackUpdate(from, `svc:${s.id}`));
        botPrices.push(telegram.texts(from.id).at(-1)!.match(/৳(\d+\.\d\d)/)![1]);
      }
      const graph = await gql({ headers: { authorization: `Bearer ${key}` } }, `{ shopServices { id price } }`);
      const graphPrices = [discounted, own, floor].map((s) => graph.body.data.shopServices.find((x: { id: number }) => x.id === s.id).price);
      const rates = (await api.post({ key, action: "services" })).json;
      const apiRates = Array.isArray(rates) ? [discounted, own, floor].map((s) => rates.find((x: { service: number }) => x.service === s.id).rate) : rates;
      return { botPrices, graphPrices, apiRates };
    }

    expect(await seen(reseller)).toEqual({ botPrices: ["180.00", "150.00", "95.00"], graphPrices: ["180", "150", "95"], apiRates: ["180", "150", "95"] });
    expect(await seen(customer)).toEqual({ botPrices: ["200.00", "200.00", "100.00"], graphPrices: ["200", "200", "100"], apiRates: { error: expect.stringContaining("no reseller access") } });

    // The bot's summary and its Confirm charge the reseller price.
    const from = tgUser(reseller);
    const confirm = await reachSummary(bot, telegram, from, discounted, "https://instagram.com/agree", "1000");
    expect(confirm).toMatch(/:180\.0000$/);
    await bot.handleUpdate(callbackUpdate(from, confirm));
    const order = await db.order.findFirstOrThrow({ where: { userId: reseller.id } });
    expect(order.charge.toFixed(4)).toBe("180.0000");
    await expectLedgerInvariants(db, [reseller.account.id]);
  });
});
