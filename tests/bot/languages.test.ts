import { testDeps } from "../support/deps.js";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Language } from "@prisma/client";
import { loadI18n, LOCALES, localeSource } from "../../src/bot/i18n.js";
import { deliverNotifications } from "../../src/bot/notifications/deliver-notifications.js";
import { REJECT_REASONS } from "../../src/bot/keyboards/topup-reject.js";
import { CUSTOMER_COMMANDS } from "../../src/bot/runtime/commands.js";
import { enqueue } from "../../src/outbox/enqueue.js";
import { placeOrder } from "../../src/orders/place-order.js";
import { approveTopUp, rejectTopUp } from "../../src/topups/decide-topup.js";
import { buildService, buildUser } from "../support/factories.js";
import { buildTestBot, buttonData, callbackUpdate, testChatId, textUpdate, tgUser, type FakeTelegram } from "../support/bot-factories.js";
import { toBengaliDigits as bn } from "../../src/shared/numbers.js";
import { useTestDb } from "../support/test-db.js";

const { prisma: db } = await useTestDb(10);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith(".ts") ? [p] : [];
  });
}

/** Every text the bot showed: messages, edits, callback answers and button labels. */
function shown(telegram: FakeTelegram): string[] {
  const out: string[] = [];
  for (const c of telegram.calls) {
    if (typeof c.payload.text === "string") out.push(c.payload.text);
    const markup = c.payload.reply_markup as { inline_keyboard?: { text: string }[][]; keyboard?: { text: string }[][] } | undefined;
    for (const row of [...(markup?.inline_keyboard ?? []), ...(markup?.keyboard ?? [])]) for (const b of row) out.push(b.text);
    if (Array.isArray(c.payload.commands)) for (const cmd of c.payload.commands as { description: string }[]) out.push(cmd.description);
  }
  return out;
}

describe("both languages", () => {
  it("have the same messages, and every message formats with its variables", async () => {
    const i18n = await loadI18n();
    expect(i18n.keys("en").sort()).toEqual(i18n.keys("bn").sort());
    for (const locale of LOCALES) {
      const source = localeSource(locale);
      for (const key of i18n.keys(locale)) {
        const block = source.slice(source.search(new RegExp(`^${key}\\s*=`, "m"))).split(/\n(?=[a-zA-Z#])/)[0]!;
        const args = Object.fromEntries([...block.matchAll(/\{\s*\$([a-zA-Z]+)/g)].map((m) => [m[1]!, "x"]));
        const text = i18n.t(locale, key, args);
        expect(text, `${locale}:${key}`).not.toMatch(/\{[a-z$]/);
      }
    }
    expect([...i18n.missing]).toEqual([]);
  });

  it("have every key the code asks for, including the families built from enums", async () => {
    const i18n = await loadI18n();
    const code = sourceFiles(join(import.meta.dirname, "../../src/bot")).map((f) => readFileSync(f, "utf8")).join("\n");
    const literal = new Set([...code.matchAll(/\bt\("([a-z][a-zA-Z0-9-]*)"/g)].map((m) => m[1]!));
    const families = [
      ...["PENDING", "IN_PROGRESS", "COMPLETED", "PARTIAL", "CANCELED"].map((s) => `status-${s}`),
      ...["BKASH", "NAGAD", "ROCKET"].map((m) => `method-${m}`),
      ...["REFILL", "CANCEL", "SPEED_UP", "RESTART", "FAKE_COMPLETION", "PAYMENT", "OTHER"].map((t) => `ticket-type-${t}`),
      ...["TOPUP", "ORDER_CHARGE", "REFUND", "ADJUSTMENT", "GROUP_SETTLEMENT"].map((k) => `ledger-kind-${k}`),
      ...CUSTOMER_COMMANDS.map((c) => `cmd-${c}`),
      "cmd-dashboard",
      "cmd-broadcast",
      ...["DRAFT", "RUNNING", "PAUSED", "CANCELED", "DONE"].map((s) => `broadcast-status-${s}`),
      ...["ALL_CUSTOMERS", "LANGUAGE", "ORDERED_RECENTLY", "RESELLERS", "GROUP"].map((a) => `broadcast-aud-${a}`),
      ...["refill-no", "unknown-input", "admin-topup-approved", "admin-topup-rejected"],
      ...["admin-order-manual", "admin-order-failed", "admin-order-unknown", "admin-order-stuck", "admin-provider-low", "admin-provider-recovered"],
      ...["PENDING", "SUBMITTING", "FAILED", "UNKNOWN", "IN_PROGRESS", "COMPLETED", "PARTIAL", "CANCELED"].map((s) => `admin-status-${s}`),
      ...["OPEN", "ANSWERED", "CLOSED"].map((s) => `ticket-status-${s}`),
      ...REJECT_REASONS.map((r) => `topup-reject-reason-${r}`),
      ...["provider_balance", "bad_link", "service_inactive", "duplicate_link", "bad_service", "bad_quantity", "invalid_key", "other"].map((r) => `admin-reason-${r}`),
    ];
    for (const key of [...literal, ...families]) for (const locale of LOCALES) expect(i18n.has(locale, key), `${locale}:${key}`).toBe(true);
  });

  for (const locale of LOCALES) {
    it(`${locale}: every screen renders with no missing text`, async () => {
      const i18n = await loadI18n();
      const adminChat = testChatId();
      const groupChat = { id: testChatId(), type: "supergroup" as const, title: "Resellers" };
      const admin = await buildUser(db, { role: "ADMIN", language: locale as Language });
      const env = { ADMIN_IDS: String(admin.telegramId), ADMIN_CHAT_ID: String(adminChat), ADMIN_LANGUAGE: locale };
      const { bot, deps, telegram, errors } = await buildTestBot(db, env, { i18n });
      const customer = await buildUser(db, { balance: "300", language: locale as Language });
      const from = tgUser(customer);
      const send = (text: string) => bot.handleUpdate(textUpdate(from, text));
      const press = (data: string) => bot.handleUpdate(callbackUpdate(from, data));
      const t = i18n.translator(locale);
      const service = await buildService(db, { price: "100", min: 100, max: 5000, platform: "instagram", refill: true, descriptionBn: "বিবরণ", descriptionEn: "About" });
      const diamonds = await buildService(db, { mode: "MANUAL", linkKind: "UID", priceUnit: "PER_UNIT", price: "1", min: 1, max: 1000 });

      // Menu, catalogue, order conversation with its errors, summary, confirm (twice), cancel, stale.
      await send("/start");
      await send(t("menu-services"));
      await press(`cat:${service.categoryId}:0`);
      await press("cats");
      await press(`cat:${service.categoryId}:0`);
      await press(`svc:${service.id}`);
      await press(`ord:${service.id}`);
      await send("not a link");
      await send("https://example.com/a");
      await send("https://instagram.com/a");
      await send("ten");
      await send("1");
      await send("1000");
      const confirm = buttonData(telegram, from.id, /^oc:/);
      await press(confirm);
      await press(confirm);
      await press(`ord:${service.id}`);
      await send("https://instagram.com/b");
      await send("5000");
      await press(buttonData(telegram, from.id, /^oc:/)); // not enough balance
      await press(`ord:${service.id}`);
      await send("https://instagram.com/c");
      await send("100");
      await press(buttonData(telegram, from.id, /^ox:/));
      await press("oc:AAAAAAAAAAAA:1.0000");
      await press(`ord:${diamonds.id}`);
      await send("12");
      await send("1234567");
      await send("3");
      await press(buttonData(telegram, from.id, /^oc:/));

      // Mass order, my orders, balance.
      await send(t("menu-mass"));
      await send(`${service.id} | nope | 10\nbad line`);
      await send(`${service.id} | https://instagram.com/d | 100`);
      await send(t("menu-orders"));
      await send(t("menu-balance"));

      // Top-up, with its errors.
      await send(t("menu-topup"));
      await send("hello");
      await press("tm:BKASH");
      await send("1");
      await send("500");
      await send("123");
      await send("01712345678");
      await send("!");
      await send(`TRX${Date.now()}${locale}`.toUpperCase());

      // Tickets: automatic cancel, progress, and one for an admin.
      const { order: pending } = await placeOrder(testDeps(db), { userId: customer.id, serviceId: service.id, link: "https://instagram.com/e", quantity: 100 });
      await send(t("menu-support"));
      await press("tt:CANCEL");
      await send("none");
      await send(`${pending.id}`);
      await send("cancel please");
      const { order: running } = await placeOrder(testDeps(db), { userId: customer.id, serviceId: service.id, link: "https://instagram.com/f", quantity: 100 });
      await db.order.update({ where: { id: running.id }, data: { status: "IN_PROGRESS", startCount: 5, remains: 50 } });
      await send("/support");
      await press("tt:SPEED_UP");
      await send(`${running.id}`);
      await send("faster");
      await send("/support");
      await press("tt:REFILL");
      await send(`${running.id}, 999999999`);
      await send("refill");
      await send("/support");
      await press("tt:PAYMENT");
      await send("where is my money");
      const ticket = await db.ticket.findFirstOrThrow({ where: { userId: customer.id, type: "PAYMENT" } });
      const copy = await db.ticketMessage.findFirstOrThrow({ where: { ticketId: ticket.id, author: "CUSTOMER" } });
      await bot.handleUpdate(textUpdate(tgUser(admin), "answer", { id: adminChat, type: "supergroup" }, {
        reply_to_message: { message_id: copy.telegramMessageId!, date: 0, chat: { id: adminChat, type: "supergroup", title: "A" }, from: { id: 123456, is_bot: true, first_name: "b" }, text: "x" },
      } as never));
      await press(`tkr:${ticket.id}`);
      await send("more");
      await press(`tkc:${ticket.id}`);

      // Language, API key, odds and ends.
      await send(t("menu-language"));
      await press(`lang:${locale}`);
      await send(t("menu-apikey"));
      await press("ak:new");
      await send("/apikey");
      await press("ak:revoke");
      await send("what?");
      await send("/cancel");
      await press("zzz");
      await send("/topup");
      const updated = await buildTestBot(db, env, { i18n, conversationVersion: `v-${locale}` }, telegram);
      await updated.bot.handleUpdate(textUpdate(from, "hello"));

      // Notifications: top-ups decided, orders finished, admin alerts.
      const actor = { userId: admin.id, label: "telegram:admin", isAdmin: true };
      const topUps = await db.topUp.findMany({ where: { userId: customer.id } });
      await approveTopUp(testDeps(db), topUps[0]!.id, actor);
      const other = await db.topUp.create({ data: { userId: customer.id, accountId: customer.account.id, method: "NAGAD", amount: "60", trxId: `R${Date.now()}${locale}`.toUpperCase() } });
      await rejectTopUp(testDeps(db), other.id, actor, "wrong amount");
      const finished = await db.order.findMany({ where: { userId: customer.id, status: "PENDING", isManual: false }, take: 2 });
      await db.order.update({ where: { id: finished[0]!.id }, data: { status: "COMPLETED" } });
      await db.order.update({ where: { id: finished[1]!.id }, data: { status: "PARTIAL", refunded: "1" } });
      const ids = [...finished.map((o) => o.id), pending.id];
      await db.$transaction(async (tx) => {
        for (const id of ids) await enqueue(tx, "notify-delivery", { orderId: id }, new Date());
        await enqueue(tx, "notify-admin-order", { orderId: running.id, event: "stuck", reason: "no progress" }, new Date());
        await enqueue(tx, "notify-admin-order", { orderId: running.id, event: "failed" }, new Date());
        await enqueue(tx, "notify-admin-order", { orderId: running.id, event: "unknown" }, new Date());
        await enqueue(tx, "notify-admin-topup", { topUpId: other.id }, new Date());
      });
      await deliverNotifications(deps, bot.api, { i18n, scope: { orderIds: [...ids, running.id], topUpIds: topUps.map((x) => x.id).concat(other.id) } });

      // Groups and the admin's tools, in the admin's language.
      await bot.handleUpdate(textUpdate(tgUser(admin), "/registergroup", groupChat));
      await bot.handleUpdate(textUpdate(tgUser(admin), `/registergroup 1 5 ${diamonds.id}`, groupChat));
      await bot.handleUpdate(textUpdate(tgUser(customer), ".3", groupChat));
      await bot.handleUpdate(textUpdate(tgUser(customer), ".3 1234567", groupChat));
      await bot.handleUpdate(textUpdate(tgUser(customer), ".30", groupChat));
      const manual = await db.order.findFirstOrThrow({ where: { groupChatId: BigInt(groupChat.id) } });
      await bot.handleUpdate(callbackUpdate(tgUser(admin), `adm:o:take:${manual.id}`, adminChat));
      await bot.handleUpdate(callbackUpdate(tgUser(admin), `adm:o:done:${manual.id}`, adminChat));
      await bot.handleUpdate(callbackUpdate(tgUser(admin), `adm:o:placed:${running.id}`, adminChat));
      await bot.handleUpdate(textUpdate(tgUser(admin), "/dashboard"));

      const texts = shown(telegram);
      expect(errors).toEqual([]);
      expect([...i18n.missing]).toEqual([]);
      const leftovers = texts.filter((x) => /\{[a-z$][\w-]*\}?/.test(x.replace(/<code>[^<]*<\/code>/g, "")));
      expect(leftovers).toEqual([]);
      // The screens really were in the user's language.
      const needle = locale === "bn" ? "অর্ডার" : "Order";
      expect(telegram.texts(from.id).filter((x) => x.includes(needle)).length).toBeGreaterThan(5);
      expect(texts).toContainEqual(expect.stringContaining(t("ticket-auto-label")));
      expect(texts).toContainEqual(expect.stringContaining(t("conversation-expired")));
    });
  }
});
