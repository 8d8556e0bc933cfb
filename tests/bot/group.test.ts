import { describe, expect, it } from "vitest";
import { buildService, buildUser } from "../support/factories.js";
import { expectLedgerInvariants } from "../support/ledger-invariants.js";
import { buildTestBot, buttonData, callbackUpdate, testChatId, textUpdate, tgUser } from "../support/bot-factories.js";
import { toBengaliDigits as bn } from "../../src/shared/numbers.js";
import { useTestDb } from "../support/test-db.js";

const { prisma: db } = await useTestDb(10);

async function setup() {
  const adminChat = testChatId();
  const groupChat = { id: testChatId(), type: "supergroup" as const, title: "Diamond resellers" };
  const admin = await buildUser(db, { role: "ADMIN" });
  const env = { ADMIN_IDS: String(admin.telegramId), ADMIN_CHAT_ID: String(adminChat) };
  const t = await buildTestBot(db, env);
  const diamonds = await buildService(db, { mode: "MANUAL", linkKind: "UID", platform: "freefire", priceUnit: "PER_UNIT", price: "0.85", min: 1, max: 100000, nameBn: "💎 ডায়মন্ড", nameEn: "💎 Diamonds" });
  return { ...t, admin, adminChat, groupChat, diamonds };
}

describe("group quick orders", () => {
  it("an admin registers the group; `.10` makes one order billed to the group, replied to; a redelivery changes nothing", async () => {
    const { bot, telegram, admin, adminChat, groupChat, diamonds } = await setup();
    const member = await buildUser(db);
    const stranger = await buildUser(db);

    await bot.handleUpdate(textUpdate(tgUser(stranger), "/registergroup 1 5000", groupChat));
    expect(await db.group.count({ where: { chatId: BigInt(groupChat.id) } })).toBe(0);
    await bot.handleUpdate(textUpdate(tgUser(admin), `/registergroup 1.20 5000 ${diamonds.id}`, groupChat));
    const group = await db.group.findUniqueOrThrow({ where: { chatId: BigInt(groupChat.id) } });
    expect(group.rate.toString()).toBe("1.2");

    const message = textUpdate(tgUser(member), ".10 123456789", groupChat);
    await bot.handleUpdate(message);
    // The same message again, as Telegram redelivers it after an outage (a new update id).
    await bot.handleUpdate({ ...structuredClone(message), update_id: message.update_id + 1 });
    const orders = await db.order.findMany({ where: { groupChatId: BigInt(groupChat.id) } });
    expect(orders).toHaveLength(1);
    const order = orders[0]!;
    expect(order).toMatchObject({ userId: member.id, accountId: group.accountId, quantity: 10, isManual: true, source: "GROUP", groupMessageId: message.message!.message_id });
    expect(order.charge.toString()).toBe("12");
    const replies = telegram.callsTo("sendMessage", groupChat.id).filter((c) => c.payload.reply_parameters);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.payload.reply_parameters).toMatchObject({ message_id: message.message!.message_id });
    expect(String(replies[0]!.payload.text)).toContain(bn(`#${order.id}`));
    expect((await db.account.findUniqueOrThrow({ where: { id: group.accountId } })).balance.toString()).toBe("-12");

    // The admin chat got the manual order with Take / Done; Done confirms to the customer in the group, in reply.
    expect(telegram.texts(adminChat).at(-1)).toContain(bn(`#${order.id}`));
    const done = buttonData(telegram, adminChat, new RegExp(`^adm:o:done:${order.id}$`));
    await bot.handleUpdate(callbackUpdate(tgUser(admin), done, adminChat, telegram.texts(adminChat).at(-1)!));
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("COMPLETED");
    const confirmation = telegram.callsTo("sendMessage", groupChat.id).at(-1)!;
    expect(String(confirmation.payload.text)).toContain("সম্পন্ন হয়েছে · 💎 ১০ ডায়মন্ড · ৳১২.০০");
    expect(confirmation.payload.reply_parameters).toMatchObject({ message_id: message.message!.message_id });
    await expectLedgerInvariants(db, [group.accountId]);
  });

  it("beyond the credit limit nothing is charged and the group is told; unregistered groups are ignored", async () => {
    const { bot, telegram, admin, groupChat, diamonds } = await setup();
    await bot.handleUpdate(textUpdate(tgUser(admin), `/registergroup 1 10 ${diamonds.id}`, groupChat));
    const member = await buildUser(db);
    await bot.handleUpdate(textUpdate(tgUser(member), ".11 123456789", groupChat));
    expect(await db.order.count({ where: { groupChatId: BigInt(groupChat.id) } })).toBe(0);
    expect(telegram.texts(groupChat.id).at(-1)).toContain("ক্রেডিট লিমিট");
    const other = { id: testChatId(), type: "group" as const };
    await bot.handleUpdate(textUpdate(tgUser(member), ".5", other));
    expect(telegram.callsTo("sendMessage", other.id)).toHaveLength(0);
  });
});
