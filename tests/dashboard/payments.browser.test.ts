// The dashboard's Payments tab in a real browser: the SMS waiting for an admin beside its request,
// approving from there, registering a forwarding phone (token shown once) and revoking it.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdminLoginLink } from "../../src/auth/login-link.js";
import { deviceForToken } from "../../src/payments/devices.js";
import { recordPaymentSms } from "../../src/payments/record-sms.js";
import { requestTopUp } from "../../src/topups/request-topup.js";
import { testDeps } from "../support/deps.js";
import { buildUser, unique } from "../support/factories.js";
import { buildPaymentDevice } from "../support/payment-factories.js";
import { browserRunnable, launchChromium, startAdminApp, type AdminApp } from "../support/browser.js";
import { useTestDb } from "../support/test-db.js";

const { prisma: db } = await useTestDb();
let app: AdminApp;
let base = "";
let browser: Browser;
let deps: ReturnType<typeof testDeps>;

beforeAll(async () => {
  if (!browserRunnable) return;
  app = await startAdminApp(db);
  ({ base, deps } = app);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe.skipIf(!browserRunnable)("dashboard payments tab in chromium", () => {
  it("shows a mismatched SMS beside its request, approves it there, registers and revokes a phone", { timeout: 120_000 }, async () => {
    const admin = await buildUser(db, { role: "ADMIN", username: "pay_admin", language: "en" });
    const customer = await buildUser(db, { username: "pay_customer" });
    const { device } = await buildPaymentDevice(db);
    const trxId = unique("PB").replace(/[^A-Za-z0-9]/g, "").slice(-12).toUpperCase();
    const topUp = await requestTopUp(testDeps(db), { userId: customer.id, method: "BKASH", amount: "800", trxId, limits: { min: "50", max: "100000" } });
    const { sms } = await recordPaymentSms(testDeps(db), device, { sender: "bKash", text: `You have received Tk 750.00 from 01712345678. Fee Tk 0.00. Balance Tk 1,200.00. TrxID ${trxId} at 08/06/2026 14:32` });
    expect(sms.outcome).toBe("MISMATCH");

    const context = await browser.newContext();
    await context.route((url) => url.host !== new URL(base).host, (route) => route.abort());
    const page = await context.newPage();
    page.on("dialog", (dialog) => void dialog.accept());
    await page.goto(await createAdminLoginLink(deps, admin.id));
    await expect.poll(() => page.locator("#who").textContent()).toBe("@pay_admin");

    await page.getByRole("button", { name: "Payments" }).click();
    const row = page.locator(`tr[data-sms-id="${sms.id}"]`);
    await expect.poll(() => row.textContent()).toContain(`#${topUp.id}`);
    expect(await row.textContent()).toContain("750");
    expect(await row.textContent()).toContain("amount_mismatch");
    await row.getByRole("button", { name: "Approve" }).click();
    await expect.poll(async () => (await db.topUp.findUniqueOrThrow({ where: { id: topUp.id } })).status).toBe("APPROVED");
    await expect.poll(() => page.locator("#toast").textContent()).toBe(`Top-up #${topUp.id} approved`);

    await page.fill("#device-form [name=name]", "Counter phone");
    await page.fill("#device-form [name=shopNumber]", "01912345678");
    await page.click("#device-form button[type=submit]");
    await expect.poll(() => page.locator("#device-token").isVisible()).toBe(true);
    const token = (await page.locator("#device-token code").textContent())!;
    const registered = await deviceForToken(db, token);
    expect(registered).toMatchObject({ name: "Counter phone", shopNumber: "01912345678", methods: ["BKASH", "NAGAD", "ROCKET"] });

    await page.locator(`tr[data-device-id="${registered!.id}"]`).getByRole("button", { name: "Revoke" }).click();
    await expect.poll(() => deviceForToken(db, token)).toBeNull();
    await context.close();
  });
});
