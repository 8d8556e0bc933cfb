import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { PROCESSED_UPDATE_RETENTION_HOURS, pruneProcessedUpdates } from "../../src/bot/middleware/dedupe-updates.js";
import { startBot } from "../../src/bot/runtime/start-bot.js";
import { webhookRoute } from "../../src/bot/runtime/webhook-route.js";
import { createHttpServer } from "../../src/http/server.js";
import { countBy } from "../support/count-by.js";
import { buildUser } from "../support/factories.js";
import { buildTestBot, startFakeBotApiServer, textUpdate, tgUser } from "../support/bot-factories.js";
import { useTestDb } from "../support/test-db.js";

const { prisma: db } = await useTestDb(10);

const SECRET = "webhook-secret-0123456789";
const WEBHOOK_ENV = { WEBHOOK_URL: "https://shop.example.com/telegram/hook", WEBHOOK_SECRET: SECRET };

describe("webhook", () => {
  it("1000 requests with a wrong or missing secret are refused with 401 and none is handled; the right one is", async () => {
    const { bot, deps, telegram } = await buildTestBot(db, WEBHOOK_ENV);
    let handled = 0;
    const handle = bot.handleUpdate.bind(bot);
    bot.handleUpdate = async (...args) => {
      handled += 1;
      return handle(...args);
    };
    const server = createHttpServer([webhookRoute(deps, bot)], deps.logger);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/telegram/hook`;
    try {
      const customer = await buildUser(db);
      const updates = Array.from({ length: 1000 }, () => textUpdate(tgUser(customer), "/start"));
      const statuses: number[] = [];
      for (let i = 0; i < updates.length; i += 50) {
        const batch = updates.slice(i, i + 50).map(async (u, j) => {
          const headers: Record<string, string> = { "content-type": "application/json" };
          if ((i + j) % 3 !== 0) headers["x-telegram-bot-api-secret-token"] = (i + j) % 3 === 1 ? "wrong-secret-0123456789" : `${SECRET}x`;
          const res = await fetch(url, { method: "POST", headers, body: JSON.stringify(u) });
          return res.status;
        });
        statuses.push(...(await Promise.all(batch)));
      }
      expect(countBy(statuses, String)).toEqual({ 401: 1000 });
      expect(handled).toBe(0);
      expect(await db.processedUpdate.count({ where: { updateId: { in: updates.map((u) => BigInt(u.update_id)) } } })).toBe(0);
      expect(telegram.callsTo("sendMessage", customer.telegramId!)).toHaveLength(0);

      const good = textUpdate(tgUser(customer), "/start");
      const ok = await fetch(url, { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET }, body: JSON.stringify(good) });
      expect(ok.status).toBe(200);
      expect(handled).toBe(1);
      expect(telegram.callsTo("sendMessage", customer.telegramId!)).toHaveLength(1);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});

describe("dedupe and flood limit", () => {
  it("update ids are kept at least 24 hours, then forgotten", async () => {
    const { bot } = await buildTestBot(db);
    const customer = await buildUser(db);
    const update = textUpdate(tgUser(customer), "/start");
    await bot.handleUpdate(update);
    const id = BigInt(update.update_id);
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000);
    // This row is aged instead of the clock moved on: a prune at a later "now" would also forget
    // the ids of the test files running beside this one on the same database.
    await db.processedUpdate.update({ where: { updateId: id }, data: { createdAt: hoursAgo(PROCESSED_UPDATE_RETENTION_HOURS - 1) } });
    await pruneProcessedUpdates(db);
    expect(await db.processedUpdate.count({ where: { updateId: id } })).toBe(1);
    await db.processedUpdate.update({ where: { updateId: id }, data: { createdAt: hoursAgo(PROCESSED_UPDATE_RETENTION_HOURS + 1) } });
    await pruneProcessedUpdates(db);
    expect(await db.processedUpdate.count({ where: { updateId: id } })).toBe(0);
  });

  it("a user sending faster than the limit has the surplus dropped; other users are unaffected", async () => {
    const { bot, telegram } = await buildTestBot(db, {}, { floodLimit: { timeFrame: 60_000, limit: 3 } });
    const flooder = await buildUser(db);
    const other = await buildUser(db);
    for (let i = 0; i < 6; i++) await bot.handleUpdate(textUpdate(tgUser(flooder), "/start"));
    await bot.handleUpdate(textUpdate(tgUser(other), "/start"));
    expect(telegram.callsTo("sendMessage", flooder.telegramId!)).toHaveLength(3);
    expect(telegram.callsTo("sendMessage", other.telegramId!)).toHaveLength(1);
  });
});

describe("start", () => {
  it("webhook mode sets the webhook with the secret and keeps pending updates; a failing setMyCommands does not stop it", async () => {
    const { bot, deps, telegram } = await buildTestBot(db, WEBHOOK_ENV);
    telegram.failNext("setMyCommands", 400, "Bad Request: something cosmetic");
    const handle = await startBot(deps, bot);
    expect(handle.mode).toBe("webhook");
    const [setWebhook] = telegram.callsTo("setWebhook");
    expect(setWebhook!.payload).toMatchObject({ url: WEBHOOK_ENV.WEBHOOK_URL, secret_token: SECRET, drop_pending_updates: false });
    expect(telegram.callsTo("setMyCommands").map((c) => c.payload.language_code ?? "default")).toEqual(["default", "en"]);
    await handle.stop();
  });

  it("polling mode removes a webhook without dropping pending updates, polls, and stops", async () => {
    const { bot, deps, telegram } = await buildTestBot(db);
    const handle = await startBot(deps, bot);
    expect(handle.mode).toBe("polling");
    expect(telegram.callsTo("deleteWebhook")[0]!.payload).toMatchObject({ drop_pending_updates: false });
    await expect.poll(() => telegram.callsTo("getUpdates").length, { timeout: 30_000 }).toBeGreaterThan(0);
    await handle.stop();
  });

  it("TELEGRAM_API_ROOT: the bot talks to any Bot-API-compatible server over HTTP", async () => {
    const api = await startFakeBotApiServer();
    try {
      const { bot, deps } = await buildTestBot(db, { TELEGRAM_API_ROOT: api.apiRoot }, { fetch: undefined });
      const customer = await buildUser(db);
      await bot.handleUpdate(textUpdate(tgUser(customer), "/start"));
      expect(api.telegram.callsTo("sendMessage", customer.telegramId!)).toHaveLength(1);
      const handle = await startBot(deps, bot);
      await expect.poll(() => api.telegram.callsTo("getUpdates").length, { timeout: 30_000 }).toBeGreaterThan(0);
      await handle.stop();
    } finally {
      await api.close();
    }
  });

  it("a 429 from Telegram is retried after retry_after", async () => {
    const { bot, telegram } = await buildTestBot(db);
    telegram.failNext("sendMessage", 429, "Too Many Requests: retry after 1", 1);
    const started = Date.now();
    await bot.api.sendMessage(42, "hello");
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(telegram.callsTo("sendMessage", 42)).toHaveLength(2);
  });
});
