import { describe, expect, it } from "vitest";
import { placeOrder } from "../../src/orders/place-order.js";
import { buildService, buildUser } from "../support/factories.js";
import { expectLedgerInvariants } from "../support/ledger-invariants.js";
import { buildTestBot, buttonData, callbackUpdate, testChatId, textUpdate, tgUser } from "../support/bot-factories.js";
import { toBengaliDigits as bn } from "../../src/shared/numbers.js";
import { useTestDb } from "../support/test-db.js";
import { testDeps } from "../support/deps.js";

const { prisma: db } = await useTestDb(10);

describe("customer screens", () => {
  it("mass order: a bad line is named, nothing is placed; the corrected list places all at once", async () => {
    const { bot, telegram } = await buildTestBot(db);
    const customer = await buildUser(db, { balance: "1000", language: "en" });
    const s1 = await buildService(db, { price: "100" });
    const from = tgUser(customer);
    await bot.handleUpdate(textUpdate(from, "/mass"));
    await bot.handleUpdate(textUpdate(from, `${s1.id} | https://x.com/a | 1000\n${s1.id} | not a link | 1000\n${s1.id} | https://x.com/b | 20`));
    const errors = telegram.texts(from.id).at(-1)!;
    expect(errors).toContain("Nothing was ordered");
    expect(errors).toContain("Line 2:");
    expect(errors).toContain("Line 3:");
    expect(errors).not.toContain("Line 1:");
    expect(await db.order.count({ where: { userId: customer.id } })).toBe(0);
    const good = textUpdate(from, `${s1.id} | https://x.com/a | 1000\n${s1.id} | https://x.com/b | 500`);
    await bot.handleUpdate(good);
    expect(telegram.texts(from.id).at(-1)).toContain("Orders placed: 2");
    await bot.handleUpdate({ ...structuredClone(good), update_id: good.update_id + 1 }); // the same message again
    expect(await db.order.count({ where: { userId: customer.id } })).toBe(2);
    expect((await db.account.findUniqueOrThrow({ where: { id: customer.account.id } })).balance.toString()).toBe("850");
    await expectLedgerInvariants(db, [customer.account.id]);
  });

  it("my orders never show FAILED or UNKNOWN, and page through", async () => {
    const { bot, telegram } = await buildTestBot(db);
    const customer = await buildUser(db, { balance: "10000", language: "en" });
    const service = await buildService(db, { price: "10" });
    const ids: number[] = [];
    for (let i = 0; i < 12; i++) ids.push((await placeOrder(testDeps(db), { userId: customer.id, serviceId: service.id, link: `https://x.com/${i}`, quantity: 100 })).order.id);
    await db.order.update({ where: { id: ids[11]! }, data: { status: "FAILED", failureReason: "provider_balance" } });
    await db.order.update({ where: { id: ids[10]! }, data: { status: "UNKNOWN" } });
    const from = tgUser(customer);
    await bot.handleUpdate(textUpdate(from, "📋 My orders"));
    const page1 = telegram.texts(from.id).at(-1)!;
    expect(page1).toContain("page 1 of 2");
    expect(page1).toContain(`#${ids[11]}`);
    expect(page1).not.toMatch(/FAILED|UNKNOWN|Failed|Unknown/);
    expect(page1.match(/Pending/g)?.length).toBe(10);
    await bot.handleUpdate(callbackUpdate(from, buttonData(telegram, from.id, /^op:1:$/)));
    expect(telegram.texts(from.id).at(-1)).toContain(`#${ids[0]}`);
  });

  it("balance shows the ledger; /language switches the texts and the menu", async () => {
    const { bot, telegram } = await buildTestBot(db);
    const customer = await buildUser(db, { balance: "250" });
    const from = tgUser(customer);
    await bot.handleUpdate(textUpdate(from, "💰 ব্যালেন্স"));
    expect(telegram.texts(from.id).at(-1)).toContain("৳২৫০.০০");
    await bot.handleUpdate(textUpdate(from, "/language"));
    await bot.handleUpdate(callbackUpdate(from, "lang:en"));
    expect((await db.user.findUniqueOrThrow({ where: { id: customer.id } })).language).toBe("en");
    const set = telegram.callsTo("sendMessage", from.id).at(-1)!;
    expect(String(set.payload.text)).toContain("English");
    expect(JSON.stringify(set.payload.reply_markup)).toContain("My orders");
    await bot.handleUpdate(textUpdate(from, "💰 Balance"));
    expect(telegram.texts(from.id).at(-1)).toContain("Your balance: ৳250.00");
    // A menu button from the old keyboard still works.
    await bot.handleUpdate(textUpdate(from, "💰 ব্যালেন্স"));
    expect(telegram.texts(from.id).at(-1)).toContain("Your balance");
  });

  it("API key: shown once and stored hashed; rotate and revoke", async () => {
    const { bot, telegram } = await buildTestBot(db);
    const customer = await buildUser(db, { language: "en" });
    const from = tgUser(customer);
    await bot.handleUpdate(textUpdate(from, "/apikey"));
    await bot.handleUpdate(callbackUpdate(from, "ak:new"));
    const key = telegram.texts(from.id).at(-1)!.match(/pb_[A-Za-z0-9_-]+/)![0];
    const stored = await db.apiKey.findFirstOrThrow({ where: { userId: customer.id } });
    expect(stored.hash).not.toContain(key);
    expect(JSON.stringify(stored)).not.toContain(key);
    await bot.handleUpdate(callbackUpdate(from, "ak:rotate"));
    const rotated = telegram.texts(from.id).at(-1)!.match(/pb_[A-Za-z0-9_-]+/)![0];
    expect(rotated).not.toBe(key);
    expect(await db.apiKey.count({ where: { userId: customer.id, revokedAt: null } })).toBe(1);
    await bot.handleUpdate(callbackUpdate(from, "ak:revoke"));
    expect(await db.apiKey.count({ where: { userId: customer.id, revokedAt: null } })).toBe(0);
  });

  it("a menu button in the middle of a conversation leaves it; unknown text gets the menu", async () => {
    const { bot, telegram } = await buildTestBot(db);
    const customer = await buildUser(db, { language: "en" });
    const from = tgUser(customer);
    await bot.handleUpdate(textUpdate(from, "/topup"));
    await bot.handleUpdate(callbackUpdate(from, "tm:BKASH"));
    await bot.handleUpdate(textUpdate(from, "💰 Balance"));
    expect(telegram.texts(from.id).at(-1)).toContain("Your balance");
    await bot.handleUpdate(textUpdate(from, "500"));
    expect(telegram.texts(from.id).at(-1)).toContain("did not understand");
  });

  it("/dashboard sends an admin a one-time login link privately; others get nothing", async () => {
    const adminChat = testChatId();
    const admin = await buildUser(db, { role: "ADMIN" });
    const { bot, telegram } = await buildTestBot(db, { ADMIN_IDS: String(admin.telegramId), ADMIN_CHAT_ID: String(adminChat), PUBLIC_URL: "https://shop.example.com" });
    await bot.handleUpdate(textUpdate(tgUser(admin), "/dashboard", { id: adminChat, type: "supergroup" }));
    const link = telegram.callsTo("sendMessage", admin.telegramId!).at(-1)!;
    expect(String(link.payload.text)).toContain("https://shop.example.com/admin/login?token=");
    expect(telegram.texts(adminChat).join("\n")).not.toContain("token=");
    const customer = await buildUser(db);
    await bot.handleUpdate(textUpdate(tgUser(customer), "/dashboard"));
    expect(telegram.texts(customer.telegramId!).join("\n")).not.toContain("token=");
    expect(await db.loginToken.count({ where: { userId: customer.id } })).toBe(0);
  });
});
