// /broadcast through the real bot (handleUpdate, fake Bot API): in the admin chat (English) and in an
// admin's private chat (Bengali); Send / Cancel / Pause buttons; the preview as the formatting check;
// users who blocked the bot left out, and counted again once they write.
import pino from "pino";
import { describe, expect, it } from "vitest";
import { broadcastApi, telegramBroadcasts } from "../../src/bot/broadcasts/telegram-transport.js";
import { createBot, type PanelBot } from "../../src/bot/create-bot.js";
import { loadI18n, type I18n } from "../../src/bot/i18n.js";
import { sendBroadcasts } from "../../src/broadcasts/send-broadcasts.js";
import type { Deps } from "../../src/deps.js";
import { BOT_INFO, TEST_TOKEN, callbackUpdate, buttonData, fakeTelegram, testChatId, textUpdate, tgUser, type FakeTelegram } from "../support/bot-factories.js";
import { testDeps } from "../support/deps.js";
import { buildGroupAccount, buildUser, unique } from "../support/factories.js";
import { useTestDb } from "../support/test-db.js";

const { prisma: db } = await useTestDb(10);

interface Harness {
  bot: PanelBot;
  deps: Deps;
  telegram: FakeTelegram;
  i18n: I18n;
  /** Error-level log lines: a handler that failed logs here (every test expects none). */
  errors: string[];
}

async function harness(env: Record<string, string>): Promise<Harness> {
  const telegram = fakeTelegram();
  const errors: string[] = [];
  const i18n = await loadI18n();
  const base = { ...testDeps(db, { BOT_TOKEN: TEST_TOKEN, ...env }), logger: pino({ level: "error" }, { write: (line: string) => void errors.push(line) }) };
  const deps: Deps = { ...base, broadcasts: telegramBroadcasts(broadcastApi(base.config, { fetch: telegram.fetch }), i18n) };
  const bot = await createBot(deps, { token: TEST_TOKEN, botInfo: BOT_INFO, fetch: telegram.fetch, floodLimit: false, i18n });
  return { bot, deps, telegram, i18n, errors };
}

const lastText = (telegram: FakeTelegram, chatId: number) => telegram.texts(chatId).at(-1);

describe("/broadcast in the bot", () => {
  it("admin chat (en): text with formatting → button → one group's members → preview to the admin → Send → sent to them only, once", async () => {
    const admin = await buildUser(db, { role: "ADMIN", language: "en" });
    const adminChat = testChatId();
    const h = await harness({ ADMIN_IDS: String(admin.telegramId), ADMIN_CHAT_ID: String(adminChat), ADMIN_LANGUAGE: "en" });
    const t = h.i18n.translator("en");
    const member = await buildUser(db, { language: "bn" });
    const outsider = await buildUser(db, { language: "en" });
    const blockedBot = await buildUser(db, { botBlockedAt: new Date() });
    const shopBlocked = await buildUser(db, { blocked: true });
    const account = await buildGroupAccount(db, "0");
    const title = `Resellers ${unique()}`;
    const resellers = await db.group.create({ data: { chatId: BigInt(testChatId()), title, rate: "1", accountId: account.id } });
    await db.groupMember.createMany({ data: [member, blockedBot, shopBlocked].map((u) => ({ groupId: resellers.id, userId: u.id, playerId: "123456" })) });
    const group = { id: adminChat, type: "supergroup" as const, title: "Admins" };
    const from = tgUser(admin);

    await h.bot.handleUpdate(textUpdate(from, "/broadcast", group));
    expect(lastText(h.telegram, adminChat), "asks for the text in English").toBe(t("broadcast-ask-text"));
    // Another admin-chat member's message is not taken as the answer.
    const other = await buildUser(db);
    await h.bot.handleUpdate(textUpdate(tgUser(other), "not the broadcast", group));
    await h.bot.handleUpdate(textUpdate(from, "Eid sale <today> & tomorrow", group, { entities: [{ type: "bold", offset: 0, length: 8 }] }));
    expect(lastText(h.telegram, adminChat), "asks for the button").toBe(t("broadcast-ask-button"));
    await h.bot.handleUpdate(textUpdate(from, "Open shop | not a link", group));
    expect(lastText(h.telegram, adminChat), "a bad link is refused").toBe(t("err-bad-button-url"));
    await h.bot.handleUpdate(textUpdate(from, "Open shop | https://example.com/shop", group));
    expect(lastText(h.telegram, adminChat)).toBe(t("broadcast-ask-audience"));
    await h.bot.handleUpdate(callbackUpdate(from, "bcw:aud:GROUP", adminChat));
    expect(lastText(h.telegram, adminChat)).toBe(t("broadcast-ask-group"));
    await h.bot.handleUpdate(callbackUpdate(from, buttonData(h.telegram, adminChat, new RegExp(`^${title}$`)), adminChat));

    const draft = await db.broadcast.findFirstOrThrow({ where: { createdById: admin.id }, orderBy: { id: "desc" } });
    expect(draft).toMatchObject({ status: "DRAFT", text: "<b>Eid sale</b> &lt;today&gt; &amp; tomorrow", buttonText: "Open shop", buttonUrl: "https://example.com/shop", audience: "GROUP", groupId: resellers.id });
    const preview = h.telegram.callsTo("sendMessage", admin.telegramId!).at(-1);
    expect(preview?.payload, "the preview went to the admin's private chat, as customers will see it").toMatchObject({
      text: draft.text,
      parse_mode: "HTML",
      reply_markup: { inline_keyboard: [[{ text: "Open shop", url: "https://example.com/shop" }]] },
    });
    const ask = lastText(h.telegram, adminChat)!;
    expect(ask, "the Send? message names the audience and its size").toBe(t("broadcast-preview-ready", { id: draft.id, audience: `${t("broadcast-aud-GROUP")} #${resellers.id}`, count: 1 }));

    const send = buttonData(h.telegram, adminChat, /^bc:start:/);
    expect(send).toBe(`bc:start:${draft.id}`);
    // Only admins' taps count.
    await h.bot.handleUpdate(callbackUpdate(tgUser(other), send, adminChat, ask, 4242));
    expect((await db.broadcast.findUniqueOrThrow({ where: { id: draft.id } })).status, "a non-admin's tap changes nothing").toBe("DRAFT");
    await h.bot.handleUpdate(callbackUpdate(from, send, adminChat, ask, 4242));
    const rows = await db.broadcastRecipient.findMany({ where: { broadcastId: draft.id } });
    expect(rows.map((r) => r.userId), "the group's member only: not who blocked the bot, not who the shop blocked").toEqual([member.id]);
    expect(h.telegram.callsTo("editMessageText", adminChat).at(-1)?.payload, "the Send? message became the progress message").toMatchObject({ message_id: 4242 });

    // A second tap does not start it twice.
    await h.bot.handleUpdate(callbackUpdate(from, send, adminChat, ask, 4242));
    expect(h.telegram.callsTo("answerCallbackQuery").at(-1)?.payload.show_alert, "the second Send is refused").toBe(true);

    await sendBroadcasts(h.deps, { only: [draft.id], maxMs: 120_000 });
    expect(h.telegram.callsTo("sendMessage", member.telegramId!), "the member got it once").toHaveLength(1);
    expect(h.telegram.callsTo("sendMessage", outsider.telegramId!), "nobody else did").toHaveLength(0);
    expect((await db.broadcast.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("DONE");
    const progress = h.telegram.callsTo("editMessageText", adminChat).at(-1)!.payload.text as string;
    expect(progress, "the progress message ends finished, in English").toBe(
      [t("broadcast-progress-title", { id: draft.id, status: t("broadcast-status-DONE") }), t("broadcast-progress-counts", { sent: 1, failed: 0, blocked: 0, left: 0, total: 1 })].join("\n"),
    );
    expect(h.errors, "handler errors").toEqual([]);
  });

  it("private chat (bn): ordered in the last ৭ days → preview → Cancel; Telegram refusing the formatting is explained", async () => {
    const admin = await buildUser(db, { role: "ADMIN", language: "bn" });
    const h = await harness({ ADMIN_IDS: String(admin.telegramId) });
    const t = h.i18n.translator("bn");
    const from = tgUser(admin);
    const chat = Number(admin.telegramId);
    await h.bot.handleUpdate(textUpdate(from, "/broadcast"));
    expect(lastText(h.telegram, chat), "asks for the text in Bengali").toBe(t("broadcast-ask-text"));
    await h.bot.handleUpdate(textUpdate(from, `Offer ${unique()}`));
    await h.bot.handleUpdate(callbackUpdate(from, "bcw:skip"));
    await h.bot.handleUpdate(callbackUpdate(from, "bcw:aud:ORDERED_RECENTLY"));
    expect(lastText(h.telegram, chat)).toBe(t("broadcast-ask-days"));
    await h.bot.handleUpdate(textUpdate(from, "০"));
    expect(lastText(h.telegram, chat), "0 days is refused, in Bengali").toBe(t("err-bad-days", { min: "1", max: "3650" }));
    await h.bot.handleUpdate(textUpdate(from, "৭"));
    const draft = await db.broadcast.findFirstOrThrow({ where: { createdById: admin.id }, orderBy: { id: "desc" } });
    expect(draft).toMatchObject({ audience: "ORDERED_RECENTLY", orderedWithinDays: 7, status: "DRAFT" });
    expect(draft.previewedHash, "previewed").not.toBeNull();
    await h.bot.handleUpdate(callbackUpdate(from, `bc:cancel:${draft.id}`));
    expect((await db.broadcast.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("CANCELED");
    expect(lastText(h.telegram, chat), "told in Bengali").toBe(t("broadcast-canceled", { id: draft.id }));

    // Telegram refuses the formatting of the preview: the admin is told why, nothing can start.
    await h.bot.handleUpdate(textUpdate(from, "/broadcast"));
    await h.bot.handleUpdate(textUpdate(from, `Bad ${unique()}`));
    await h.bot.handleUpdate(callbackUpdate(from, "bcw:skip"));
    h.telegram.failNext("sendMessage", 400, "Bad Request: can't parse entities");
    await h.bot.handleUpdate(callbackUpdate(from, "bcw:aud:RESELLERS"));
    expect(lastText(h.telegram, chat), "the refusal in Bengali").toBe(t("err-telegram-refused", { telegram: "Bad Request: can't parse entities" }));
    const refused = await db.broadcast.findFirstOrThrow({ where: { createdById: admin.id }, orderBy: { id: "desc" } });
    expect(refused.previewedHash, "a refused preview does not count").toBeNull();
    await h.bot.handleUpdate(callbackUpdate(from, `bc:start:${refused.id}`));
    expect(h.telegram.callsTo("answerCallbackQuery").at(-1)?.payload, "Send is refused until a preview went through").toMatchObject({ text: t("err-preview-required"), show_alert: true });
    expect((await db.broadcast.findUniqueOrThrow({ where: { id: refused.id } })).status).toBe("DRAFT");
    expect(h.errors, "handler errors").toEqual([]);
  });

  it("non-admins cannot start one, nor press its buttons; a user who blocked the bot is reachable again once they write", async () => {
    const admin = await buildUser(db, { role: "ADMIN" });
    const h = await harness({ ADMIN_IDS: String(admin.telegramId) });
    const customer = await buildUser(db, { language: "en", botBlockedAt: new Date() });
    await h.bot.handleUpdate(textUpdate(tgUser(customer), "/broadcast"));
    expect(h.telegram.texts(Number(customer.telegramId)), "no broadcast prompt for a customer").not.toContain(h.i18n.t("en", "broadcast-ask-text"));
    expect((await db.user.findUniqueOrThrow({ where: { id: customer.id } })).botBlockedAt, "writing again clears the mark").toBeNull();
    const draft = await db.broadcast.create({ data: { text: "x", audience: "ALL_CUSTOMERS", createdById: admin.id, previewedHash: "x" } });
    await h.bot.handleUpdate(callbackUpdate(tgUser(customer), `bc:start:${draft.id}`));
    expect((await db.broadcast.findUniqueOrThrow({ where: { id: draft.id } })).status, "a customer's tap changes nothing").toBe("DRAFT");
    // "Stop bot" in the private chat marks the user again.
    await h.bot.handleUpdate({
      update_id: Date.now(),
      my_chat_member: {
        chat: { id: Number(customer.telegramId), type: "private", first_name: "C" },
        from: { id: Number(customer.telegramId), is_bot: false, first_name: "C" },
        date: Math.floor(Date.now() / 1000),
        old_chat_member: { status: "member", user: { ...BOT_INFO } },
        new_chat_member: { status: "kicked", until_date: 0, user: { ...BOT_INFO } },
      },
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: customer.id } })).botBlockedAt, "stopping the bot sets the mark").not.toBeNull();
    expect(h.errors, "handler errors").toEqual([]);
  });
});
