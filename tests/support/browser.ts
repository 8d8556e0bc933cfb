// Headless Chromium for the browser tests: Debian's package driven by playwright-core (no browser
// download). CI installs it (.ci/run); locally a test file is skipped, and says so, without it.
import { existsSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { chromium, type Browser } from "playwright-core";
import { createGraphQL } from "../../schema/index.js";
import type { Db } from "../../src/db/client.js";
import { createHttpServer, type Route } from "../../src/http/server.js";
import { testDeps } from "./deps.js";

export const CHROMIUM = "/usr/bin/chromium";
export const browserRunnable = existsSync(CHROMIUM) || Boolean(process.env.CI);

/** The flags this machine's closed network needs (architecture.md), plus any of the test's own. */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", ...extraArgs],
  });
}

export interface AdminApp {
  server: Server;
  base: string;
  deps: ReturnType<typeof testDeps>;
  routes: Route[];
  close(): Promise<void>;
}

/** The GraphQL routes (/graphql, /admin) on a real HTTP server on 127.0.0.1, with PUBLIC_URL set to it. */
export async function startAdminApp(db: Db): Promise<AdminApp> {
  const routes: Route[] = [];
  const server = createHttpServer(routes, testDeps(db).logger);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const deps = testDeps(db, { PUBLIC_URL: base });
  routes.push(...createGraphQL(deps).routes);
  return { server, base, deps, routes, close: () => new Promise<void>((r) => server.close(() => r())) };
}
