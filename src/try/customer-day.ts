// One whole customer day, driven through the real bot (createBot, every middleware and
// conversation) with an in-process Bot API that records what Telegram would show: start → top-up
// (approved by an admin) → order (forwarded to the provider simulator, completed by the status
// sync) → my orders → a refill ticket → balance. The result is a readable transcript.
import type { Language } from "@prisma/client";
import type { Update } from "grammy/types";
import { localBotInfo } from "../bot/bot-info.js";
import { createBot } from "../bot/create-bot.js";
import { deliverNotifications } from "../bot/notifications/deliver-notifications.js";
import { loadConfig } from "../config.js";
import type { Db } from "../db/client.js";
import type { Deps } from "../deps.js";
import { forwardOrder } from "../fulfilment/forward-order.js";
import type { Logger } from "../logger.js";
import { startProviderSimulator } from "../providers/simulator/index.js";
import type { SecretBox } from "../shared/secret-box.js";
import { syncOrder } from "../fulfilment/sync-orders.js";

const TOKEN = "4504000000:panelbot-transcript-capture-only-token";
const BOT = localBotInfo(4_504_000_000, "panelbot_transcript_bot");

type Payload = Record<string, unknown>;
type Button = { text: string; callback_data?: string };

export interface CustomerDayBase {
  db: Db;
  box: SecretBox;
  logger: Logger;
}

export async function customerDay(base: CustomerDayBase, locale: Language): Promise<string> {
  const run = Date.now() % 1_000_000_000;
  const customerId = 7_000_000_000 + run;
  const adminId = 8_000_000_000 + run;
  const adminChat = -(9_000_000_000 + run);
  const config = loadConfig({
    NODE_ENV: "production",
    SECRET_KEY: "transcript-only-secret-key-0123456789",
    ADMIN_IDS: String(adminId),
    ADMIN_CHAT_ID: String(adminChat),
    ADMIN_LANGUAGE: locale,
    PROVIDER_BALANCE_CACHE_SECONDS: "0",
  });
  const deps: Deps = { ...base, config, now: () => new Date() };
  const sim = await startProviderSimulator({ balance: "1000" });
  const lines: string[] = [];
  const names = new Map<number, string>([[customerId, "Rahim"], [adminChat, "admin chat"]]);
  let messageId = 100;
  const lastKeyboard = new Map<number, Button[][]>();
  const lastText = new Map<number, string>();

  const show = (chatId: number, text: string, markup: unknown) => {
    const where = chatId === customerId ? "🤖" : `🤖 → ${names.get(chatId) ?? chatId}`;
    lines.push(`${where}  ${text.replaceAll("\n", "\n    ")}`);
    lastText.set(chatId, text);
    const rows = (markup as { inline_keyboard?: Button[][] } | undefined)?.inline_keyboard?.filter((row) => row.length > 0);
    if (rows?.length) {
      lastKeyboard.set(chatId, rows);
      lines.push(`    ${rows.map((row) => row.map((b) => `[${b.text}]`).join(" ")).join("\n    ")}`);
    }
    const keys = (markup as { keyboard?: { text: string }[][] } | undefined)?.keyboard;
    if (keys?.length) lines.push(`    ⌨️ ${keys.flat().map((b) => `[${b.text}]`).join(" ")}`);
  };
  const fakeFetch: typeof fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    const method = url.slice(url.lastIndexOf("/") + 1);
    const p = (init?.body ? JSON.parse(String(init.body)) : {}) as Payload;
    const chatId = Number(p.chat_id ?? 0);
    if (method === "sendMessage" || method === "editMessageText") show(chatId, String(p.text), p.reply_markup);
    if (method === "editMessageReplyMarkup") show(chatId, "(buttons changed)", p.reply_markup);
    if (method === "answerCallbackQuery" && p.text) lines.push(`🤖  (${p.show_alert ? "alert" : "toast"}) ${String(p.text).replaceAll("\n", " ")}`);
    const result = method.startsWith("send") || method === "editMessageText"
      ? { message_id: ++messageId, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: chatId < 0 ? "supergroup" : "private", title: "Admins", first_name: "Rahim" }, from: BOT, text: String(p.text ?? "") }
      : true;
    return Response.json({ ok: true, result });
  };

  let categoryId: number | undefined;
  try {
    const bot = await createBot(deps, { token: TOKEN, botInfo: BOT, fetch: fakeFetch, floodLimit: false });
    const i18n = bot.i18n;
    const t = (key: string) => i18n.t(locale, key);
    let updateId = run * 1000;
    const customer = { id: customerId, is_bot: false, first_name: "Rahim", language_code: locale };
    const admin = { id: adminId, is_bot: false, first_name: "Karim", username: "shop_admin", language_code: locale };

    const say = async (text: string) => {
      lines.push("", `👤  ${text}`);
      const command = /^\/\w+/.exec(text);
      const update = {
        update_id: ++updateId,
        message: {
          message_id: ++messageId,
          date: Math.floor(Date.now() / 1000),
          chat: { id: customerId, type: "private", first_name: "Rahim" },
          from: customer,
          text,
          ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : {}),
        },
      } as Update;
      await bot.handleUpdate(update);
    };
    const tap = async (who: typeof customer | typeof admin, chatId: number, match: RegExp) => {
      const button = (lastKeyboard.get(chatId) ?? []).flat().find((b) => b.callback_data && match.test(b.callback_data));
      if (!button?.callback_data) throw new Error(`No button ${match} in chat ${chatId}`);
      lines.push("", `${who === admin ? "🧑‍💼 Karim (admin) taps" : "👤  taps"} [${button.text}]`);
      await bot.handleUpdate({
        update_id: ++updateId,
        callback_query: {
          id: String(++updateId),
          from: who,
          chat_instance: String(chatId),
          data: button.callback_data,
          message: { message_id: messageId, date: Math.floor(Date.now() / 1000), chat: chatId < 0 ? { id: chatId, type: "supergroup", title: "Admins" } : { id: chatId, type: "private", first_name: "Rahim" }, from: BOT, text: lastText.get(chatId) ?? "" },
        },
      } as Update);
    };
    const jobs = async (what: string, work: () => Promise<unknown>) => {
      lines.push("", `⚙️  ${what}`);
      await work();
    };

    // The shop: one Instagram service at the simulator, with refill.
    const category = await deps.db.category.create({ data: { nameBn: "ইনস্টাগ্রাম", nameEn: "Instagram", sortOrder: -run } });
    categoryId = category.id;
    const provider = await deps.db.provider.create({
      data: { name: `transcript-sim-${locale}-${run}`, url: sim.url, apiKeyEncrypted: deps.box.seal(sim.apiKey), apiKeyLast4: sim.apiKey.slice(-4), currency: "USD" },
    });
    const service = await deps.db.service.create({
      data: {
        categoryId: category.id, providerId: provider.id, providerServiceId: "1", providerRate: "0.90",
        nameBn: "ইনস্টাগ্রাম ফলোয়ার (রিফিল ৩০ দিন)", nameEn: "Instagram followers (30-day refill)",
        price: "137.25", cost: "109.8", min: 100, max: 10000, refill: true, cancel: true, platform: "instagram",
      },
    });

    const typed = (bn: string, en: string) => (locale === "bn" ? bn : en);
    lines.push(`# ${typed("এক দিনের গ্রাহক: শুরু → টপ-আপ → অর্ডার → টিকেট → রিফিল", "One customer day: start → top-up → order → ticket → refill")}`, "");
    lines.push(typed(
      "বটের আসল কোড (createBot) একটি রেকর্ডিং Bot API-এর সাথে চালিয়ে তৈরি। 👤 গ্রাহক, 🤖 বট, 🧑‍💼 অ্যাডমিন, ⚙️ পটভূমির কাজ।",
      "Made by running the real bot (createBot) against a recording Bot API. 👤 customer, 🤖 bot, 🧑‍💼 admin, ⚙️ background jobs.",
    ));
    await say("/start");
    await say(t("menu-topup"));
    await tap(customer, customerId, /^tm:BKASH$/);
    await say(typed("৫০০", "500"));
    await say(typed("০১৭১২-৩৪৫৬৭৮", "01712-345678"));
    await say(`8N${run.toString(36).toUpperCase()}Q`);
    await tap(admin, adminChat, /^adm:tu:approve:/);

    await say(t("menu-services"));
    await tap(customer, customerId, new RegExp(`^cat:${category.id}:`));
    await tap(customer, customerId, new RegExp(`^svc:${service.id}$`));
    await tap(customer, customerId, /^ord:/);
    await say("https://instagram.com/rahim.shop");
    await say(typed("১,০০০", "1,000"));
    await tap(customer, customerId, /^oc:/);
    const order = await deps.db.order.findFirstOrThrow({ where: { userId: (await deps.db.user.findUniqueOrThrow({ where: { telegramId: BigInt(customerId) } })).id }, orderBy: { id: "desc" } });
    await jobs(typed("forward-order: অর্ডারটি প্রোভাইডারের কাছে যায়", "forward-order: the order goes to the provider"), () => forwardOrder(deps, order.id));
    const forwarded = await deps.db.order.findUniqueOrThrow({ where: { id: order.id } });
    sim.advance(forwarded.providerOrderId!, { to: "Completed" });
    await jobs(typed("sync-orders: প্রোভাইডার জানায় Completed; গ্রাহককে জানানো হয়", "sync-orders: the provider reports Completed; the customer is told"), async () => {
      await syncOrder(deps, order.id);
      await deliverNotifications(deps, bot.api, { i18n, scope: { orderIds: [order.id] } });
    });
    await say(t("menu-orders"));

    await say(t("menu-support"));
    await tap(customer, customerId, /^tt:REFILL$/);
    await say(typed(`#${order.id}`.replace(/\d/g, (d) => "০১২৩৪৫৬৭৮৯"[Number(d)]!), `#${order.id}`));
    await say(typed("ফলোয়ার কমে গেছে, রিফিল চাই", "Followers dropped, please refill"));
    await say(t("menu-balance"));
    return `${lines.join("\n")}\n`;
  } finally {
    await sim.close();
    // The demo shop closes after the day: the next run's customer does not see it in the catalogue.
    if (categoryId !== undefined) await deps.db.category.update({ where: { id: categoryId }, data: { active: false } });
  }
}
