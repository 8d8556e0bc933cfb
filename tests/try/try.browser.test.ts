// The /try page in a real browser (Debian chromium driven by playwright-core) against a real app
// started like `npm start` on a temporary embedded DATA_DIR: a simulated customer talks to the real
// bot (start, language, an API key edited in place as Telegram HTML, browse, order, top-up approved
// in the dashboard in another tab, balance, order status moved on by the built-in provider simulator,
// a ticket with its automatic answer) and the simulated reseller group places a `.N` quick order.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { browserRunnable, launchChromium } from "../support/browser.js";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { DEFAULT_FLOOD_LIMIT } from "../../src/bot/middleware/flood-limit.js";


const dataDir = mkdtempSync(join(tmpdir(), "panelbot-try-"));
let app: ChildProcess | undefined;
let log = "";
let base = "";
let browser: Browser;

/** Starts `src/main.ts` as `npm start` would, with the simulator's clock and the status sync short. */
async function startApp(): Promise<string> {
  app = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATA_DIR: dataDir,
      PORT: "0",
      HOST: "127.0.0.1",
      SIMULATOR_ADVANCE_SECONDS: "3",
      SIMULATOR_SYNC_SECONDS: "2",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  app.stdout!.on("data", (d) => (log += d));
  app.stderr!.on("data", (d) => (log += d));
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 120 s:\n${log}`)), 120_000);
    app!.stdout!.on("data", () => {
      const m = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    app!.on("exit", (code) => reject(new Error(`exited with ${code}:\n${log}`)));
  });
}

beforeAll(async () => {
  if (!browserRunnable) return;
  base = await startApp();
  browser = await launchChromium();
}, 150_000);

afterAll(async () => {
  await browser?.close();
  if (app && app.exitCode === null) {
    await new Promise<void>((resolve) => {
      app!.once("exit", () => resolve());
      app!.kill("SIGTERM");
    });
  }
  rmSync(dataDir, { recursive: true, force: true });
}, 30_000);

/** Texts of the bot's messages in the open chat. */
const botTexts = (page: Page) => page.locator("#messages .msg.bot .text").allTextContents();

async function waitForBot(page: Page, match: RegExp, timeout = 60_000): Promise<string> {
  let found = "";
  await expect
    .poll(async () => {
      found = (await botTexts(page)).find((t) => match.test(t)) ?? "";
      return found;
    }, { timeout, message: `a bot message matching ${match}` })
    .not.toBe("");
  return found;
}

/**
 * The bot drops a customer's updates beyond DEFAULT_FLOOD_LIMIT (8 per 3 s), as it would in Telegram;
 * a test types faster than a person, so it keeps under that rate (the only wait that is not polling).
 */
const sentAt: number[] = [];
async function underFloodLimit(): Promise<void> {
  const { timeFrame, limit } = DEFAULT_FLOOD_LIMIT;
  const recent = sentAt.filter((t) => t > Date.now() - timeFrame);
  if (recent.length >= limit - 1) await new Promise((r) => setTimeout(r, recent[recent.length - limit + 1]! + timeFrame - Date.now() + 50));
  sentAt.push(Date.now());
}

/**
 * Does something that sends an input (text, menu key, inline button) and waits until the bot has
 * handled it (the request answers after the update) and the page shows everything up to then.
 */
async function act(page: Page, action: () => Promise<void>): Promise<void> {
  await underFloodLimit();
  const [response] = await Promise.all([
    page.waitForResponse((r) => /^\/try\/api\/(send|press)$/.test(new URL(r.url()).pathname), { timeout: 30_000 }),
    action(),
  ]);
  expect(response.status()).toBe(200);
  const { rev } = (await response.json()) as { rev: number };
  await expect.poll(() => page.evaluate(() => Number(document.body.dataset.rev ?? 0)), { timeout: 60_000 }).toBeGreaterThanOrEqual(rev);
}

async function say(page: Page, text: string): Promise<void> {
  await page.fill("#text", text);
  await act(page, () => page.press("#text", "Enter"));
  await expect.poll(() => page.locator("#messages .msg.user .text").last().textContent()).toBe(text);
}

/** Presses an inline button (on the newest message that has one matching). */
async function press(page: Page, text: string | RegExp): Promise<void> {
  const button = page.locator("#messages .msg.bot .inline-kb button", { hasText: text }).last();
  await button.waitFor({ state: "visible", timeout: 60_000 });
  await act(page, () => button.click());
}

async function menu(page: Page, text: string): Promise<void> {
  const button = page.locator("#reply-kb button", { hasText: text });
  await button.waitFor({ state: "visible", timeout: 60_000 });
  await act(page, () => button.click());
}

describe.skipIf(!browserRunnable)("the /try chat page in chromium against npm start", () => {
  it("shows how to sign in without a session", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(`${base}/try`);
    expect(response?.status()).toBe(401);
    await expect.poll(() => page.locator("#login").textContent()).toMatch(/admin-login-link\.txt/);
    expect(await page.locator("#chats").count()).toBe(0);
    const api = await page.request.post(`${base}/try/api/send`, { data: { chatId: 1, fromId: 1, text: "/start" } });
    expect(api.status()).toBe(401);
    await context.close();
  });

  it("a customer starts, orders, tops up (approved in the dashboard), sees balance and status move, opens a ticket; the group orders with .10", { timeout: 300_000 }, async () => {
    onTestFailed(() => console.error(`app log (tail):\n${log.slice(-6000)}`));
    await expect.poll(() => existsSync(join(dataDir, "admin-login-link.txt")), { timeout: 30_000 }).toBe(true);
    // The link names the configured PORT (0 here: any free port), so it is opened on the real one.
    const written = new URL(readFileSync(join(dataDir, "admin-login-link.txt"), "utf8").trim());
    const link = `${base}${written.pathname}${written.search}`;
    const context = await browser.newContext({ viewport: { width: 1280, height: 820 } });
    // Only our server: nothing else is reachable from CI.
    await context.route((url) => url.host !== new URL(base).host, (route) => route.abort());
    const page = await context.newPage();
    page.on("dialog", (dialog) => void dialog.accept());
    if (process.env.DEBUG_BROWSER) page.on("console", (m) => console.log("PAGE", m.text()));

    await page.goto(link);
    expect(new URL(page.url()).pathname).toBe("/admin/");
    await page.goto(`${base}/try`);
    await expect.poll(() => page.locator("#chats .chat-item").count()).toBe(4);
    await page.locator("#chats .chat-item", { hasText: "Rahim" }).click();
    await expect.poll(() => page.locator("#chat-title").textContent()).toBe("Rahim");

    // /start: the welcome, and the main menu as a reply keyboard (Bengali by default).
    await say(page, "/start");
    await waitForBot(page, /Rahim/);
    await expect.poll(() => page.locator("#reply-kb button").count()).toBe(8);

    // Language → English: an inline keyboard, answered by editing the message in place.
    await menu(page, "🌐");
    await press(page, "English");
    await waitForBot(page, /Language set to English/);
    await expect.poll(() => page.locator("#reply-kb button", { hasText: "Add funds" }).count()).toBe(1);

    // An API key: the message is edited in place into Telegram HTML (the key in <code>).
    await menu(page, "API key");
    const keyMessage = page.locator("#messages .msg.bot").last();
    const keyMessageId = await keyMessage.getAttribute("data-message-id");
    await press(page, "Create a key");
    const edited = page.locator(`#messages .msg.bot[data-message-id="${keyMessageId}"]`);
    await expect.poll(() => edited.locator(".text code").textContent()).toMatch(/\S{16,}/);
    await expect.poll(() => edited.locator(".time").textContent()).toMatch(/edited/);
    expect(await edited.locator(".inline-kb").count()).toBe(0);

    // Top-up: method, amount, the sender's number, TrxID; the request waits for an admin.
    await menu(page, "Add funds");
    await press(page, "bKash");
    await waitForBot(page, /How much did you send/);
    await say(page, "500");
    await waitForBot(page, /From which mobile number/);
    await say(page, "01712345678");
    await waitForBot(page, /transaction ID/);
    const trxId = `TRY${Date.now().toString(36)}`.toUpperCase();
    await say(page, trxId);
    const waiting = await waitForBot(page, /Request #\d+ received/);
    const topUpId = /#(\d+)/.exec(waiting)![1]!;

    // Approve it in the dashboard, in another tab.
    const dashboard = await context.newPage();
    // The demo admin reads Bengali (the default language); this walk reads the English labels.
    await dashboard.addInitScript(() => localStorage.setItem("panelbot.dashboard.language", "en"));
    await dashboard.goto(`${base}/admin/`);
    await dashboard.getByRole("button", { name: "Top-ups" }).click();
    const row = dashboard.locator(`tr[data-topup-id="${topUpId}"]`);
    await row.getByRole("button", { name: "Approve" }).click();
    await expect.poll(() => dashboard.locator("#toast").textContent(), { timeout: 60_000 }).toBe(`Top-up #${topUpId} approved`);

    // The customer is told (the notifier delivers to the page) and the balance shows it.
    await page.bringToFront();
    await waitForBot(page, new RegExp(`Top-up #${topUpId} approved`), 30_000);
    await menu(page, "Balance");
    await waitForBot(page, /Your balance: .*500/);

    // Browse and order: category → service → Order → link → quantity → Confirm.
    await menu(page, "Services");
    const catalogueId = await page.locator("#messages .msg.bot").last().getAttribute("data-message-id");
    await press(page, "Instagram");
    // Navigation edits the same message (editMessageText), as in Telegram.
    await expect.poll(() => page.locator(`#messages .msg.bot[data-message-id="${catalogueId}"] .text`).textContent()).toMatch(/Instagram: choose a service/);
    await press(page, "Instagram likes");
    await press(page, "Order");
    await waitForBot(page, /Send the link/);
    await say(page, "https://instagram.com/p/panelbot-try");
    await waitForBot(page, /How many/);
    await say(page, "100");
    await press(page, "Confirm");
    const placed = await waitForBot(page, /Order #\d+ placed/);
    const orderId = /#(\d+)/.exec(placed)![1]!;
    await menu(page, "Balance");
    await waitForBot(page, /Your balance: .*494/);

    // The built-in provider simulator moves it on; the status sync and the notifier bring the news.
    await waitForBot(page, new RegExp(`Order #${orderId} completed`), 90_000);
    await menu(page, "My orders");
    await waitForBot(page, new RegExp(`#${orderId}[\\s\\S]*Completed`));

    // A ticket: cancel the completed order → the automatic answer explains why not.
    await menu(page, "Support");
    await press(page, "Cancel");
    await waitForBot(page, /order number/);
    await say(page, orderId);
    await waitForBot(page, /Describe the problem/);
    await say(page, "Please cancel it");
    await waitForBot(page, new RegExp(`Automatic answer[\\s\\S]*Order #${orderId}[\\s\\S]*cannot be cancelled`));
    if (process.env.TRY_SCREENSHOT) await page.screenshot({ path: process.env.TRY_SCREENSHOT });

    // The simulated reseller group: `.10` is a quick order, answered in reply.
    await page.locator("#chats .chat-item", { hasText: "resellers" }).click();
    await say(page, ".10 123456789");
    await expect.poll(() => page.locator("#messages .msg.bot .quote").count(), { timeout: 60_000 }).toBeGreaterThan(0);
    await waitForBot(page, /#\d+/);

    expect(log).not.toMatch(/"level":50/);
    await context.close();
  });
});
