// GraphiQL with the network cut to loopback: every script and style comes from this app (no CDN),
// under the dashboard's security headers, and the page runs a query.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdminLoginLink } from "../../src/auth/login-link.js";
import { PAGE_SECURITY_HEADERS } from "../../src/http/static-assets.js";
import { testDeps } from "../support/deps.js";
import { buildUser } from "../support/factories.js";
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
  // No name resolves except the loopback address: the browser has no internet.
  browser = await launchChromium(["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe.skipIf(!browserRunnable)("GraphiQL in chromium without the internet", () => {
  it("loads every file from this app under the /admin security headers and runs the default query", { timeout: 120_000 }, async () => {
    const admin = await buildUser(db, { role: "ADMIN", username: "graphiql_admin" });
    const context = await browser.newContext();
    const outside: string[] = [];
    await context.route((url) => url.host !== new URL(base).host && url.protocol !== "data:" && url.protocol !== "blob:", (route) => {
      outside.push(route.request().url());
      return route.abort();
    });
    // Sign in (the session cookie), then open GraphiQL in a page of its own.
    const login = await context.newPage();
    await login.goto(await createAdminLoginLink(deps, admin.id), { waitUntil: "networkidle" });
    await login.close();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (m) => void (m.type() === "error" && problems.push(m.text().slice(0, 300))));
    page.on("pageerror", (e) => void problems.push(e.message));
    const failed: string[] = [];
    page.on("requestfailed", (r) => void failed.push(r.url()));

    const response = await page.goto(`${base}/graphql`, { waitUntil: "load" });
    expect(response?.status()).toBe(200);
    expect(await page.title()).toBe("panelbot GraphiQL");
    const headers = response!.headers();
    for (const [name, value] of Object.entries(PAGE_SECURITY_HEADERS)) expect(headers[name], name).toBe(value);

    // The editor shows the default query; running it shows the server's answer.
    await expect.poll(() => page.locator(".graphiql-container").count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => page.locator(".graphiql-query-editor").innerText(), { timeout: 30_000 }).toContain("query FailedOrders");
    await page.locator(".graphiql-execute-button").click();
    await expect.poll(() => page.locator(".result-window").innerText(), { timeout: 30_000 }).toContain('"totalCount"');

    expect(outside).toEqual([]);
    expect(failed).toEqual([]);
    expect(problems).toEqual([]); // no CSP violation, no script error
    await context.close();
  });
});
