import { describe, expect, it } from "vitest";
import { deliverNotifications } from "../../src/bot/notifications/deliver-notifications.js";
import { buildUser } from "../support/factories.js";
import { expectLedgerInvariants } from "../support/ledger-invariants.js";
import { buildTestBot, buttonData, callbackUpdate, testChatId, textUpdate, tgUser } from "../support/bot-factories.js";
import { toBengaliDigits as bn } from "../../src/shared/numbers.js";
import { useTestDb } from "../support/test-db.js";

const { prisma: db } = await useTestDb(10);

function trx(): string {
  return `T${Date.now().toString(36).toUpperCase()}${Math.floor(Math.random() * 1e6)}`;
}

describe("top-up conversation", () => {
  it("a restart in the middle resumes it: a second bot instance on the same database finishes it", async () => {
    const first = await buildTestBot(db);
    const customer = await buildUser(db);
    const from = tgUser(customer);
    await first.bot.handleUpdate(textUpdate(from, "➕ টাকা যোগ করুন"));
    await first.bot.handleUpdate(callbackUpdate(from, "tm:NAGAD"));
    expect(first.telegram.texts(from.id).join("\n")).toContain(first.deps.config.NAGAD_NUMBER);
    await first.bot.handleUpdate(textUpdate(from, "500"));
    await first.bot.handleUpdate(textUpdate(from, "01712345678"));

    const second = await buildTestBot(db); // the process restarted
    const trxId = trx();
    await second.bot.handleUpdate(textUpdate(from, trxId.toLowerCase()));
    const topUp = await db.topUp.findFirstOrThrow({ where: { userId: customer.id } });
    expect(topUp).toMatchObject({ method: "NAGAD", trxId, status: "PENDING" });
    expect(topUp.amount.toString()).toBe("500");
    expect(second.telegram.texts(from.id).at(-1)).toContain(bn(`#${topUp.id}`));
  });

  it("a changed conversation version tells the user to start again instead of going silent", async () => {
    const first = await buildTestBot(db);
    const customer = await buildUser(db);
    const from = tgUser(customer);
    await first.bot.handleUpdate(textUpdate(from, "/topup"));
    await first.bot.handleUpdate(callbackUpdate(from, "tm:BKASH"));
    const updated = await buildTestBot(db, {}, { conversationVersion: "next" });
    await updated.bot.handleUpdate(textUpdate(from, "500"));
    expect(updated.telegram.texts(from.id).at(-1)).toContain("আবার শুরু করুন");
    expect(await db.topUp.count({ where: { userId: customer.id } })).toBe(0);
    // And the user can start again at once.
    await updated.bot.handleUpdate(textUpdate(from, "/topup"));
    expect(updated.telegram.texts(from.id).at(-1)).toContain("কীভাবে");
  });

  it("bad amount and bad TrxID are explained and asked again; a used TrxID is refused", async () => {
    const { bot, telegram } = await buildTestBot(db);
    const other = await buildUser(db);
    const customer = await buildUser(db, { language: "en" });
    const from = tgUser(customer);
    const used = trx();
    await db.topUp.create({ data: { userId: other.id, accountId: other.account.id, method: "BKASH", amount: "100", trxId: used } });
    await bot.handleUpdate(textUpdate(from, "/topup"));
    await bot.handleUpdate(callbackUpdate(from, "tm:BKASH"));
    await bot.handleUpdate(textUpdate(from, "five hundred"));
    expect(telegram.texts(from.id).at(-1)).toContain("as a number");
    await bot.handleUpdate(textUpdate(from, "10"));
    expect(telegram.texts(from.id).at(-1)).toContain("between");
    await bot.handleUpdate(textUpdate(from, "500"));
    await bot.handleUpdate(textUpdate(from, "01812345678"));
    await bot.handleUpdate(textUpdate(from, "#!"));
    expect(telegram.texts(from.id).at(-1)).toContain("6 to 20");
    await bot.handleUpdate(textUpdate(from, used));
    expect(telegram.texts(from.id).at(-1)).toContain("already submitted");
    await bot.handleUpdate(textUpdate(from, trx()));
    expect(await db.topUp.count({ where: { userId: customer.id } })).toBe(1);
  });
});

describe("top-up approval in the admin chat", () => {
  it("the request reaches the admin chat; a non-admin's Approve does nothing; the admin's credits once and the customer is told", async () => {
    const adminChat = testChatId();
    const admin = await buildUser(db, { role: "ADMIN" });
    const env = { ADMIN_IDS: String(admin.telegramId), ADMIN_CHAT_ID: String(adminChat) };
    const { bot, deps, telegram } = await buildTestBot(db, env);
    const customer = await buildUser(db);
    const stranger = await buildUser(db);
    const from = tgUser(customer);
    await bot.handleUpdate(textUpdate(from, "/topup"));
    await bot.handleUpdate(callbackUpdate(from, "tm:ROCKET"));
    await bot.handleUpdate(textUpdate(from, "750"));
    await bot.handleUpdate(textUpdate(from, "01912345678"));
    await bot.handleUpdate(textUpdate(from, trx()));
    const topUp = await db.topUp.findFirstOrThrow({ where: { userId: customer.id } });

    // The request was announced to the admin chat at once.
    const adminMessage = telegram.texts(adminChat).at(-1)!;
    expect(adminMessage).toContain(bn(`#${topUp.id}`));
    const approve = buttonData(telegram, adminChat, new RegExp(`^adm:tu:approve:${topUp.id}$`));

    await bot.handleUpdate(callbackUpdate(tgUser(stranger), approve, adminChat, adminMessage));
    expect((await db.topUp.findUniqueOrThrow({ where: { id: topUp.id } })).status).toBe("PENDING");
    expect(await db.ledgerEntry.count({ where: { topUpId: topUp.id } })).toBe(0);

    await bot.handleUpdate(callbackUpdate(tgUser(admin), approve, adminChat, adminMessage));
    await bot.handleUpdate(callbackUpdate(tgUser(admin), approve, adminChat, adminMessage));
    expect((await db.topUp.findUniqueOrThrow({ where: { id: topUp.id } })).status).toBe("APPROVED");
    expect((await db.account.findUniqueOrThrow({ where: { id: customer.account.id } })).balance.toString()).toBe("750");
    // The customer was told at once, and only once.
    expect(telegram.texts(from.id).filter((t) => t.includes(bn(`টপ-আপ #${topUp.id} অনুমোদিত`)))).toHaveLength(1);
    await deliverNotifications(deps, bot.api, { scope: { topUpIds: [topUp.id] } });
    expect(telegram.texts(from.id).filter((t) => t.includes(bn(`টপ-আপ #${topUp.id} অনুমোদিত`)))).toHaveLength(1);
    await expectLedgerInvariants(db, [customer.account.id]);
  });
});
