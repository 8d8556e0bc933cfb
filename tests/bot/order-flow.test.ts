// The order flow between Order and the summary: its answers live in the chat's session, so it
// resumes after a restart, wants text, lets buttons elsewhere work, and ends on any escape.
import { describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import { SYSTEM } from "../../src/audit/actor.js";
import { updateService } from "../../src/catalogue/manage-catalogue.js";
import { buildProvider, buildService, buildUser } from "../support/factories.js";
import { buildTestBot, buttonData, callbackUpdate, testChatId, textUpdate, tgUser, type TgUser } from "../support/bot-factories.js";
import { testDeps } from "../support/deps.js";
import { toBengaliDigits as bn } from "../../src/shared/numbers.js";
import { useTestDb } from "../support/test-db.js";

const { prisma: db } = await useTestDb(10);

function stickerUpdate(from: TgUser): Update {
  const update = textUpdate(from, "");
  const message = update.message as unknown as Record<string, unknown>;
  delete message.text;
  message.sticker = { file_id: "CAACAgIAAxkBAAE", file_unique_id: "AgAD", type: "regular", width: 512, height: 512, is_animated: false, is_video: false };
  return update;
}

async function instagramServiceAndCustomer() {
  const provider = await buildProvider(db);
  const service = await buildService(db, { price: "100", min: 100, max: 5000, platform: "instagram", providerId: provider.id, providerServiceId: "1" });
  const customer = await buildUser(db, { balance: "500", language: "en" });
  return { service, customer, from: tgUser(customer) };
}

describe("order flow", () => {
  it("a restart after the link: a second bot instance on the same database asks the quantity and places the order", async () => {
    const { service, customer, from } = await instagramServiceAndCustomer();
    const first = await buildTestBot(db);
    await first.bot.handleUpdate(callbackUpdate(from, `ord:${service.id}`));
    await first.bot.handleUpdate(textUpdate(from, "https://instagram.com/resumed"));
    expect(first.telegram.texts(from.id).at(-1)).toContain("How many");

    const second = await buildTestBot(db); // the process restarted
    await second.bot.handleUpdate(textUpdate(from, "1000"));
    expect(second.telegram.texts(from.id).at(-1)).toContain("৳100.00");
    await second.bot.handleUpdate(callbackUpdate(from, buttonData(second.telegram, from.id, /^oc:/)));
    const orders = await db.order.findMany({ where: { userId: customer.id } });
    expect(orders.map((o) => [o.link, o.quantity])).toEqual([["https://instagram.com/resumed", 1000]]);
    expect([...first.errors, ...second.errors]).toEqual([]);
  });

  it("a sticker gets a hint and the step waits; a button elsewhere still works and the flow goes on", async () => {
    const { service, customer, from } = await instagramServiceAndCustomer();
    const { bot, telegram, errors } = await buildTestBot(db);
    await bot.handleUpdate(callbackUpdate(from, `ord:${service.id}`));
    await bot.handleUpdate(stickerUpdate(from));
    expect(telegram.texts(from.id).at(-1)).toContain("as a text message");
    await bot.handleUpdate(callbackUpdate(from, "op:0")); // "My orders": a button of another screen, not a new flow
    expect(telegram.texts(from.id).at(-1), "the orders page was shown").toContain("no orders yet");
    await bot.handleUpdate(textUpdate(from, "https://instagram.com/after_sticker"));
    await bot.handleUpdate(textUpdate(from, "500"));
    await bot.handleUpdate(callbackUpdate(from, buttonData(telegram, from.id, /^oc:/)));
    const order = await db.order.findFirstOrThrow({ where: { userId: customer.id } });
    expect([order.link, order.quantity]).toEqual(["https://instagram.com/after_sticker", 500]);
    expect(errors).toEqual([]);
  });

  it("a menu button or /cancel ends it: the next text is not taken as an answer", async () => {
    const { service, customer, from } = await instagramServiceAndCustomer();
    const { bot, telegram } = await buildTestBot(db);
    await bot.handleUpdate(callbackUpdate(from, `ord:${service.id}`));
    await bot.handleUpdate(textUpdate(from, "/cancel"));
    expect(telegram.texts(from.id).at(-1)).toContain("Stopped");
    await bot.handleUpdate(textUpdate(from, "https://instagram.com/too_late"));
    expect(telegram.texts(from.id).at(-1)).toContain("did not understand");

    await bot.handleUpdate(callbackUpdate(from, `ord:${service.id}`));
    await bot.handleUpdate(textUpdate(from, "https://instagram.com/menu"));
    await bot.handleUpdate(textUpdate(from, "💰 Balance"));
    await bot.handleUpdate(textUpdate(from, "1000"));
    expect(telegram.texts(from.id).at(-1)).toContain("did not understand");
    expect(await db.order.count({ where: { userId: customer.id } })).toBe(0);
    const session = await db.session.findUnique({ where: { key: `session:${from.id}` } });
    expect(JSON.parse(session!.value)).not.toHaveProperty("order");
  });

  it("a service switched off between two steps is refused at the next answer and the flow ends", async () => {
    const { service, customer, from } = await instagramServiceAndCustomer();
    const { bot, telegram, errors } = await buildTestBot(db);
    await bot.handleUpdate(callbackUpdate(from, `ord:${service.id}`));
    await bot.handleUpdate(textUpdate(from, "https://instagram.com/switched_off"));
    await updateService(testDeps(db), { id: service.id, active: false, actor: SYSTEM });
    await bot.handleUpdate(textUpdate(from, "1000"));
    expect(telegram.texts(from.id).at(-1)).toContain("not available");
    await bot.handleUpdate(textUpdate(from, "1000"));
    expect(telegram.texts(from.id).at(-1)).toContain("did not understand");
    expect(await db.order.count({ where: { userId: customer.id } })).toBe(0);
    expect(errors).toEqual([]);
  });

  it("Confirm on a manual service tells the admin chat at once; on an auto service the order waits for the forwarder", async () => {
    const adminChat = testChatId();
    const admin = await buildUser(db, { role: "ADMIN" });
    const { bot, telegram, errors } = await buildTestBot(db, { ADMIN_IDS: String(admin.telegramId), ADMIN_CHAT_ID: String(adminChat) });
    const diamonds = await buildService(db, { mode: "MANUAL", linkKind: "UID", platform: "freefire", priceUnit: "PER_UNIT", price: "1", min: 1, max: 1000 });
    const { service, customer, from } = await instagramServiceAndCustomer();
    for (const [ordered, answers] of [[diamonds, ["123456789", "10"]], [service, ["https://instagram.com/auto", "100"]]] as const) {
      await bot.handleUpdate(callbackUpdate(from, `ord:${ordered.id}`));
      for (const answer of answers) await bot.handleUpdate(textUpdate(from, answer));
      await bot.handleUpdate(callbackUpdate(from, buttonData(telegram, from.id, /^oc:/)));
    }
    const [manual, auto] = await db.order.findMany({ where: { userId: customer.id }, orderBy: { id: "asc" } });
    expect([manual?.isManual, auto?.isManual]).toEqual([true, false]);
    const alerts = telegram.texts(adminChat);
    expect(alerts.filter((t) => t.includes(`#${manual!.id}`) || t.includes(`#${bn(String(manual!.id))}`)), alerts.join("\n---\n")).toHaveLength(1);
    expect(await db.outbox.count({ where: { orderId: auto!.id, kind: "forward-order", doneAt: null } })).toBe(1);
    expect(errors).toEqual([]);
  });
});
