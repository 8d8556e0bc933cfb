import { describe, expect, it } from "vitest";
import { deliverNotifications } from "../../src/bot/notifications/deliver-notifications.js";
import { placeOrder } from "../../src/orders/place-order.js";
import { detectStuckOrders } from "../../src/stuck/detect-stuck-orders.js";
import { buildTestBot, buttonData, callbackUpdate, tgUser } from "../support/bot-factories.js";
import { testDeps } from "../support/deps.js";
import { buildProvider, buildService, buildUser } from "../support/factories.js";
import { expectLedgerInvariants } from "../support/ledger-invariants.js";
import { useTestDb } from "../support/test-db.js";

const { prisma: db } = await useTestDb(10);
const HOUR = 3600_000;

const keyboard = (call: { payload: Record<string, unknown> }) =>
  (call.payload.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard.flat().map((b) => b.text);

describe("proactive stuck-order messages", () => {
  it("a flagged pending order: one message with Wait / Cancel and refund / Ticket; ten taps refund once, then say why", async () => {
    const { bot, telegram, errors } = await buildTestBot(db);
    const customer = await buildUser(db, { balance: "1000", language: "en" });
    const service = await buildService(db, { price: "100" });
    const { order } = await placeOrder(testDeps(db), { userId: customer.id, serviceId: service.id, link: "https://x.com/late", quantity: 1000 });
    // Aged in the database rather than a clock moved forward: other files' detector runs share
    // this database, and a clock from the future would flag their fresh orders too.
    await db.order.update({ where: { id: order.id }, data: { createdAt: new Date(Date.now() - 2 * HOUR) } });
    const later = testDeps(db);
    await detectStuckOrders(later);
    await detectStuckOrders(later); // a second pass flags nothing new and writes no second message
    expect(await db.outbox.count({ where: { orderId: order.id, kind: "notify-customer-stuck" } })).toBe(1);
    await deliverNotifications(later, bot.api, { scope: { orderIds: [order.id] } });
    await deliverNotifications(later, bot.api, { scope: { orderIds: [order.id] } });
    const sent = telegram.callsTo("sendMessage", Number(customer.telegramId)).filter((c) => String(c.payload.text).includes(`Order #${order.id}`));
    expect(sent.length).toBe(1);
    expect(String(sent[0]!.payload.text)).toContain("taking longer than usual");
    expect(String(sent[0]!.payload.text)).toContain("Not enough completed orders yet");
    expect(keyboard(sent[0]!)).toEqual(["⏳ Wait", "✖️ Cancel and refund", "🎫 Open a ticket"]);

    const from = tgUser(customer);
    const cancel = buttonData(telegram, from.id, /Cancel and refund/);
    for (let i = 0; i < 10; i++) await bot.handleUpdate(callbackUpdate(from, cancel));
    const replies = telegram.texts(from.id).filter((t) => t.includes(`#${order.id}`) && !t.includes("taking longer"));
    expect(replies.filter((t) => t.includes("canceled") && t.includes("৳100.00")).length).toBe(1);
    expect(replies.filter((t) => t.includes("can no longer be cancelled: it is ✖️ Canceled")).length).toBe(9);
    expect(await db.ledgerEntry.count({ where: { orderId: order.id, kind: "REFUND" } })).toBe(1);
    expect((await db.account.findUniqueOrThrow({ where: { id: customer.account.id } })).balance.toString()).toBe("1000");
    await expectLedgerInvariants(db, [customer.account.id]);
    expect(errors).toEqual([]);
  });

  it("an order at the provider on a service without cancel gets Wait and Ticket only; an API order gets no message", async () => {
    const { bot, telegram } = await buildTestBot(db);
    const customer = await buildUser(db, { balance: "1000", language: "bn" });
    const provider = await buildProvider(db);
    const service = await buildService(db, { price: "100", providerId: provider.id, providerServiceId: "1", cancel: false });
    const make = (extra: object) =>
      db.order.create({ data: { userId: customer.id, accountId: customer.account.id, serviceId: service.id, status: "IN_PROGRESS", providerId: provider.id, providerOrderId: "9", link: "https://x.com/a", quantity: 100, charge: "10", createdAt: new Date(Date.now() - 48 * HOUR), ...extra } });
    const atProvider = await make({});
    const fromApi = await make({ source: "API" });
    const later = testDeps(db);
    await detectStuckOrders(later);
    expect((await db.order.findUniqueOrThrow({ where: { id: fromApi.id } })).stuck).toBe(true);
    expect(await db.outbox.count({ where: { orderId: { in: [atProvider.id, fromApi.id] }, kind: "notify-customer-stuck" } })).toBe(1);
    await deliverNotifications(later, bot.api, { scope: { orderIds: [atProvider.id] } });
    const sent = telegram.callsTo("sendMessage", Number(customer.telegramId)).at(-1)!;
    const bnDigits = (n: number) => String(n).replace(/\d/g, (d) => "০১২৩৪৫৬৭৮৯"[Number(d)]!);
    expect(String(sent.payload.text)).toContain(`অর্ডার #${bnDigits(atProvider.id)}`);
    expect(keyboard(sent)).toEqual(["⏳ অপেক্ষা করব", "🎫 টিকিট খুলুন"]);
  });
});
