import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { buildService, buildUser } from "../support/factories.js";
import { expectLedgerInvariants } from "../support/ledger-invariants.js";
import { buildTestBot, callbackUpdate, tgUser } from "../support/bot-factories.js";
import { toBengaliDigits as bn } from "../../src/shared/numbers.js";
import { useTestDb } from "../support/test-db.js";
import { reachSummary } from "./flows.js";

const { prisma: db } = await useTestDb(10);

describe("Confirm is idempotent", () => {
  it("the same update delivered 5 times makes 1 order", async () => {
    const { bot, telegram } = await buildTestBot(db);
    const service = await buildService(db, { price: "100" });
    const customer = await buildUser(db, { balance: "500" });
    const from = tgUser(customer);
    const data = await reachSummary(bot, telegram, from, service, "https://x.com/a", "1000");
    const update: Update = callbackUpdate(from, data);
    for (let i = 0; i < 5; i++) await bot.handleUpdate(structuredClone(update));
    expect(await db.order.count({ where: { userId: customer.id } })).toBe(1);
    expect(telegram.callsTo("answerCallbackQuery").filter((c) => c.payload.callback_query_id === update.callback_query!.id)).toHaveLength(1);
    await expectLedgerInvariants(db, [customer.account.id]);
  });

  it("Confirm tapped 10 times (10 updates, some at once) charges once", async () => {
    const { bot, telegram } = await buildTestBot(db);
    const service = await buildService(db, { price: "100" });
    const customer = await buildUser(db, { balance: "500" });
    const from = tgUser(customer);
    const data = await reachSummary(bot, telegram, from, service, "https://x.com/a", "1000");
    await Promise.all(Array.from({ length: 5 }, () => bot.handleUpdate(callbackUpdate(from, data))));
    for (let i = 0; i < 5; i++) await bot.handleUpdate(callbackUpdate(from, data));
    const orders = await db.order.findMany({ where: { userId: customer.id } });
    expect(orders).toHaveLength(1);
    expect(await db.ledgerEntry.count({ where: { orderId: orders[0]!.id, kind: "ORDER_CHARGE" } })).toBe(1);
    expect((await db.account.findUniqueOrThrow({ where: { id: customer.account.id } })).balance.toString()).toBe("400");
    await expectLedgerInvariants(db, [customer.account.id]);
  });

  it("a forged callback does nothing: another user's Confirm, or a changed price", async () => {
    const { bot, telegram } = await buildTestBot(db);
    const service = await buildService(db, { price: "100" });
    const victim = await buildUser(db, { balance: "500" });
    const attacker = await buildUser(db, { balance: "500" });
    const data = await reachSummary(bot, telegram, tgUser(victim), service, "https://x.com/a", "1000");
    await bot.handleUpdate(callbackUpdate(tgUser(attacker), data));
    const cheaper = data.replace(/:\d+\.\d{4}$/, ":1.0000");
    await bot.handleUpdate(callbackUpdate(tgUser(victim), cheaper));
    expect(await db.order.count({ where: { userId: { in: [victim.id, attacker.id] } } })).toBe(0);
    expect(await db.ledgerEntry.count({ where: { accountId: { in: [victim.account.id, attacker.account.id] }, kind: "ORDER_CHARGE" } })).toBe(0);
    // The genuine tap still works afterwards.
    await bot.handleUpdate(callbackUpdate(tgUser(victim), data));
    expect(await db.order.count({ where: { userId: victim.id } })).toBe(1);
  });

  it.each([
    ["bn", "৳১৫০.০০", "কিছু কাটা হয়নি"],
    ["en", "৳150.00", "Nothing was charged"],
  ] as const)("a price changed after the summary (%s): Confirm places and charges nothing and shows the new price", async (language, price, nothingCharged) => {
    const { bot, telegram } = await buildTestBot(db);
    const service = await buildService(db, { price: "100" });
    const customer = await buildUser(db, { balance: "500", language });
    const from = tgUser(customer);
    const data = await reachSummary(bot, telegram, from, service, "https://x.com/a", "1000");
    await db.service.update({ where: { id: service.id }, data: { price: "150" } });
    await bot.handleUpdate(callbackUpdate(from, data));
    expect(await db.order.count({ where: { userId: customer.id } })).toBe(0);
    expect((await db.account.findUniqueOrThrow({ where: { id: customer.account.id } })).balance.toString()).toBe("500");
    const shown = telegram.texts(from.id).at(-1)!;
    expect(shown).toContain(price);
    expect(shown).toContain(nothingCharged);
    // The stale summary is gone: tapping Confirm again still places nothing.
    await bot.handleUpdate(callbackUpdate(from, data));
    expect(await db.order.count({ where: { userId: customer.id } })).toBe(0);
    await expectLedgerInvariants(db, [customer.account.id]);
  });

  it("insufficient balance: nothing placed, the balance and how to top up are shown", async () => {
    const { bot, telegram } = await buildTestBot(db);
    const service = await buildService(db, { price: "100" });
    const customer = await buildUser(db, { balance: "50", language: "en" });
    const from = tgUser(customer);
    const data = await reachSummary(bot, telegram, from, service, "https://x.com/a", "1000");
    expect(telegram.texts(from.id).at(-1)).toContain("below the price");
    await bot.handleUpdate(callbackUpdate(from, data));
    expect(await db.order.count({ where: { userId: customer.id } })).toBe(0);
    const reply = telegram.texts(from.id).at(-1)!;
    expect(reply).toContain("Not enough balance");
    expect(reply).toContain("Add funds");
  });
});
