import { describe, expect, it } from "vitest";
import { deliverNotifications } from "../../src/bot/notifications/deliver-notifications.js";
import { placeOrder } from "../../src/orders/place-order.js";
import { replyToTicket } from "../../src/tickets/reply-to-ticket.js";
import { buildService, buildUser } from "../support/factories.js";
import { expectLedgerInvariants } from "../support/ledger-invariants.js";
import { buildTestBot, buttonData, callbackUpdate, testChatId, textUpdate, tgUser } from "../support/bot-factories.js";
import { toBengaliDigits as bn } from "../../src/shared/numbers.js";
import { useTestDb } from "../support/test-db.js";
import { testDeps } from "../support/deps.js";

const { prisma: db } = await useTestDb(10);

describe("support tickets in the bot", () => {
  it("a cancel ticket on a PENDING order: refunded, with an automatic reply; admins see it and answer by replying", async () => {
    const adminChat = testChatId();
    const admin = await buildUser(db, { role: "ADMIN" });
    const { bot, telegram } = await buildTestBot(db, { ADMIN_IDS: String(admin.telegramId), ADMIN_CHAT_ID: String(adminChat) });
    const customer = await buildUser(db, { balance: "300" });
    const service = await buildService(db, { price: "100" });
    const { order } = await placeOrder(testDeps(db), { userId: customer.id, serviceId: service.id, link: "https://x.com/a", quantity: 1000 });
    const from = tgUser(customer);

    await bot.handleUpdate(textUpdate(from, "🎫 সাপোর্ট"));
    await bot.handleUpdate(callbackUpdate(from, "tt:CANCEL"));
    await bot.handleUpdate(textUpdate(from, `#${order.id}`));
    await bot.handleUpdate(textUpdate(from, "ভুল লিংক দিয়েছি"));

    const answer = telegram.texts(from.id).at(-1)!;
    expect(answer).toContain("🤖");
    expect(answer).toContain(bn(`অর্ডার #${order.id}: বাতিল হয়েছে, ৳100.00`));
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("CANCELED");
    expect((await db.account.findUniqueOrThrow({ where: { id: customer.account.id } })).balance.toString()).toBe("300");
    const ticket = await db.ticket.findFirstOrThrow({ where: { userId: customer.id } });
    expect(ticket.status).toBe("ANSWERED");

    const adminCopy = telegram.callsTo("sendMessage", adminChat).at(-1)!;
    expect(String(adminCopy.payload.text)).toContain(bn(`#${ticket.id}`));
    const copy = await db.ticketMessage.findFirstOrThrow({ where: { ticketId: ticket.id, author: "CUSTOMER" } });
    expect(copy.telegramMessageId).not.toBeNull();

    // An admin answers by replying to the ticket's message in the admin chat.
    const reply = textUpdate(tgUser(admin), "টাকা ফেরত দেওয়া হয়েছে", { id: adminChat, type: "supergroup" }, {
      reply_to_message: { message_id: copy.telegramMessageId!, date: 0, chat: { id: adminChat, type: "supergroup", title: "Admins" }, from: { id: 123456, is_bot: true, first_name: "panelbot" }, text: String(adminCopy.payload.text) },
    } as never);
    await bot.handleUpdate(reply);
    expect(telegram.texts(from.id).at(-1)).toContain("টাকা ফেরত দেওয়া হয়েছে");
    expect(await db.ticketMessage.count({ where: { ticketId: ticket.id, author: "ADMIN" } })).toBe(1);

    // The customer answers back with the Reply button; the admins get it.
    await bot.handleUpdate(callbackUpdate(from, buttonData(telegram, from.id, /^tkr:/)));
    await bot.handleUpdate(textUpdate(from, "ধন্যবাদ"));
    expect(telegram.texts(adminChat).at(-1)).toContain("ধন্যবাদ");
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe("OPEN");
    await expectLedgerInvariants(db, [customer.account.id]);
  });

  it("an answer written in the dashboard reaches the customer once, through the outbox", async () => {
    const admin = await buildUser(db, { role: "ADMIN" });
    const { bot, telegram, deps } = await buildTestBot(db, { ADMIN_IDS: String(admin.telegramId) });
    const customer = await buildUser(db);
    const from = tgUser(customer);
    await bot.handleUpdate(textUpdate(from, "🎫 সাপোর্ট"));
    await bot.handleUpdate(callbackUpdate(from, "tt:OTHER"));
    await bot.handleUpdate(textUpdate(from, "অর্ডার দিতে পারছি না"));
    const ticket = await db.ticket.findFirstOrThrow({ where: { userId: customer.id } });
    const { message } = await replyToTicket(deps, { ticketId: ticket.id, actor: { userId: admin.id, label: "dashboard", isAdmin: true }, text: "এখন চেষ্টা করুন" });
    expect(telegram.texts(from.id)).not.toContainEqual(expect.stringContaining("এখন চেষ্টা করুন"));
    await deliverNotifications(deps, bot.api, { scope: { ticketMessageIds: [message.id] } });
    await deliverNotifications(deps, bot.api, { scope: { ticketMessageIds: [message.id] } });
    expect(telegram.texts(from.id).filter((t) => t.includes("এখন চেষ্টা করুন"))).toHaveLength(1);
  });

  it("a non-admin replying to a ticket message in the admin chat changes nothing", async () => {
    const adminChat = testChatId();
    const admin = await buildUser(db, { role: "ADMIN" });
    const { bot, telegram } = await buildTestBot(db, { ADMIN_IDS: String(admin.telegramId), ADMIN_CHAT_ID: String(adminChat) });
    const customer = await buildUser(db);
    const intruder = await buildUser(db);
    const from = tgUser(customer);
    await bot.handleUpdate(textUpdate(from, "/support"));
    await bot.handleUpdate(callbackUpdate(from, "tt:OTHER"));
    await bot.handleUpdate(textUpdate(from, "hello"));
    expect(telegram.texts(from.id).at(-1)).toContain("অ্যাডমিন");
    const ticket = await db.ticket.findFirstOrThrow({ where: { userId: customer.id } });
    const copy = await db.ticketMessage.findFirstOrThrow({ where: { ticketId: ticket.id, author: "CUSTOMER" } });
    const reply = textUpdate(tgUser(intruder), "spam", { id: adminChat, type: "supergroup" }, {
      reply_to_message: { message_id: copy.telegramMessageId!, date: 0, chat: { id: adminChat, type: "supergroup", title: "Admins" }, from: { id: 123456, is_bot: true, first_name: "panelbot" }, text: "🎫" },
    } as never);
    await bot.handleUpdate(reply);
    expect(await db.ticketMessage.count({ where: { ticketId: ticket.id } })).toBe(1);
    expect(telegram.texts(from.id)).not.toContainEqual(expect.stringContaining("spam"));
  });
});
