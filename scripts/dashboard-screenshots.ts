// `npm run screenshots`: starts the app like `npm start` on a fresh embedded database (so the demo
// seed with its 30-day history is there), logs in with the startup login link, and writes a PNG of
// every dashboard page at 1280 px and at 360 px to docs/dashboard/. Needs Debian's chromium.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { launchChromium } from "../tests/support/browser.js";

const OUT = new URL("../docs/dashboard/", import.meta.url);
const PAGES = ["orders", "health", "users", "catalogue", "providers", "reports", "topups", "tickets", "payments"];
const WIDTHS = [1280, 360];
const MAX_HEIGHT = 2600;

function startApp(dataDir: string): { child: ChildProcess; url: Promise<string> } {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const url = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the app did not start within 180 s:\n${log}`)), 180_000);
    const onData = (d: Buffer) => {
      log += d;
      const m = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.on("exit", (code) => reject(new Error(`the app exited with ${code}:\n${log}`)));
  });
  return { child, url };
}

/** The startup login link, written just after the server listens (bounded wait). */
async function loginLink(file: string): Promise<string> {
  for (let i = 0; i < 600; i++) {
    if (existsSync(file)) return readFileSync(file, "utf8").trim();
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no ${file} after 60 s`);
}

/** What shows that a page's data arrived (the demo data fills every one of these). */
const READY: Record<string, string> = {
  orders: "#order-rows tr", health: "#stuck-rows tr", users: "#user-rows tr", catalogue: "#service-rows tr", providers: "#provider-rows tr",
  topups: "#topup-rows tr", tickets: "#ticket-list .ticket", payments: "#device-rows tr, #sms-rows tr", user: "#details .ledger",
};

/** The page after its data arrived: its rows there, no request in flight, the charts drawn. */
async function settle(page: Page, id: string): Promise<void> {
  if (READY[id]) await page.locator(READY[id]).first().waitFor({ timeout: 15_000 }).catch(() => console.warn(`${id}: no ${READY[id]} (no demo data for it?)`));
  await page.waitForLoadState("networkidle");
  if (id === "reports") {
    await page.locator("#chart-orders-per-day canvas").waitFor({ timeout: 15_000 }).catch(async (error: Error) => {
      throw new Error(`${error.message}; the page said: ${await page.locator("#toast").textContent()}`);
    });
  }
  await page.waitForTimeout(300);
  // A red toast is an error the page met: a picture of it would hide a bug.
  if (await page.locator("#toast.bad").count()) throw new Error(`${id}: the page said "${await page.locator("#toast").textContent()}"`);
}

async function shoot(page: Page, name: string): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const width = page.viewportSize()!.width;
  await page.screenshot({ path: new URL(`${name}.png`, OUT).pathname, clip: { x: 0, y: 0, width, height: Math.min(height, MAX_HEIGHT) }, fullPage: true });
  console.log(`docs/dashboard/${name}.png`);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), "panelbot-shots-"));
  const app = startApp(dataDir);
  const browser = await launchChromium();
  try {
    const base = await app.url;
    const link = await loginLink(join(dataDir, "admin-login-link.txt"));
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.route((url) => url.host !== new URL(base).host, (route) => route.abort());
    // The demo admin reads Bengali; the pictures are in English, plus one page in Bengali.
    await context.addInitScript(() => localStorage.setItem("panelbot.dashboard.language", "en"));
    const page = await context.newPage();
    await page.goto(link);
    await page.locator("#who").filter({ hasText: /\S/ }).waitFor();
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: width > 400 ? 900 : 780 });
      for (const id of PAGES) {
        await page.goto(`${base}/admin/#${id}`);
        await settle(page, id);
        await shoot(page, `${id}-${width}`);
      }
      // A customer's page: balance, ledger, orders, tickets.
      await page.goto(`${base}/admin/#users`);
      await settle(page, "users");
      const customers = page.locator("#user-rows tr").filter({ hasText: "Customer" });
      await ((await customers.count()) ? customers : page.locator("#user-rows tr")).first().getByRole("button", { name: "Open" }).click();
      await page.locator("#details h2").waitFor();
      await settle(page, "user");
      await page.screenshot({ path: new URL(`user-detail-${width}.png`, OUT).pathname });
      console.log(`docs/dashboard/user-detail-${width}.png`);
      // The import preview.
      await page.goto(`${base}/admin/#catalogue`);
      await settle(page, "catalogue");
      // The slow "budget" provider sells only some of the simulator's services: its preview has new ones.
      const providers = page.locator("#import-form [name=providerId] option");
      await page.selectOption("#import-form [name=providerId]", (await providers.last().getAttribute("value"))!);
      await page.locator("#import-form button[type=submit]").click();
      await page.locator("#import-preview .summary").waitFor();
      await page.locator("#import-preview").scrollIntoViewIfNeeded();
      await page.screenshot({ path: new URL(`import-preview-${width}.png`, OUT).pathname });
      console.log(`docs/dashboard/import-preview-${width}.png`);
    }
    // The same session in Bengali (the demo admin's own language): a context without the English switch.
    const bengali = await browser.newContext({ viewport: { width: 360, height: 780 } });
    await bengali.addCookies(await context.cookies());
    await context.close();
    const bnPage = await bengali.newPage();
    for (const id of ["reports", "users"]) {
      await bnPage.goto(`${base}/admin/#${id}`);
      await settle(bnPage, id);
      await shoot(bnPage, `${id}-360-bn`);
    }
    await bengali.close();
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => {
      if (app.child.exitCode !== null) return resolve();
      app.child.once("exit", () => resolve());
      app.child.kill("SIGTERM");
    });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
