import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverNotifications } from "../../src/bot/notifications/deliver-notifications.js";
import { enqueue } from "../../src/outbox/enqueue.js";
import { placeOrder } from "../../src/orders/place-order.js";
import { startProviderSimulator, type ProviderSimulator } from "../../src/providers/simulator/index.js";
import { buildUser } from "../support/factories.js";
import { expectLedgerInvariants } from "../support/ledger-invariants.js";
import { buildSimProvider, buildSimService } from "../support/provider-factories.js";
import { BOT_INFO, buildTestBot, buttonData, callbackUpdate, testChatId, textUpdate, tgUser } from "../support/bot-factories.js";
import { toBengaliDigits as bn } from "../../src/shared/numbers.js";
import { useTestDb } from "../support/test-db.js";
import { testDeps } from "../support/deps.js";

const { prisma: db } = await useTestDb(10);
let sim: ProviderSimulator;
beforeAll(async () => {
  sim = await startProviderSimulator({ balance: "100000" });
});
afterAll(() => sim.close());

async function setup(status: "FAILED" | "UNKNOWN") {
  const adminChat = testChatId();
  const admin = await buildUser(db, { role: "ADMIN" });
  const t = await buildTestBot(db, { ADMIN_IDS: String(admin.telegramId), ADMIN_CHAT_ID: String(adminChat), PROVIDER_BALANCE_CACHE_SECONDS: "0" });
  const provider = await buildSimProvider(db, t.deps.box, sim);
  const service = await buildSimService(db, provider);
  const customer = await buildUser(db, { balance: "1000" });
  const { order } = await placeOrder(testDeps(db), { userId: customer.id, serviceId: service.id, link: "https://x.com/a", quantity: 1000 });
  await db.order.update({ where: { id: order.id }, data: { status, failureReason: status === "FAILED" ? "provider_refused" : "unknown", providerError: "Timeout" } });
  await db.$transaction((tx) => enqueue(tx, "notify-admin-order", { orderId: order.id, event: status === "FAILED" ? "failed" : "unknown" }, new Date()));
  await deliverNotifications(t.deps, t.bot.api, { scope: { orderIds: [order.id] } });
  const alert = t.telegram.texts(adminChat).at(-1)!;
  expect(alert).toContain(bn(`#${order.id}`));
  // In the admin's language, with the exact state on its own line.
  expect(alert).toContain(`⚙️ ${status}`);
  return { ...t, admin, adminChat, customer, order, alert };
}

describe("failed and unknown orders in the admin chat", () => {
  it("FAILED → Resubmit sends it again (a non-admin's tap does nothing)", async () => {
    const { bot, telegram, admin, adminChat, customer, order, alert } = await setup("FAILED");
    const resubmit = buttonData(telegram, adminChat, new RegExp(`^adm:o:resubmit:${order.id}$`));
    await bot.handleUpdate(callbackUpdate(tgUser(customer), resubmit, adminChat, alert));
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("FAILED");
    await bot.handleUpdate(callbackUpdate(tgUser(admin), resubmit, adminChat, alert));
    const after = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(after.status).not.toBe("FAILED");
    expect(after.resubmitCount).toBe(1);
  });

  it("FAILED → Cancel + refund refunds once", async () => {
    const { bot, telegram, admin, adminChat, customer, order, alert } = await setup("FAILED");
    const cancel = buttonData(telegram, adminChat, new RegExp(`^adm:o:cancel:${order.id}$`));
    await bot.handleUpdate(callbackUpdate(tgUser(admin), cancel, adminChat, alert));
    await bot.handleUpdate(callbackUpdate(tgUser(admin), cancel, adminChat, alert));
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("CANCELED");
    expect((await db.account.findUniqueOrThrow({ where: { id: customer.account.id } })).balance.toString()).toBe("1000");
    await expectLedgerInvariants(db, [customer.account.id]);
  });

  it("UNKNOWN → 'provider placed it as #…' records the admin's reply as the provider order id", async () => {
    const { bot, telegram, admin, adminChat, order, alert } = await setup("UNKNOWN");
    await bot.handleUpdate(callbackUpdate(tgUser(admin), buttonData(telegram, adminChat, new RegExp(`^adm:o:placed:${order.id}$`)), adminChat, alert));
    const prompt = telegram.callsTo("sendMessage", adminChat).at(-1)!;
    expect(prompt.payload.reply_markup).toMatchObject({ force_reply: true });
    const reply = textUpdate(tgUser(admin), "98765", { id: adminChat, type: "supergroup" }, {
      reply_to_message: { message_id: 5, date: 0, chat: { id: adminChat, type: "supergroup", title: "Admins" }, from: BOT_INFO, text: String(prompt.payload.text) },
    } as never);
    await bot.handleUpdate(reply);
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "IN_PROGRESS", providerOrderId: "98765" });
  });
});
