// The dashboard's Broadcasts page in Chromium: compose, pick a group audience, preview to the admin's
// Telegram chat (fake Bot API), start, and see the progress reach "left 0" after the sender ran.
import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGraphQL } from "../../schema/index.js";
import { createAdminLoginLink } from "../../src/auth/login-link.js";
import { broadcastApi, telegramBroadcasts } from "../../src/bot/broadcasts/telegram-transport.js";
import { loadI18n } from "../../src/bot/i18n.js";
import { sendBroadcasts } from "../../src/broadcasts/send-broadcasts.js";
import type { Deps } from "../../src/deps.js";
import { createHttpServer } from "../../src/http/server.js";
import { TEST_TOKEN, fakeTelegram, testChatId } from "../support/bot-factories.js";
import { browserRunnable, launchChromium } from "../support/browser.js";
import { testDeps } from "../support/deps.js";
import { buildGroupAccount, buildUser, unique } from "../support/factories.js";
import { useTestDb } from "../support/test-db.js";

const { prisma: db } = await useTestDb();
const telegram = fakeTelegram();
let browser: Browser;
let base = "";
let deps: Deps;
let close = async () => {};

beforeAll(async () => {
  if (!browserRunnable) return;
  const routes: Parameters<typeof createHttpServer>[0] = [];
  const server = createHttpServer(routes, testDeps(db).logger);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const plain = testDeps(db, { PUBLIC_URL: base, BOT_TOKEN: TEST_TOKEN });
  deps = { ...plain, broadcasts: telegramBroadcasts(broadcastApi(plain.config, { fetch: telegram.fetch }), await loadI18n()) };
  routes.push(...createGraphQL(deps).routes);
  close = () => new Promise<void>((r) => server.close(() => r()));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await close();
});

describe.skipIf(!browserRunnable)("Broadcasts page in chromium", () => {
  it("compose → group audience → preview to me → Start → progress to the end", { timeout: 300_000 }, async () => {
    const admin = await buildUser(db, { role: "ADMIN", username: unique("bc"), language: "en" });
    const member = await buildUser(db);
    const account = await buildGroupAccount(db, "0");
    const title = unique("Resellers ");
    const group = await db.group.create({ data: { chatId: BigInt(testChatId()), title, rate: "1", accountId: account.id } });
    await db.groupMember.create({ data: { groupId: group.id, userId: member.id, playerId: "123456" } });

    const context = await browser.newContext();
    await context.route((url) => url.host !== new URL(base).host, (route) => route.abort());
    const page = await context.newPage();
    await page.goto(await createAdminLoginLink(deps, admin.id));
    await page.click('#tabs button[data-tab="broadcasts"]');
    await page.fill("#broadcast-form [name=text]", "<b>Eid</b> offer");
    await page.fill("#broadcast-form [name=buttonText]", "Shop");
    await page.fill("#broadcast-form [name=buttonUrl]", "https://example.com/shop");
    await page.selectOption("#broadcast-form [name=audience]", "GROUP");
    await page.selectOption("#broadcast-form [name=groupId]", String(group.id));
    await expect.poll(() => page.locator("#broadcast-size").textContent(), { timeout: 30_000 }).toBe("Customers now: 1");
    await page.click("#broadcast-form button[type=submit]");

    await expect.poll(() => db.broadcast.count({ where: { createdById: admin.id } }), { timeout: 30_000 }).toBe(1);
    const draft = await db.broadcast.findFirstOrThrow({ where: { createdById: admin.id } });
    expect(draft).toMatchObject({ text: "<b>Eid</b> offer", buttonText: "Shop", audience: "GROUP", groupId: group.id });
    await expect.poll(() => telegram.callsTo("sendMessage", admin.telegramId!).length, { timeout: 30_000 }).toBe(1);
    const card = page.locator(`article[data-broadcast-id="${draft.id}"]`);
    await card.locator("button", { hasText: "Start" }).click();
    await expect.poll(async () => (await db.broadcast.findUniqueOrThrow({ where: { id: draft.id } })).status, { timeout: 30_000 }).toBe("RUNNING");
    await sendBroadcasts(deps, { only: [draft.id], maxMs: 60_000 });
    // The page follows a running broadcast by itself.
    await expect.poll(() => card.locator(".progress").textContent(), { timeout: 30_000 }).toBe("sent 1 · failed 0 · blocked 0 · left 0 · of 1");
    expect(telegram.callsTo("sendMessage", member.telegramId!), "the member got it once").toHaveLength(1);
    await context.close();
  });
});
