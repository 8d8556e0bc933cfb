import { testDeps } from "../support/deps.js";
import { describe, expect, it } from "vitest";
import { deliverNotifications } from "../../src/bot/notifications/deliver-notifications.js";
import { requestTopUp } from "../../src/topups/request-topup.js";
import { approveTopUp } from "../../src/topups/decide-topup.js";
import { buildUser } from "../support/factories.js";
import { buildTestBot, testChatId } from "../support/bot-factories.js";
import { toBengaliDigits as bn } from "../../src/shared/numbers.js";
import { useTestDb } from "../support/test-db.js";

const { prisma: db } = await useTestDb(10);
const limits = { min: "50", max: "100000" };

function trx(): string {
  return `N${Date.now().toString(36).toUpperCase()}${Math.floor(Math.random() * 1e6)}`;
}

describe("deliverNotifications", () => {
  it("sends each item once; a failed send is retried on the next call", async () => {
    const adminChat = testChatId();
    const { bot, deps, telegram } = await buildTestBot(db, { ADMIN_CHAT_ID: String(adminChat) });
    const customer = await buildUser(db);
    const topUp = await requestTopUp(testDeps(db), { userId: customer.id, method: "BKASH", amount: "100", trxId: trx(), limits });
    const scope = { topUpIds: [topUp.id] };
    telegram.failNext("sendMessage", 400, "Bad Request: try later");
    expect(await deliverNotifications(deps, bot.api, { scope })).toMatchObject({ sent: 0, failed: 1 });
    const row = await db.outbox.findFirstOrThrow({ where: { kind: "notify-admin-topup", payload: { path: ["topUpId"], equals: topUp.id } } });
    expect(row.doneAt).toBeNull();
    expect(row.lastError).toContain("try later");
    expect(await deliverNotifications(deps, bot.api, { scope })).toMatchObject({ sent: 1, failed: 0 });
    expect(await deliverNotifications(deps, bot.api, { scope })).toMatchObject({ sent: 0, failed: 0 });
    // Two attempts reached Telegram: the refused one and the delivered one; nothing after that.
    expect(telegram.texts(adminChat).filter((t) => t.includes(bn(`#${topUp.id}`)))).toHaveLength(2);
  });

  it("a customer who blocked the bot: the item is closed with the error, not retried forever, and the user is marked unreachable", async () => {
    const { bot, deps, telegram } = await buildTestBot(db);
    const customer = await buildUser(db);
    const topUp = await requestTopUp(testDeps(db), { userId: customer.id, method: "NAGAD", amount: "100", trxId: trx(), limits });
    await approveTopUp(testDeps(db), topUp.id, { label: "telegram:1", isAdmin: true });
    telegram.failNext("sendMessage", 403, "Forbidden: bot was blocked by the user");
    const report = await deliverNotifications(deps, bot.api, { scope: { topUpIds: [topUp.id] } });
    expect(report.dropped).toBe(1);
    const row = await db.outbox.findFirstOrThrow({ where: { kind: "notify-customer-topup", payload: { path: ["topUpId"], equals: topUp.id } } });
    expect(row.doneAt).not.toBeNull();
    expect(row.lastError).toContain("blocked");
    // Broadcasts leave them out until they write again.
    expect((await db.user.findUniqueOrThrow({ where: { id: customer.id } })).botBlockedAt).not.toBeNull();
  });
});
