// The dashboard in a real browser (Debian chromium driven by playwright-core): log in through a
// login link, resubmit a FAILED order from its 3-dot menu, approve a pending top-up, open GraphiQL.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdminLoginLink } from "../../src/auth/login-link.js";
import { startProviderSimulator, type ProviderSimulator } from "../../src/providers/simulator/index.js";
import { requestResellerAccess } from "../../src/resellers/reseller-access.js";
import { requestTopUp } from "../../src/topups/request-topup.js";
import { testDeps } from "../support/deps.js";
import { buildService, buildUser } from "../support/factories.js";
import { buildFailedOrder, buildSimulatedProvider } from "../support/graphql-factories.js";
import { browserRunnable, launchChromium, startAdminApp, type AdminApp } from "../support/browser.js";
import { useTestDb } from "../support/test-db.js";

const { prisma: db } = await useTestDb();
let app: AdminApp;
let base = "";
let sim: ProviderSimulator;
let browser: Browser;
let deps: ReturnType<typeof testDeps>;

beforeAll(async () => {
  if (!browserRunnable) return;
  app = await startAdminApp(db);
  ({ base, deps } = app);
  sim = await startProviderSimulator({ balance: "1000" });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await sim?.close();
  await app?.close();
});

describe.skipIf(!browserRunnable)("admin dashboard in chromium", () => {
  it("logs in by link, resubmits a FAILED order from the menu, approves a top-up, and opens GraphiQL", { timeout: 300_000 }, async () => {
    const admin = await buildUser(db, { role: "ADMIN", username: "dash_admin", language: "en" });
    const customer = await buildUser(db, { balance: "500", username: "dash_customer" });
    const { service } = await buildSimulatedProvider(deps, sim);
    const failed = await buildFailedOrder(db, customer.id, service.id);
    const trxId = `DASH${process.pid}${Date.now().toString(36)}`.toUpperCase().slice(0, 20);
    const topUp = await requestTopUp(testDeps(db), { userId: customer.id, method: "BKASH", amount: "250", trxId, limits: { min: "50", max: "100000" } });

    const context = await browser.newContext();
    // Only our server: GraphiQL's CDN assets (and anything else) are not reachable from CI.
    await context.route((url) => url.host !== new URL(base).host, (route) => route.abort());
    const page = await context.newPage();
    page.on("dialog", (dialog) => void dialog.accept());
    if (process.env.DEBUG_BROWSER) page.on("console", (m) => console.log("PAGE", m.text()));
    if (process.env.DEBUG_BROWSER) page.on("requestfailed", (r) => console.log("FAILED", r.url()));

    await page.goto(await createAdminLoginLink(deps, admin.id));
    expect(new URL(page.url()).pathname).toBe("/admin/");
    await expect.poll(() => page.locator("#who").textContent()).toBe("@dash_admin");

    await page.fill("#order-filters [name=userId]", String(customer.id));
    await page.selectOption("#order-filters [name=status]", "FAILED");
    await page.click("#order-filters button[type=submit]");
    const row = page.locator(`tr[data-order-id="${failed.id}"]`);
    await expect.poll(() => row.locator(".badge").first().textContent()).toBe("Failed");

    await row.locator(".menu-button").click();
    await page.getByRole("menuitem", { name: "Resubmit order" }).click();
    await expect.poll(() => page.locator(`tr[data-order-id="${failed.id}"] .badge`).first().textContent(), { timeout: 60_000 }).toBe("In progress");
    expect(sim.callCount("add")).toBe(1);
    expect((await db.order.findUniqueOrThrow({ where: { id: failed.id } })).status).toBe("IN_PROGRESS");

    await page.getByRole("button", { name: "Top-ups" }).click();
    await page.fill("#topup-filters [name=userId]", String(customer.id));
    await page.click("#topup-filters button[type=submit]");
    const topUpRow = page.locator(`tr[data-topup-id="${topUp.id}"]`);
    await topUpRow.getByRole("button", { name: "Approve" }).click();
    await expect.poll(() => topUpRow.count()).toBe(0);
    await expect.poll(() => page.locator("#toast").textContent()).toBe(`Top-up #${topUp.id} approved`);
    expect((await db.topUp.findUniqueOrThrow({ where: { id: topUp.id } })).status).toBe("APPROVED");

    const graphiql = await page.goto(`${base}/graphql`, { waitUntil: "domcontentloaded" });
    expect(graphiql?.status()).toBe(200);
    expect(await page.title()).toBe("panelbot GraphiQL");
    await context.close();
  });

  it("makes a customer who asked a reseller from the user page, sets the discount, and takes it back", { timeout: 300_000 }, async () => {
    const admin = await buildUser(db, { role: "ADMIN", username: "dash_admin2", language: "en" });
    const customer = await buildUser(db, { username: `dash_asker${process.pid}` });
    await requestResellerAccess(deps, customer.id);
    const context = await browser.newContext();
    await context.route((url) => url.host !== new URL(base).host, (route) => route.abort());
    const page = await context.newPage();
    await page.goto(await createAdminLoginLink(deps, admin.id));
    await expect.poll(() => page.locator("#who").textContent()).toBe("@dash_admin2");

    await page.getByRole("button", { name: "Users" }).click();
    await page.fill("#user-filters [name=search]", String(customer.id));
    await page.check("#user-filters [name=requested]");
    await page.click("#user-filters button[type=submit]");
    const row = page.locator(`tr[data-user-id="${customer.id}"]`);
    await expect.poll(() => row.textContent()).toContain("asked for reseller access");
    await row.getByRole("button", { name: "Make reseller" }).click();
    await expect.poll(() => page.locator("#toast").textContent()).toBe(`User #${customer.id} is now reseller`);
    await row.getByLabel(`Discount of user #${customer.id}`).fill("15");
    await row.getByRole("button", { name: "Save discount" }).click();
    await expect.poll(() => page.locator("#toast").textContent()).toBe(`User #${customer.id}: 15% off`);
    expect(await db.user.findUniqueOrThrow({ where: { id: customer.id } })).toMatchObject({ role: "RESELLER", resellerRequestedAt: null });
    expect((await db.user.findUniqueOrThrow({ where: { id: customer.id } })).resellerDiscount.toString()).toBe("15");

    await row.getByRole("button", { name: "Take reseller access back" }).click();
    await expect.poll(() => page.locator("#toast").textContent()).toBe(`User #${customer.id} is now customer`);
    expect((await db.auditLog.findMany({ where: { entity: "User", entityId: String(customer.id) }, orderBy: { id: "asc" } })).map((a) => [a.action, a.actorId])).toEqual([
      ["user.reseller_grant", admin.id], ["user.reseller_pricing", admin.id], ["user.reseller_revoke", admin.id],
    ]);
    await context.close();
  });

  it("lists imported services that cannot be ordered, with the reason, on the Providers tab", { timeout: 300_000 }, async () => {
    const admin = await buildUser(db, { role: "ADMIN", username: "dash_kinds", language: "en" });
    const { provider } = await buildSimulatedProvider(deps, sim);
    const reason = 'Unknown service type "Story Views Geo"';
    const service = await buildService(db, { providerId: provider.id, providerServiceId: "77", type: "Story Views Geo", active: false, inactiveReason: reason, nameEn: "Geo story views" });
    const context = await browser.newContext();
    await context.route((url) => url.host !== new URL(base).host, (route) => route.abort());
    const page = await context.newPage();
    await page.goto(await createAdminLoginLink(deps, admin.id));
    await page.getByRole("button", { name: "Providers" }).click();
    const row = page.locator("#inactive-service-rows tr", { hasText: `(#${service.id})` });
    await expect.poll(() => row.textContent()).toContain(reason);
    await context.close();
  });

  it("shows the sign-in hint, not the back office, without a session", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/admin/`);
    await expect.poll(() => page.locator("#login").isVisible()).toBe(true);
    expect(await page.locator("#tabs").isVisible()).toBe(false);
    await page.goto(`${base}/graphql`, { waitUntil: "domcontentloaded" });
    expect(await page.title()).not.toBe("panelbot GraphiQL");
    expect(await page.content()).not.toMatch(/graphiql/i);
    await context.close();
  });
});
