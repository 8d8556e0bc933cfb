// Composition root: builds the database, the HTTP server and (when configured) Telegram, and
// stops them in reverse order. Entry points plug in here; business rules stay in src/<module>.
import type { Server } from "node:http";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import pg from "pg";
import { DEMO_PROVIDER_KEY, DEMO_SIMULATOR_SERVICES, pointDemoProviderAt, seedDemoCatalogue } from "./catalogue/seed-demo.js";
import { startProviderSimulator, type ProviderSimulator } from "./providers/simulator/index.js";
import type { Config } from "./config.js";
import { createDb, type DbHandle } from "./db/client.js";
import { startEmbeddedPostgres } from "./db/embedded.js";
import { migrateDatabase, redactUrl } from "./db/migrate.js";
import { apiDocsRoute } from "./api-v2/docs-route.js";
import { apiV2Route } from "./api-v2/route.js";
import { healthRoute } from "./http/health.js";
import { paymentSmsRoute } from "./http/payment-sms-route.js";
import { createHttpServer } from "./http/server.js";
import type { Logger } from "./logger.js";
import { loadOrCreateLocalSecret } from "./shared/local-secret.js";
import { createSecretBox, type SecretBox } from "./shared/secret-box.js";
import { syncAdmins } from "./users/sync-admins.js";
import { startJobs } from "../jobs/runner.js";
import { createGraphQL } from "../schema/index.js";
import { startupLoginLink } from "./auth/startup-login-link.js";
import { createBot } from "./bot/create-bot.js";
import { deliverNotifications } from "./bot/notifications/deliver-notifications.js";
import { startBot, stopBot } from "./bot/runtime/start-bot.js";
import { webhookRoute } from "./bot/runtime/webhook-route.js";
import type { Deps } from "./deps.js";
import { tryRoute } from "./try/route.js";
import { startTrySimulator } from "./try/simulator.js";

export interface App {
  db: DbHandle;
  box: SecretBox;
  server: Server;
  url: string;
  stop(): Promise<void>;
}

interface Database {
  db: DbHandle;
  /** The main database's URL (DATABASE_URL, or the embedded server's). */
  url: string;
  close(): Promise<void>;
}

async function openDatabase(config: Config, logger: Logger): Promise<Database> {
  if (config.DATABASE_URL) {
    logger.info({ database: redactUrl(config.DATABASE_URL) }, "Using PostgreSQL server");
    await migrateDatabase(config.DATABASE_URL, { logger });
    const db = createDb(config.DATABASE_URL);
    return { db, url: config.DATABASE_URL, close: () => db.close() };
  }
  logger.info({ dataDir: config.DATA_DIR }, "No DATABASE_URL: starting the embedded PostgreSQL");
  const embedded = await startEmbeddedPostgres({ dataDir: config.DATA_DIR, logger });
  const db = createDb(embedded.url);
  return {
    db,
    url: embedded.url,
    async close() {
      await db.close();
      await embedded.close();
    },
  };
}

/**
 * On the embedded default (or with PROVIDER_SIMULATOR=true) a provider simulator runs in-process
 * for the demo provider, advancing orders on a clock, so the whole order path works offline.
 */
async function startDemoSimulator(config: Config, db: DbHandle, logger: Logger): Promise<ProviderSimulator | null> {
  if (!(config.PROVIDER_SIMULATOR ?? config.embedded)) return null;
  const sim = await startProviderSimulator({
    apiKey: DEMO_PROVIDER_KEY,
    balance: "500",
    services: DEMO_SIMULATOR_SERVICES,
    autoAdvanceMs: config.SIMULATOR_ADVANCE_SECONDS * 1000,
    controlEndpoints: false,
  });
  await pointDemoProviderAt(db.prisma, sim.url);
  logger.info({ url: sim.url }, "Built-in provider simulator serves the demo provider");
  return sim;
}

/**
 * Without Telegram nobody can ask the bot for a dashboard link, so one is written at start to a
 * private file (login links are secrets: they never go to the log itself).
 */
async function announceLoginLink(deps: Deps, url: string): Promise<void> {
  // Without PUBLIC_URL the link points at this server as it is actually listening (PORT may be 0).
  const config = deps.config.PUBLIC_URL ? deps.config : { ...deps.config, PUBLIC_URL: url };
  const link = await startupLoginLink({ ...deps, config });
  if (!link) return;
  const file = join(deps.config.DATA_DIR, "admin-login-link.txt");
  await writeFile(file, `${link}\n`, { mode: 0o600 });
  deps.logger.info({ file }, "Dashboard: open the one-time login link in this file within 10 minutes");
}

export async function startApp(config: Config, logger: Logger): Promise<App> {
  const database = await openDatabase(config, logger);
  try {
    return await startOn(database, config, logger);
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
}

async function startOn(database: Database, config: Config, logger: Logger): Promise<App> {
  const { db } = database;
  const box = createSecretBox(config.SECRET_KEY ?? loadOrCreateLocalSecret(config.DATA_DIR));
  await syncAdmins(db.prisma, config);
  if (config.embedded) {
    const startedAt = performance.now();
    if (await seedDemoCatalogue(db.prisma, box, undefined, { history: { now: new Date() } })) {
      logger.info({ ms: Math.round(performance.now() - startedAt) }, "Seeded the demo catalogue and 30 days of demo history");
    }
  }
  const simulator = await startDemoSimulator(config, db, logger);
  const deps: Deps = { db: db.prisma, config, box, logger, now: () => new Date() };
  // Webhook mode on a PostgreSQL server may run as several instances: updates of one chat are then
  // serialised across them by advisory locks, on a small pool of their own.
  const chatLocks = config.BOT_TOKEN && config.WEBHOOK_URL && config.DATABASE_URL ? new pg.Pool({ connectionString: config.DATABASE_URL, max: 20, connectionTimeoutMillis: 15_000 }) : undefined;
  chatLocks?.on("error", () => {});
  const bot = config.BOT_TOKEN ? await createBot(deps, chatLocks ? { chatLocks } : {}) : null;
  if (!bot) logger.warn("BOT_TOKEN is not set: Telegram is disabled; the HTTP server runs without the bot");
  // The /try page: simulated chats driven through a capture-only instance of the same bot. With a
  // real bot too, its calls to simulated chats (notifications) are diverted to the capture.
  const trySim = (config.TRY_PAGE ?? config.embedded) ? await startTrySimulator(deps) : null;
  if (bot && trySim) bot.api.config.use(trySim.capture.divert);
  const notifyApi = bot?.api ?? trySim?.bot.api;
  // Background jobs (jobs/): a job store that cannot be reached fails the start here. With the
  // built-in simulator, status sync keeps pace with its clock (a demo order completes within a minute).
  const jobs = await startJobs(deps, {
    databaseUrl: database.url,
    ...(notifyApi ? { notifier: (d: Deps) => deliverNotifications(d, notifyApi) } : {}),
    ...(simulator ? { timings: { syncEveryMs: config.SIMULATOR_SYNC_SECONDS * 1000 } } : {}),
  });

  const graphql = createGraphQL(deps);
  const routes = [healthRoute(db.prisma, { embedded: config.embedded, telegram: Boolean(bot) }), paymentSmsRoute(deps), apiV2Route(deps), apiDocsRoute(deps), ...graphql.routes];
  if (bot && config.WEBHOOK_URL) routes.push(webhookRoute(deps, bot));
  if (trySim) routes.push(tryRoute(deps, trySim));
  const server = createHttpServer(routes, logger);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.PORT, config.HOST, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  const url = `http://${config.HOST === "0.0.0.0" ? "127.0.0.1" : config.HOST}:${port}`;
  logger.info({ url, health: `${url}/healthz`, graphql: `${url}/graphql`, apiV2: `${url}/api/v2`, dashboard: `${url}/admin`, ...(trySim ? { try: `${url}/try` } : {}) }, "panelbot is listening");
  await announceLoginLink(deps, url);
  // Webhook or long polling; updates that arrived while we were down are processed, never dropped.
  const botHandle = bot ? await startBot(deps, bot) : undefined;

  return {
    db,
    box,
    server,
    url,
    async stop() {
      await stopBot(botHandle);
      await jobs.stop(); // drains running jobs (bounded) before the database closes
      trySim?.close(); // the page's long polls answer now instead of holding the server open
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await simulator?.close();
      await chatLocks?.end().catch(() => {});
      await database.close();
    },
  };
}
