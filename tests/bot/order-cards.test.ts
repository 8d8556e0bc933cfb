import { describe, expect, it } from "vitest";
import { placeOrder } from "../../src/orders/place-order.js";
import { buildTestBot, buttonData, callbackUpdate, textUpdate, tgUser } from "../support/bot-factories.js";
import { buildService, buildUser } from "../support/factories.js";
import { testDeps } from "../support/deps.js";
import { useTestDb } from "../support/test-db.js";

const { prisma: db } = await useTestDb(10);

const buttons = (call: { payload: Record<string, unknown> }) =>
  (call.payload.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard.flat().map((b) => b.text);

describe("my orders: cards with live progress and life-cycle buttons", () => {
  it("filters by status, opens a card with start count / delivered / remains, and offers only what the life cycle allows", async () => {
    const { bot, telegram, errors } = await buildTestBot(db);
    const customer = await buildUser(db, { balance: "1000", language: "en" });
    const service = await buildService(db, { price: "10", cancel: true });
    const pending = (await placeOrder(testDeps(db), { userId: customer.id, serviceId: service.id, link: "https://x.com/p", quantity: 1000 })).order;
    const done = (await placeOrder(testDeps(db), { userId: customer.id, serviceId: service.id, link: "https://x.com/d", quantity: 1000 })).order;
    await db.order.update({ where: { id: done.id }, data: { status: "COMPLETED", startCount: 5400, remains: 0, completedAt: new Date() } });
    const from = tgUser(customer);
    await bot.handleUpdate(textUpdate(from, "📋 My orders"));
    await bot.handleUpdate(callbackUpdate(from, buttonData(telegram, from.id, /^op:0:COMPLETED$/)));
    const completedOnly = telegram.texts(from.id).at(-1)!;
    expect(completedOnly).toContain(`#${done.id}`);
    expect(completedOnly).not.toContain(`#${pending.id}`);

    await bot.handleUpdate(callbackUpdate(from, `oo:${done.id}`));
    const card = telegram.texts(from.id).at(-1)!;
    expect(card).toContain("✅ Completed");
    expect(card).toContain("Start count: 5400");
    expect(card).toContain("Delivered: 1000 · Remains: 0");
    expect(buttons(telegram.calls.filter((c) => c.method === "editMessageText").at(-1)!)).toEqual(["🔄", "🎫 Open a ticket", "⬅️ Back"]);

    await bot.handleUpdate(callbackUpdate(from, `oo:${pending.id}`));
    expect(telegram.texts(from.id).at(-1)).toContain("Delivered: — · Remains: —");
    expect(buttons(telegram.calls.filter((c) => c.method === "editMessageText").at(-1)!)).toEqual(["🔄", "✖️ Cancel and refund", "🎫 Open a ticket", "⬅️ Back"]);

    // Someone else's order is not shown.
    const other = await buildUser(db, { language: "en" });
    await bot.handleUpdate(callbackUpdate(tgUser(other), `oo:${done.id}`));
    expect(telegram.texts(tgUser(other).id).at(-1)).toContain(`Not found: #${done.id}`);
    expect(errors).toEqual([]);
  });
});
