// Running the shop from the dashboard, in Chromium, as an admin: find a user, adjust the balance,
// make them a reseller; edit a price; preview and apply an import; test a provider's key; open the
// reports (charts and their CSV); the same pages at 360 px without sideways scrolling; Bengali.
import { readFileSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdminLoginLink } from "../../src/auth/login-link.js";
import { localDate } from "../../src/shared/shop-time.js";
import { startProviderSimulator, type ProviderSimulator } from "../../src/providers/simulator/index.js";
import { testDeps } from "../support/deps.js";
import { buildService, buildUser } from "../support/factories.js";
import { buildSimulatedProvider } from "../support/graphql-factories.js";
import { browserRunnable, launchChromium, startAdminApp, type AdminApp } from "../support/browser.js";
import { useTestDb } from "../support/test-db.js";

const { prisma: db } = await useTestDb();
let app: AdminApp;
let sim: ProviderSimulator;
let browser: Browser;
let deps: ReturnType<typeof testDeps>;

beforeAll(async () => {
  if (!browserRunnable) return;
  app = await startAdminApp(db);
  deps = app.deps;
  sim = await startProviderSimulator({ balance: "1000" });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await sim?.close();
  await app?.close();
});

async function adminPage(options: { width?: number; language?: "en" | "bn" } = {}): Promise<{ context: BrowserContext; page: Page; adminId: number }> {
  const admin = await buildUser(db, { role: "ADMIN", username: `shop_admin_${process.pid}_${Math.random().toString(36).slice(2, 7)}`, language: options.language ?? "en" });
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, acceptDownloads: true });
  await context.route((url) => url.host !== new URL(app.base).host, (route) => route.abort());
  const page = await context.newPage();
  page.on("dialog", (dialog) => void dialog.accept());
  await page.goto(await createAdminLoginLink(deps, admin.id));
  await expect.poll(() => page.locator("#who").textContent()).toBe(`@${admin.username}`);
  return { context, page, adminId: admin.id };
}

const toast = (page: Page) => page.locator("#toast").textContent();
const tab = (page: Page, id: string) => page.locator(`#tabs button[data-tab="${id}"]`).click();

describe.skipIf(!browserRunnable)("running the shop from the dashboard", () => {
  it("finds a user, adjusts the balance with a note, and makes them a reseller with a discount", { timeout: 300_000 }, async () => {
    const customer = await buildUser(db, { balance: "100", username: `shop_cust_${process.pid}` });
    const { context, page, adminId } = await adminPage();

    await tab(page, "users");
    await page.fill("#user-filters [name=search]", `@${customer.username}`);
    await page.click("#user-filters button[type=submit]");
    const row = page.locator(`tr[data-user-id="${customer.id}"]`);
    await expect.poll(() => row.textContent()).toContain(`@${customer.username}`);
    await row.getByRole("button", { name: "Open" }).click();
    const dialog = page.locator("#details");
    await expect.poll(() => dialog.locator("h2").textContent()).toContain(`User #${customer.id}`);

    await dialog.getByLabel("Amount (+ adds, − removes)").fill("50");
    await dialog.getByLabel("Note (why)").fill("goodwill for a late order");
    await dialog.getByRole("button", { name: "Adjust balance" }).click();
    const account = await db.account.findUniqueOrThrow({ where: { id: customer.account!.id } });
    await expect.poll(async () => (await db.account.findUniqueOrThrow({ where: { id: account.id } })).balance.toString()).toBe("150");
    await expect.poll(() => toast(page)).toBe(`Balance of user #${customer.id}: 150`);
    await expect.poll(() => dialog.locator("dd.balance").textContent()).toBe("150");
    await expect.poll(() => dialog.locator(".ledger tbody tr").first().textContent()).toContain("goodwill for a late order");
    const entry = await db.ledgerEntry.findFirstOrThrow({ where: { accountId: account.id }, orderBy: { id: "desc" } });
    expect({ amount: entry.amount.toString(), note: entry.note, actorId: entry.actorId }).toEqual({ amount: "50", note: "goodwill for a late order", actorId: adminId });

    await dialog.getByRole("button", { name: "Make reseller" }).click();
    await expect.poll(() => toast(page)).toBe(`User #${customer.id} is now reseller`);
    await dialog.getByLabel(`Discount of user #${customer.id}`).fill("12.5");
    await dialog.getByRole("button", { name: "Save discount" }).click();
    await expect.poll(() => toast(page)).toBe(`User #${customer.id}: 12.5% off`);
    const stored = await db.user.findUniqueOrThrow({ where: { id: customer.id } });
    expect({ role: stored.role, discount: stored.resellerDiscount.toString() }).toEqual({ role: "RESELLER", discount: "12.5" });
    // The list behind the dialog follows.
    await expect.poll(() => row.textContent()).toContain("Reseller");
    const audit = await db.auditLog.findMany({ where: { entity: "User", entityId: String(customer.id), actorId: adminId }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["user.reseller_grant", "user.reseller_pricing"]);
    await context.close();
  });

  it("edits a service's price, then previews an import from a provider and applies it", { timeout: 300_000 }, async () => {
    const { provider, service } = await buildSimulatedProvider(deps, sim);
    const { context, page } = await adminPage();

    await tab(page, "catalogue");
    await page.fill("#service-filters [name=search]", String(service.id));
    await page.click("#service-filters button[type=submit]");
    const row = page.locator(`tr[data-service-id="${service.id}"]`);
    await expect.poll(() => row.locator(".price").textContent()).toBe("200");
    await row.getByRole("button", { name: "Edit" }).click();
    await page.locator("#service-form [name=price]").fill("245.5");
    await page.locator("#service-form button[type=submit]").click();
    await expect.poll(() => toast(page)).toBe(`Service #${service.id} saved`);
    await expect.poll(() => row.locator(".price").textContent()).toBe("245.5");
    expect((await db.service.findUniqueOrThrow({ where: { id: service.id } })).price.toString()).toBe("245.5");

    await page.selectOption("#import-form [name=providerId]", String(provider.id));
    await page.fill("#import-form [name=markupPercent]", "20");
    await page.locator("#import-form button[type=submit]").click();
    const preview = page.locator("#import-preview");
    await expect.poll(() => preview.locator(".summary").textContent()).toMatch(/^\d+ new · \d+ changed cost · \d+ vanished · \d+ unchanged$/);
    const [added] = (await preview.locator(".summary").textContent())!.match(/^\d+/)!;
    expect(await preview.textContent()).toContain("Instagram Likes");
    // Previewing wrote nothing.
    expect(await db.service.count({ where: { providerId: provider.id } })).toBe(1);

    await preview.getByRole("button", { name: "Apply import" }).click();
    await expect.poll(() => toast(page)).toMatch(new RegExp(`^Imported: ${added} new, \\d+ updated, \\d+ deactivated$`));
    expect(await db.service.count({ where: { providerId: provider.id } })).toBe(1 + Number(added));
    const likes = await db.service.findFirstOrThrow({ where: { providerId: provider.id, providerServiceId: "2" } });
    expect(likes.price.toString(), "price = cost × 1.20").toBe(likes.cost!.mul(1.2).toDecimalPlaces(likes.price.decimalPlaces()).toString());

    // Bulk: +10 % on this provider's services only.
    const before = await db.service.findMany({ where: { providerId: provider.id }, orderBy: { id: "asc" } });
    await page.fill("#bulk-price [name=percent]", "10");
    await page.selectOption("#bulk-price [name=scope]", `PROVIDER:${provider.id}`);
    await page.locator("#bulk-price button[type=submit]").click();
    await expect.poll(() => toast(page)).toBe(`${before.length} prices changed`);
    const after = await db.service.findMany({ where: { providerId: provider.id }, orderBy: { id: "asc" } });
    expect(after.map((x) => x.price.toString()), "each price × 1.10").toEqual(before.map((x) => x.price.mul(1.1).toString()));
    await page.fill("#service-filters [name=search]", String(service.id));
    await page.click("#service-filters button[type=submit]");
    await expect.poll(() => row.locator(".price").textContent()).toBe(after.find((x) => x.id === service.id)!.price.toString());
    await context.close();
  });

  it("tests a provider's key (live balance call) and opens the reports with their charts and CSV", { timeout: 300_000 }, async () => {
    const { provider } = await buildSimulatedProvider(deps, sim);
    const { context, page } = await adminPage();

    await tab(page, "providers");
    const row = page.locator(`tr[data-provider-id="${provider.id}"]`);
    await expect.poll(() => row.locator(".live-balance").textContent()).toMatch(/^1000(\.0+)? USD$/);
    await row.getByRole("button", { name: "Test key" }).click();
    await expect.poll(() => toast(page)).toMatch(/^Key works: balance 1000(\.0+)? USD \(\d+ ms\)$/);
    await row.getByRole("button", { name: "Edit" }).click();
    await page.locator("#provider-form [name=apiKey]").fill("not-the-key");
    await page.locator("#provider-form").getByRole("button", { name: "Test key" }).click();
    await expect.poll(() => toast(page)).toMatch(/^Test key: Key refused: /);
    expect(await toast(page)).not.toContain("not-the-key");
    expect((await db.provider.findUniqueOrThrow({ where: { id: provider.id } })).apiKeyLast4, "testing stores nothing").toBe(provider.apiKeyLast4);
    await page.keyboard.press("Escape");

    await tab(page, "reports");
    const charts = page.locator("#charts .chart");
    await expect.poll(() => charts.count()).toBe(7);
    await expect.poll(() => page.locator("#chart-orders-per-day canvas").count()).toBe(1);
    const download = page.waitForEvent("download");
    await page.locator("#chart-orders-per-day a.csv").click();
    const csv = readFileSync((await (await download).path())!, "utf8");
    const today = localDate(new Date(), "Asia/Dhaka"); // report days are the shop's (SHOP_TIME_ZONE's default)
    const lines = csv.trim().split(/\r?\n/);
    expect(lines.length, csv).toBe(31);
    expect(lines.some((l) => l.startsWith(today)), `a row for ${today} in:\n${csv}`).toBe(true);
    await page.selectOption("#report-days", "90");
    await expect.poll(() => page.locator("#chart-orders-per-day a.csv").getAttribute("download")).toBe("orders-per-day-90d.csv");
    await context.close();
  });

  it("fits a 360-px phone on every page (no sideways scroll, the nav behind a menu) and speaks Bengali to a Bengali admin", { timeout: 300_000 }, async () => {
    await buildSimulatedProvider(deps, sim);
    const { context, page } = await adminPage({ width: 360, language: "bn" });
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await page.locator("#tabs").isVisible()).toBe(false);
    for (const id of ["orders", "health", "users", "catalogue", "providers", "reports", "topups", "tickets", "payments"]) {
      await page.locator("#menu-toggle").click();
      await tab(page, id);
      await expect.poll(() => page.locator(`section#${id}`).isVisible()).toBe(true);
      await page.waitForLoadState("networkidle");
      expect(await overflow(), `page ${id} is wider than the phone`).toBeLessThanOrEqual(0);
    }
    expect(await page.locator('#tabs button[data-tab="users"]').textContent()).toBe("ব্যবহারকারী");
    // Stuck reasons in words, not detection's codes.
    const customer = await buildUser(db);
    const service = await buildService(db);
    await db.order.create({ data: { userId: customer.id, accountId: customer.account!.id, serviceId: service.id, link: "https://instagram.com/stuck", quantity: 100, charge: "10", status: "IN_PROGRESS", stuck: true, stuckReason: "no_progress", stuckAt: new Date() } });
    await page.locator("#menu-toggle").click();
    await tab(page, "health");
    await expect.poll(() => page.locator("#stuck-summary").textContent()).toContain("কোনো অগ্রগতি নেই");
    expect(await page.locator("#stuck-summary").textContent()).not.toContain("no_progress");
    expect(await page.locator("html").getAttribute("lang")).toBe("bn");
    await page.selectOption("#language", "en");
    await expect.poll(() => page.locator('#tabs button[data-tab="users"]').textContent()).toBe("Users");
    await context.close();
  });
});
