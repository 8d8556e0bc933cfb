// GraphiQL with the network cut to loopback: every script and style comes from this app (no CDN),
// under the dashboard's security headers, and the page runs a query.
import { existsSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGraphQL } from "../../schema/index.js";
import { createAdminLoginLink } from "../../src/auth/login-link.js";
import { createHttpServer, type Route } from "../../src/http/server.js";
import { PAGE_SECURITY_HEADERS } from "../../src/http/static-assets.js";
import { testDeps } from "../support/deps.js";
import { buildUser } from "../support/factories.js";
import { useTestDb } from "../support/test-db.js";

const CHROMIUM = "/usr/bin/chromium";
// CI installs chromium (.ci/run); locally the test is skipped, and says so, when it is missing.
const runnable = existsSync(CHROMIUM) || Boolean(process.env.CI);

const { prisma: db } = await useTestDb();
const routes: Route[] = [];
let server: Server;
let base = "";
let browser: Browser;
let deps: ReturnType<typeof testDeps>;

beforeAll(async () => {
  if (!runnable) return;
  server = createHttpServer(routes, testDeps(db).logger);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  deps = testDeps(db, { PUBLIC_URL: base });
  routes.push(...createGraphQL(deps).routes);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
      // No name resolves except the loopback address: the browser has no internet.
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  if (server) await new Promise<void>((r) => server.close(() => r()));
});

describe.skipIf(!runnable)("GraphiQL in chromium without the internet", () => {
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
