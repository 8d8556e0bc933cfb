// Issue 15: the rough edges a Bengali (or English) customer and an admin hit, each driven through
// bot.handleUpdate against the real database, in both languages where text is involved.
import type { Language } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverNotifications } from "../../src/bot/notifications/deliver-notifications.js";
import { forwardOrder } from "../../src/fulfilment/forward-order.js";
import { applyProviderStatus } from "../../src/fulfilment/apply-provider-status.js";
import { placeOrder } from "../../src/orders/place-order.js";
import { startProviderSimulator, type ProviderSimulator } from "../../src/providers/simulator/index.js";
import { toBengaliDigits } from "../../src/shared/numbers.js";
import { buildService, buildUser } from "../support/factories.js";
import { expectLedgerInvariants } from "../support/ledger-invariants.js";
import { buildSimProvider, buildSimService } from "../support/provider-factories.js";
import { buildTestBot, buttonData, callbackUpdate, testChatId, textUpdate, tgUser, type TgUser } from "../support/bot-factories.js";
import { testDeps } from "../support/deps.js";
import { useTestDb } from "../support/test-db.js";

const { prisma: db } = await useTestDb(10);
const LOCALES: Language[] = ["bn", "en"];
/** A number as the bot writes it in that language. */
const digits = (locale: Language, text: string | number) => (locale === "bn" ? toBengaliDigits(String(text)) : String(text));
const LATIN_DIGIT = /[0-9]/;

let sim: ProviderSimulator;
beforeAll(async () => {
  sim = await startProviderSimulator({ balance: "100000" });
});
afterAll(() => sim.close());

function trx(): string {
  return `T${Date.now().toString(36).toUpperCase()}${Math.floor(Math.random() * 1e6)}`;
}

async function adminSetup(locale: Language) {
  const adminChat = testChatId();
  const admin = await buildUser(db, { role: "ADMIN", language: locale });
  const env = { ADMIN_IDS: String(admin.telegramId), ADMIN_CHAT_ID: String(adminChat), ADMIN_LANGUAGE: locale, PROVIDER_TIMEOUT_MS: "5000", PROVIDER_BALANCE_CACHE_SECONDS: "0" };
  return { ...(await buildTestBot(db, env)), admin, adminChat };
}

for (const locale of LOCALES) {
  describe(`${locale}: numbers as people type them`, () => {
    it("quantity in Bengali digits or with a thousands separator is taken", async () => {
      const { bot, telegram } = await buildTestBot(db);
      const customer = await buildUser(db, { balance: "1000", language: locale });
      const from = tgUser(customer);
      const service = await buildService(db, { price: "100", min: 50, max: 10000 });
      for (const typed of ["১০০", "1,000", "১,২০০"]) {
        await bot.handleUpdate(callbackUpdate(from, `ord:${service.id}`));
        await bot.handleUpdate(textUpdate(from, "https://instagram.com/shop"));
        await bot.handleUpdate(textUpdate(from, typed));
        await bot.handleUpdate(callbackUpdate(from, buttonData(telegram, from.id, /^oc:/)));
      }
      const orders = await db.order.findMany({ where: { userId: customer.id }, orderBy: { id: "asc" } });
      expect(orders.map((o) => o.quantity)).toEqual([100, 1000, 1200]);
      // A decimal comma is not a thousands separator: refused, not guessed.
      await bot.handleUpdate(callbackUpdate(from, `ord:${service.id}`));
      await bot.handleUpdate(textUpdate(from, "https://instagram.com/shop"));
      await bot.handleUpdate(textUpdate(from, "1,5"));
      expect(telegram.texts(from.id).at(-1)).toContain(digits(locale, "50"));
      await expectLedgerInvariants(db, [customer.account.id]);
    });

    it("top-up amount ৫০০ and 1,000 are taken; the sender number is asked and checked as a Bangladeshi mobile", async () => {
      const adminChat = testChatId();
      const { bot, telegram } = await buildTestBot(db, { ADMIN_CHAT_ID: String(adminChat), ADMIN_LANGUAGE: locale });
      const customer = await buildUser(db, { language: locale });
      const from = tgUser(customer);
      for (const [amount, sender, stored] of [["৫০০", "+880 1712-345678", "01712345678"], ["1,000", "০১৮১২৩৪৫৬৭৮", "01812345678"]] as const) {
        await bot.handleUpdate(textUpdate(from, "/topup"));
        await bot.handleUpdate(callbackUpdate(from, "tm:BKASH"));
        await bot.handleUpdate(textUpdate(from, amount));
        expect(telegram.texts(from.id).at(-1)).toBe(bot.i18n.t(locale, "topup-ask-sender", { method: bot.i18n.t(locale, "method-BKASH") }));
        await bot.handleUpdate(textUpdate(from, "12345"));
        expect(telegram.texts(from.id).at(-1)).toBe(bot.i18n.t(locale, "err-sender-number-invalid"));
        await bot.handleUpdate(textUpdate(from, "01212345678")); // no operator uses 012
        expect(telegram.texts(from.id).at(-1)).toBe(bot.i18n.t(locale, "err-sender-number-invalid"));
        await bot.handleUpdate(textUpdate(from, sender));
        await bot.handleUpdate(textUpdate(from, trx()));
        const topUp = await db.topUp.findFirstOrThrow({ where: { userId: customer.id }, orderBy: { id: "desc" } });
        expect(topUp.senderNumber).toBe(stored);
        expect(telegram.texts(from.id).at(-1)).toContain(stored);
        // The admin card carries the number bKash/Nagad/Rocket need to check the payment.
        expect(telegram.texts(adminChat).at(-1)).toContain(stored);
      }
      const amounts = (await db.topUp.findMany({ where: { userId: customer.id }, orderBy: { id: "asc" } })).map((t) => t.amount.toString());
      expect(amounts).toEqual(["500", "1000"]);
    });

    it("ticket order ids in Bengali digits; someone else's order is refused before the message is asked", async () => {
      const { bot, telegram } = await buildTestBot(db);
      const customer = await buildUser(db, { balance: "500", language: locale });
      const stranger = await buildUser(db, { balance: "500" });
      const service = await buildService(db, { price: "100" });
      const { order: theirs } = await placeOrder(testDeps(db), { userId: stranger.id, serviceId: service.id, link: "https://x.com/a", quantity: 1000 });
      const { order: mine } = await placeOrder(testDeps(db), { userId: customer.id, serviceId: service.id, link: "https://x.com/b", quantity: 1000 });
      const from = tgUser(customer);
      await bot.handleUpdate(textUpdate(from, "/support"));
      await bot.handleUpdate(callbackUpdate(from, "tt:SPEED_UP"));
      await bot.handleUpdate(textUpdate(from, `#${theirs.id}`));
      const refusal = telegram.texts(from.id).at(-1)!;
      expect(refusal).toContain(bot.i18n.t(locale, "err-not-found", { id: theirs.id }));
      expect(refusal).not.toContain(bot.i18n.t(locale, "ticket-ask-message"));
      await bot.handleUpdate(textUpdate(from, toBengaliDigits(`#${mine.id}`)));
      expect(telegram.texts(from.id).at(-1)).toBe(bot.i18n.t(locale, "ticket-ask-message"));
      await bot.handleUpdate(textUpdate(from, "faster please"));
      const ticket = await db.ticket.findFirstOrThrow({ where: { userId: customer.id }, include: { orders: true } });
      expect(ticket.orders.map((o) => o.orderId)).toEqual([mine.id]);
      expect(await db.ticket.count({ where: { orders: { some: { orderId: theirs.id } } } })).toBe(0);
    });
  });

  describe(`${locale}: one formatter`, () => {
    it("digits are the language's everywhere, money always carries its sign, and nothing is rounded past the ledger", async () => {
      const { bot, telegram, deps } = await buildTestBot(db);
      const customer = await buildUser(db, { balance: "0", language: locale });
      const from = tgUser(customer);
      const service = await buildService(db, { price: "137.25", min: 50, max: 10000 });

      // The price list line and the top-up limits.
      await bot.handleUpdate(callbackUpdate(from, `svc:${service.id}`));
      const details = telegram.texts(from.id).at(-1)!;
      expect(details).toContain(`${digits(locale, "1000")}`);
      expect(details).toContain(`৳${digits(locale, "137.25")}`);
      await bot.handleUpdate(textUpdate(from, "/topup"));
      await bot.handleUpdate(callbackUpdate(from, "tm:NAGAD"));
      const limits = telegram.texts(from.id).at(-2)!;
      expect(limits).toContain(`৳${digits(locale, "50.00")}`);
      expect(limits).toContain(locale === "bn" ? "৳১,০০,০০০.০০" : "৳100,000.00");
      await bot.handleUpdate(textUpdate(from, "/cancel"));

      // "Not enough balance: you have ৳0.00", not "0.00".
      await bot.handleUpdate(callbackUpdate(from, `ord:${service.id}`));
      await bot.handleUpdate(textUpdate(from, "https://instagram.com/shop"));
      await bot.handleUpdate(textUpdate(from, "100"));
      await bot.handleUpdate(callbackUpdate(from, buttonData(telegram, from.id, /^oc:/)));
      const refused = telegram.texts(from.id).at(-1)!;
      expect(refused).toContain(`৳${digits(locale, "0.00")}`);
      expect(refused).toContain(`৳${digits(locale, "13.725")}`);

      // A charge of 13.725 and a refund of 6.8625: shown as the ledger holds them, adding up to the balance.
      await db.$transaction(async (tx) => {
        const { post } = await import("../../src/money/ledger.js");
        await post(tx, { accountId: customer.account.id, amount: new (await import("../../src/money/decimal.js")).Decimal("20"), kind: "ADJUSTMENT", note: "test" });
      });
      await bot.handleUpdate(callbackUpdate(from, `ord:${service.id}`));
      await bot.handleUpdate(textUpdate(from, "https://instagram.com/shop"));
      await bot.handleUpdate(textUpdate(from, "100"));
      await bot.handleUpdate(callbackUpdate(from, buttonData(telegram, from.id, /^oc:/)));
      expect(telegram.texts(from.id).at(-1)).toContain(`৳${digits(locale, "13.725")}`);
      const order = await db.order.findFirstOrThrow({ where: { userId: customer.id } });
      await db.order.update({ where: { id: order.id }, data: { status: "IN_PROGRESS" } });
      await applyProviderStatus(deps, order.id, { status: "partial", raw: "Partial", remains: 50 });
      await deliverNotifications(deps, bot.api, { scope: { orderIds: [order.id] } });
      expect(telegram.texts(from.id).at(-1)).toContain(`৳${digits(locale, "6.8625")}`);
      await bot.handleUpdate(textUpdate(from, "/balance"));
      const balance = telegram.texts(from.id).at(-1)!;
      // 20 − 13.725 + 6.8625 = 13.1375: every line and the total, exactly.
      expect(balance).toContain(`৳${digits(locale, "13.1375")}`);
      expect(balance).toContain(`−৳${digits(locale, "13.725")}`);
      expect(balance).toContain(`+৳${digits(locale, "6.8625")}`);
      await expectLedgerInvariants(db, [customer.account.id]);

      // In Bengali no Latin digit is left in what the customer read, except what is copied into
      // another app as it is: links and the shop's bKash/Nagad/Rocket number.
      if (locale === "bn") for (const text of telegram.texts(from.id)) expect(text.replace(/https:\/\/\S+|\b01\d{9}\b/g, "")).not.toMatch(LATIN_DIGIT);
    });
  });

  describe(`${locale}: language of a new user`, () => {
    it(`a Telegram client set to ${locale} gets ${locale} from the first message; others start in Bengali`, async () => {
      const { bot, telegram } = await buildTestBot(db);
      const id = Number(BigInt(Date.now()) * 1000n + BigInt(Math.floor(Math.random() * 1000))) % 2 ** 40;
      const from = { id, first_name: "Rahim", language_code: locale === "en" ? "en-GB" : "bn" } as TgUser;
      await bot.handleUpdate(textUpdate(from, "/start"));
      expect(telegram.texts(id).at(-1)).toBe(bot.i18n.t(locale, "start-welcome", { name: "Rahim" }));
      expect((await db.user.findUniqueOrThrow({ where: { telegramId: BigInt(id) } })).language).toBe(locale);
      const other = { id: id + 1, first_name: "Karim", language_code: "fr" } as TgUser;
      await bot.handleUpdate(textUpdate(other, "/start"));
      expect((await db.user.findUniqueOrThrow({ where: { telegramId: BigInt(id + 1) } })).language).toBe("bn");
      // A chosen language is kept, whatever the client says later.
      const chosen = await buildUser(db, { language: locale === "en" ? "bn" : "en" });
      await bot.handleUpdate(textUpdate({ ...tgUser(chosen), language_code: locale } as TgUser, "/start"));
      expect((await db.user.findUniqueOrThrow({ where: { id: chosen.id } })).language).toBe(chosen.language);
    });
  });

  describe(`${locale}: top-up refusals and rejections`, () => {
    it("a blocked user is refused at the first step; blocked half-way, the conversation ends; nothing stays stuck", async () => {
      const { bot, telegram } = await buildTestBot(db);
      const customer = await buildUser(db, { language: locale, blocked: true });
      const from = tgUser(customer);
      await bot.handleUpdate(textUpdate(from, "/topup"));
      expect(telegram.texts(from.id).at(-1)).toBe(bot.i18n.t(locale, "err-forbidden"));
      await bot.handleUpdate(textUpdate(from, "hello"));
      expect(telegram.texts(from.id).at(-1)).toBe(bot.i18n.t(locale, "unknown-input"));

      await db.user.update({ where: { id: customer.id }, data: { blocked: false } });
      await bot.handleUpdate(textUpdate(from, "/topup"));
      await bot.handleUpdate(callbackUpdate(from, "tm:ROCKET"));
      await bot.handleUpdate(textUpdate(from, "500"));
      await bot.handleUpdate(textUpdate(from, "01912345678"));
      await db.user.update({ where: { id: customer.id }, data: { blocked: true } });
      await bot.handleUpdate(textUpdate(from, trx()));
      expect(telegram.texts(from.id).at(-1)).toBe(bot.i18n.t(locale, "err-forbidden"));
      await db.user.update({ where: { id: customer.id }, data: { blocked: false } });
      await bot.handleUpdate(textUpdate(from, "hello again"));
      expect(telegram.texts(from.id).at(-1)).toBe(bot.i18n.t(locale, "unknown-input"));
      expect(await db.topUp.count({ where: { userId: customer.id } })).toBe(0);
    });

    it("the admin rejects with a picked reason or a typed one; the customer reads it in their language", async () => {
      const { bot, telegram, admin, adminChat } = await adminSetup(locale);
      const customer = await buildUser(db, { language: locale });
      const from = tgUser(customer);
      const request = async (amount: string) => {
        await bot.handleUpdate(textUpdate(from, "/topup"));
        await bot.handleUpdate(callbackUpdate(from, "tm:BKASH"));
        await bot.handleUpdate(textUpdate(from, amount));
        await bot.handleUpdate(textUpdate(from, "01712345678"));
        await bot.handleUpdate(textUpdate(from, trx()));
        return db.topUp.findFirstOrThrow({ where: { userId: customer.id }, orderBy: { id: "desc" } });
      };
      const first = await request("500");
      const card = telegram.texts(adminChat).at(-1)!;
      await bot.handleUpdate(callbackUpdate(tgUser(admin), `adm:tu:reject:${first.id}`, adminChat, card));
      // Nothing decided yet: the admin is asked why.
      expect((await db.topUp.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("PENDING");
      const pick = buttonData(telegram, adminChat, new RegExp(`^adm:tr:amount_mismatch:${first.id}$`));
      await bot.handleUpdate(callbackUpdate(tgUser(admin), pick, adminChat, card));
      expect(await db.topUp.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ status: "REJECTED", rejectReason: "amount_mismatch" });
      expect(telegram.texts(from.id).at(-1)).toContain(bot.i18n.t(locale, "topup-reject-reason-amount_mismatch"));
      expect(telegram.texts(adminChat).at(-1)).toContain(bot.i18n.t(locale, "topup-reject-reason-amount_mismatch"));

      const second = await request("600");
      await bot.handleUpdate(callbackUpdate(tgUser(admin), `adm:tu:reject:${second.id}`, adminChat, "card"));
      await bot.handleUpdate(callbackUpdate(tgUser(admin), `adm:tr:typed:${second.id}`, adminChat, "card"));
      const prompt = telegram.callsTo("sendMessage", adminChat).at(-1)!;
      expect(prompt.payload.reply_markup).toMatchObject({ force_reply: true });
      await bot.handleUpdate(textUpdate(tgUser(admin), "The payment came from an agent, not a personal number", { id: adminChat, type: "supergroup" }, {
        reply_to_message: { message_id: 1, date: 0, chat: { id: adminChat, type: "supergroup", title: "Admins" }, from: { id: 123456, is_bot: true, first_name: "bot" }, text: String(prompt.payload.text) },
      } as never));
      expect(await db.topUp.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ status: "REJECTED", rejectReason: "The payment came from an agent, not a personal number" });
      expect(telegram.texts(from.id).at(-1)).toContain("The payment came from an agent, not a personal number");
      expect(await db.ledgerEntry.count({ where: { topUpId: { in: [first.id, second.id] } } })).toBe(0);
    });
  });

  describe(`${locale}: orders sent back by a provider, tickets`, () => {
    it("a provider cancelling upstream: the customer is told once what happens next, in their language", async () => {
      const { bot, deps, telegram } = await adminSetup(locale);
      const customer = await buildUser(db, { balance: "1000", language: locale });
      const provider = await buildSimProvider(db, deps.box, sim);
      const service = await buildSimService(db, provider, { price: "100" });
      const { order } = await placeOrder(testDeps(db), { userId: customer.id, serviceId: service.id, link: "https://x.com/a", quantity: 1000 });
      await forwardOrder(deps, order.id);
      await applyProviderStatus(deps, order.id, { status: "canceled", raw: "Canceled" });
      await applyProviderStatus(deps, order.id, { status: "canceled", raw: "Canceled" });
      await deliverNotifications(deps, bot.api, { scope: { orderIds: [order.id] } });
      await deliverNotifications(deps, bot.api, { scope: { orderIds: [order.id] } });
      const told = telegram.texts(customer.telegramId!).filter((t) => t.startsWith("⚠️"));
      expect(told).toHaveLength(1);
      expect(told[0]).toBe(bot.i18n.t(locale, "notify-provider-canceled", {
        id: order.id,
        service: locale === "en" ? service.nameEn : service.nameBn,
        quantity: digits(locale, order.quantity),
        held: `৳${digits(locale, "100.00")}`,
      }));
      await expectLedgerInvariants(db, [customer.account.id]);
    });

    it("a ticket cancel sends one message for its refund", async () => {
      const { bot, deps, telegram } = await buildTestBot(db);
      const customer = await buildUser(db, { balance: "300", language: locale });
      const service = await buildService(db, { price: "100" });
      const { order } = await placeOrder(testDeps(db), { userId: customer.id, serviceId: service.id, link: "https://x.com/a", quantity: 1000 });
      const from = tgUser(customer);
      await bot.handleUpdate(textUpdate(from, "/support"));
      await bot.handleUpdate(callbackUpdate(from, "tt:CANCEL"));
      await bot.handleUpdate(textUpdate(from, String(order.id)));
      await bot.handleUpdate(textUpdate(from, "wrong link"));
      await deliverNotifications(deps, bot.api, { scope: { orderIds: [order.id] } });
      const refund = `৳${digits(locale, "100.00")}`;
      expect(telegram.texts(from.id).filter((t) => t.includes(refund))).toHaveLength(1);
      expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("CANCELED");
      await expectLedgerInvariants(db, [customer.account.id]);
    });

    it("a provider's refusal of a refill reaches the admin with the provider's own reason; the ticket status is in the admin's language", async () => {
      const { bot, deps, telegram, adminChat } = await adminSetup(locale);
      const customer = await buildUser(db, { balance: "1000", language: locale });
      const provider = await buildSimProvider(db, deps.box, sim);
      const service = await buildSimService(db, provider, { refill: true });
      const { order } = await placeOrder(testDeps(db), { userId: customer.id, serviceId: service.id, link: "https://x.com/a", quantity: 1000 });
      await forwardOrder(deps, order.id);
      // We think it completed; the provider still has it running and refuses the refill.
      await db.order.update({ where: { id: order.id }, data: { status: "COMPLETED" } });
      const from = tgUser(customer);
      await bot.handleUpdate(textUpdate(from, "/support"));
      await bot.handleUpdate(callbackUpdate(from, "tt:REFILL"));
      await bot.handleUpdate(textUpdate(from, String(order.id)));
      await bot.handleUpdate(textUpdate(from, "followers dropped"));
      const copy = telegram.texts(adminChat).at(-1)!;
      expect(copy).toContain(bot.i18n.t(locale, "admin-provider-refused", { error: "Refill is not available for this order" }));
      expect(copy).toContain(bot.i18n.t(locale, "ticket-status-OPEN"));
      expect(copy).not.toMatch(/\bOPEN\b/);
      // The customer is told an admin handles it, without the provider's words.
      expect(telegram.texts(from.id).at(-1)).not.toContain("Refill is not available");
    });
  });

  describe(`${locale}: the admin chat`, () => {
    it("everything in the admin's language, the exact technical state on its own line; errors too", async () => {
      const { bot, deps, telegram, admin, adminChat } = await adminSetup(locale);
      const customer = await buildUser(db, { balance: "1000" });
      const provider = await buildSimProvider(db, deps.box, sim);
      const service = await buildSimService(db, provider);
      const { order } = await placeOrder(testDeps(db), { userId: customer.id, serviceId: service.id, link: "https://x.com/a", quantity: 1000 });
      await forwardOrder(deps, order.id);
      await applyProviderStatus(deps, order.id, { status: "canceled", raw: "Cancelled" });
      await deliverNotifications(deps, bot.api, { scope: { orderIds: [order.id] } });
      const alert = telegram.texts(adminChat).at(-1)!;
      const [translated, technical] = alert.split("\n⚙️ ");
      expect(translated).toContain(bot.i18n.t(locale, "admin-reason-provider_canceled"));
      expect(translated).not.toMatch(/FAILED|provider_canceled|Provider status/);
      expect(technical).toBe("FAILED · provider_canceled · Provider status: Cancelled");

      // Cancel + refund: the moved line is translated too; a second tap's error toast is in the admin's language.
      const cancel = buttonData(telegram, adminChat, new RegExp(`^adm:o:cancel:${order.id}$`));
      await bot.handleUpdate(callbackUpdate(tgUser(admin), cancel, adminChat, alert));
      const moved = telegram.callsTo("editMessageText", adminChat).at(-1)!;
      expect(String(moved.payload.text)).toContain(bot.i18n.t(locale, "admin-status-CANCELED"));
      expect(String(moved.payload.text)).toContain("⚙️ CANCELED");
      await bot.handleUpdate(callbackUpdate(tgUser(admin), cancel, adminChat, alert));
      const toast = String(telegram.callsTo("answerCallbackQuery").at(-1)!.payload.text);
      expect(toast.split("\n")[0]).toBe(bot.i18n.t(locale, "err-invalid-state"));
      await expectLedgerInvariants(db, [customer.account.id]);
    });

    it("a non-admin's /dashboard is answered; no link is made", async () => {
      const { bot, telegram } = await adminSetup(locale);
      const customer = await buildUser(db, { language: locale });
      await bot.handleUpdate(textUpdate(tgUser(customer), "/dashboard"));
      expect(telegram.texts(customer.telegramId!).at(-1)).toBe(bot.i18n.t(locale, "admin-dashboard-admins-only"));
      expect(await db.loginToken.count({ where: { userId: customer.id } })).toBe(0);
    });
  });

  describe(`${locale}: reseller groups`, () => {
    it("diamond orders carry a player id: asked once, `.N <id>` per order, a stored default, `.০` answered sensibly", async () => {
      const { bot, telegram, admin, adminChat } = await adminSetup(locale);
      const groupChat = { id: testChatId(), type: "supergroup" as const, title: "Diamond resellers" };
      const diamonds = await buildService(db, { mode: "MANUAL", linkKind: "UID", platform: "freefire", priceUnit: "PER_UNIT", price: "0.85", min: 1, max: 100000, nameBn: "💎 ডায়মন্ড", nameEn: "💎 Diamonds" });
      await bot.handleUpdate(textUpdate(tgUser(admin), `/registergroup ১.২০ ৫০০০ ${diamonds.id}`, groupChat));
      const group = await db.group.findUniqueOrThrow({ where: { chatId: BigInt(groupChat.id) } });
      expect(group.rate.toString()).toBe("1.2");
      const member = await buildUser(db, { language: locale });
      const say = (text: string) => bot.handleUpdate(textUpdate(tgUser(member), text, groupChat));

      await say(".10");
      expect(telegram.texts(groupChat.id).at(-1)).toBe(bot.i18n.t(locale, "err-player-id-required"));
      expect(await db.order.count({ where: { groupChatId: BigInt(groupChat.id) } })).toBe(0);

      await say(".১০ ১২৩৪৫৬৭৮৯");
      await say(".5");
      await say(".7 555666777");
      await say("/playerid 987654321");
      expect(telegram.texts(groupChat.id).at(-1)).toBe(bot.i18n.t(locale, "group-player-set", { player: "987654321" }));
      await say(".3");
      const orders = await db.order.findMany({ where: { groupChatId: BigInt(groupChat.id) }, orderBy: { id: "asc" } });
      expect(orders.map((o) => [o.quantity, o.link])).toEqual([[10, "123456789"], [5, "123456789"], [7, "555666777"], [3, "987654321"]]);
      // The admin card names the player id to deliver to.
      const cards = telegram.texts(adminChat).filter((t) => t.includes("123456789"));
      expect(cards.length).toBeGreaterThanOrEqual(2);

      await say(".0");
      expect(telegram.texts(groupChat.id).at(-1)).toBe(bot.i18n.t(locale, "err-quantity-out-of-range", { min: "1", max: "100000" }));
      expect(await db.order.count({ where: { groupChatId: BigInt(groupChat.id) } })).toBe(4);
      await expectLedgerInvariants(db, [group.accountId]);
    });

    it("/registergroup says what is missing: usage, and a service that cannot take quick orders", async () => {
      const { bot, telegram, admin } = await adminSetup(locale);
      const groupChat = { id: testChatId(), type: "supergroup" as const, title: "Resellers" };
      const auto = await buildService(db, { price: "10" });
      await bot.handleUpdate(textUpdate(tgUser(admin), "/registergroup", groupChat));
      expect(telegram.texts(groupChat.id).at(-1)).toBe(bot.i18n.t(locale, "group-register-usage"));
      await bot.handleUpdate(textUpdate(tgUser(admin), `/registergroup 1 5000 ${auto.id}`, groupChat));
      expect(telegram.texts(groupChat.id).at(-1)).toBe(bot.i18n.t(locale, "err-group-service-invalid", { serviceId: String(auto.id) }));
      expect(await db.group.count({ where: { chatId: BigInt(groupChat.id) } })).toBe(0);
    });
  });
}
