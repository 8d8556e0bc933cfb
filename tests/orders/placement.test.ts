import { describe, expect, it } from "vitest";
import { loadI18n } from "../../src/bot/i18n.js";
import { errorText } from "../../src/bot/errors.js";
import { inferPlatform } from "../../src/catalogue/platforms.js";
import { placeMassOrder } from "../../src/orders/place-mass-order.js";
import { loadOrderableService, prepareOrder } from "../../src/orders/prepare-order.js";
import { sqlOf } from "../../src/db/sql-client.js";
import { writeOrder } from "../../src/orders/write-orders.js";
import { ConflictError, PriceChangedError, ValidationError } from "../../src/shared/errors.js";
import { buildService, buildUser } from "../support/factories.js";
import { buildCaller, graphqlFor } from "../support/graphql-factories.js";
import { expectLedgerInvariants } from "../support/ledger-invariants.js";
import { buildTestBot, buttonData, callbackUpdate, textUpdate, tgUser } from "../support/bot-factories.js";
import { useTestDb } from "../support/test-db.js";
import { testDeps } from "../support/deps.js";

const { prisma: db } = await useTestDb(10);
const { gql } = graphqlFor(db);

const PLACE = `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { __typename
  ... on MutationPlaceOrderSuccess { data { created order { id charge } } }
  ... on Error { code message } ... on PriceChangedError { charge } } }`;

async function balanceOf(accountId: number) {
  return (await db.account.findUniqueOrThrow({ where: { id: accountId } })).balance.toString();
}

describe("one placement path", () => {
  it("an API caller's expected charge is checked: a different one answers PriceChangedError and charges nothing", async () => {
    const service = await buildService(db, { price: "100", platform: "any" });
    const reseller = await buildCaller(db, "RESELLER", "placement-price", "1000");
    const base = { serviceId: service.id, link: "https://example.com/a", quantity: 1000 };
    const stale = await gql(reseller, PLACE, { i: { ...base, expectedCharge: "90" } });
    expect(stale.body.data.placeOrder).toMatchObject({ __typename: "PriceChangedError", code: "price_changed", charge: "100.0000" });
    expect(await balanceOf(reseller.user.account.id)).toBe("1000");
    const ok = await gql(reseller, PLACE, { i: { ...base, expectedCharge: "100.00" } });
    expect(ok.body.data.placeOrder.data.order.charge).toBe("100");
    expect(await balanceOf(reseller.user.account.id)).toBe("900");
    await expectLedgerInvariants(db, [reseller.user.account.id]);
  });

  it("a price edited between the read and the write is caught by the write itself: nothing charged", async () => {
    const service = await buildService(db, { price: "100" });
    const user = await buildUser(db, { balance: "500" });
    const draft = prepareOrder(await loadOrderableService(db, service.id), { serviceId: service.id, link: "https://example.com/r", quantity: 1000 });
    await db.service.update({ where: { id: service.id }, data: { price: "120" } });
    const err = await writeOrder(sqlOf(db), { userId: user.id, accountId: user.account.id, source: "API" }, draft, {}, new Date()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PriceChangedError);
    expect((err as PriceChangedError).charge).toBe("120.0000");
    expect(await db.order.count({ where: { userId: user.id } })).toBe(0);
    expect(await balanceOf(user.account.id)).toBe("500");
    await expectLedgerInvariants(db, [user.account.id]);
  });

  it("an idempotency key reused with any different field is refused; the same request answers the same order", async () => {
    const a = await buildService(db, { price: "100", type: "Custom Comments", min: 1, max: 100 });
    const b = await buildService(db, { price: "100" });
    const reseller = await buildCaller(db, "RESELLER", "placement-key", "1000");
    const first = { serviceId: a.id, link: "https://example.com/k", quantity: 2, extra: { comments: "one\ntwo" }, idempotencyKey: "key-1" };
    const placed = await gql(reseller, PLACE, { i: first });
    const id = placed.body.data.placeOrder.data.order.id;
    // The same request, even spelled with extra spaces/blank lines, is the same order.
    const again = await gql(reseller, PLACE, { i: { ...first, link: " https://example.com/k ", extra: { comments: "one\n\ntwo\n" }, expectedCharge: "0.2" } });
    expect(again.body.data.placeOrder.data).toEqual({ created: false, order: { id, charge: "0.2" } });
    const variants = [
      { serviceId: b.id, quantity: 1000, extra: undefined },
      { link: "https://example.com/other" },
      { quantity: 3, extra: { comments: "one\ntwo\nthree" } },
      { extra: { comments: "one\nTWO" } },
      { expectedCharge: "0.3" },
    ];
    for (const variant of variants) {
      const res = await gql(reseller, PLACE, { i: { ...first, ...variant } });
      expect(res.body.data.placeOrder, JSON.stringify(variant)).toMatchObject({ __typename: "ConflictError", code: "idempotency_key_reused" });
    }
    expect(await db.order.count({ where: { userId: reseller.user.id } })).toBe(1);
    expect(await balanceOf(reseller.user.account.id)).toBe("999.8");
  });

  it("a mass order key reused with other lines is refused; the same lines answer the same batch", async () => {
    const service = await buildService(db, { price: "100" });
    const user = await buildUser(db, { balance: "1000" });
    const text = `${service.id} | https://example.com/m1 | 1000\n${service.id} | https://example.com/m2 | 1000`;
    const first = await placeMassOrder(testDeps(db), { userId: user.id, text, idempotencyKey: "mass-1" });
    expect((await placeMassOrder(testDeps(db), { userId: user.id, text: `\n${text}\n`, idempotencyKey: "mass-1" })).created).toBe(false);
    const err = await placeMassOrder(testDeps(db), { userId: user.id, text: text.replace("m2", "m3"), idempotencyKey: "mass-1" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).code).toBe("idempotency_key_reused");
    expect(await db.order.count({ where: { userId: user.id } })).toBe(first.orders.length);
  });

  it("the bot explains a reused key and a price change in Bengali and English", async () => {
    const i18n = await loadI18n();
    const reused = new ConflictError("idempotency_key_reused", "x", { orderId: 1 });
    expect(errorText(i18n, "bn", reused, "BDT")).toContain("অন্য অর্ডারে ব্যবহার হয়েছে");
    expect(errorText(i18n, "en", reused, "BDT")).toContain("already used for another order");
    expect(errorText(i18n, "en", new PriceChangedError("150.0000", "100.0000"), "BDT")).toContain("The price changed to ৳150.00");
    expect(errorText(i18n, "bn", new PriceChangedError("150.0000", "100.0000"), "BDT")).toContain("৳১৫০.০০");
  });
});

describe("platform per service", () => {
  it("an Instagram service refuses a Facebook link with a clear Bengali or English message, through the bot", async () => {
    const service = await buildService(db, { price: "100", min: 100, max: 5000, platform: "instagram" });
    const { bot, telegram } = await buildTestBot(db);
    for (const [language, text] of [["bn", "লিংকটি Instagram এর হতে হবে"], ["en", "The link must be on Instagram"]] as const) {
      const customer = await buildUser(db, { balance: "500", language });
      const from = tgUser(customer);
      await bot.handleUpdate(callbackUpdate(from, `svc:${service.id}`));
      await bot.handleUpdate(callbackUpdate(from, buttonData(telegram, from.id, /^ord:/)));
      await bot.handleUpdate(textUpdate(from, "https://www.facebook.com/shop"));
      expect(telegram.texts(from.id).at(-1)).toContain(text);
      expect(await db.order.count({ where: { userId: customer.id } })).toBe(0);
    }
  });

  it("accepts real link shapes for each platform and refuses other platforms' links", async () => {
    const cases: [string, string[], string[]][] = [
      ["instagram", ["https://instagr.am/p/x", "HTTPS://WWW.INSTAGRAM.COM/p/x  ", "https://instagram.com/reel/x?igsh=1"], ["https://m.facebook.com/x", "https://notinstagram.com/x"]],
      ["facebook", ["https://m.facebook.com/story.php?id=1", "https://fb.watch/abc/", "https://web.facebook.com/x"], ["https://instagram.com/x"]],
      ["youtube", ["https://youtu.be/abc", "https://m.youtube.com/watch?v=1", "https://www.youtube.com/shorts/x"], ["https://tiktok.com/@x"]],
      ["tiktok", ["https://vm.tiktok.com/ZM123/", "https://www.tiktok.com/@shop/video/1"], ["https://youtu.be/x"]],
      ["telegram", ["https://t.me/shopbd", "https://t.me/shopbd/12"], ["https://x.com/x"]],
      ["twitter", ["https://x.com/shop/status/1", "https://twitter.com/shop", "https://mobile.twitter.com/shop"], ["https://t.me/x"]],
    ];
    for (const [platform, good, bad] of cases) {
      const service = await buildService(db, { price: "100", platform, min: 100, max: 5000 });
      const loaded = await loadOrderableService(db, service.id);
      for (const link of good) expect(prepareOrder(loaded, { serviceId: service.id, link, quantity: 100 }).link, `${platform} ${link}`).toBe(link.trim());
      for (const link of bad) {
        expect(() => prepareOrder(loaded, { serviceId: service.id, link, quantity: 100 }), `${platform} ${link}`).toThrow(ValidationError);
      }
    }
  });

  it("is inferred from the provider's category and name, and the admin can change it (unknown platforms refused)", async () => {
    expect([
      inferPlatform("Instagram Followers", "Real followers"),
      inferPlatform("Facebook", "Page likes"),
      inferPlatform("Social", "TikTok Views [Fast]"),
      inferPlatform("YouTube", "x"),
      inferPlatform("Telegram Members", "x"),
      inferPlatform("Twitter / X", "Retweets"),
      inferPlatform("Free Fire Top Up", "100 Diamonds"),
      inferPlatform("Website Traffic", "Worldwide visitors"),
    ]).toEqual(["instagram", "facebook", "tiktok", "youtube", "telegram", "twitter", "game", "any"]);
    const admin = await buildCaller(db, "ADMIN", "placement-platform");
    const service = await buildService(db, { price: "100", platform: "any", mode: "MANUAL" });
    const set = (platform: string) =>
      gql(admin, `mutation($id: Int!, $p: String!) { updateService(id: $id, patch: { platform: $p }) { __typename ... on MutationUpdateServiceSuccess { data { platform } } ... on Error { code } } }`, { id: service.id, p: platform });
    expect((await set("instagram")).body.data.updateService).toEqual({ __typename: "MutationUpdateServiceSuccess", data: { platform: "instagram" } });
    expect((await set("myspace")).body.data.updateService).toEqual({ __typename: "ValidationError", code: "platform_unknown" });
  });
});
