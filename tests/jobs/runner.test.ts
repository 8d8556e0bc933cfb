// The job store choice: the embedded default (the embedded server, LISTEN/NOTIFY like any server), and a
// store that cannot be reached at start (a clear error and a non-zero exit within seconds, never an
// unhandled rejection), for MongoDB and PostgreSQL.
import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, onTestFinished } from "vitest";
import { startJobs, type JobEvent } from "../../jobs/runner.js";
import { JobStoreError, openJobStore } from "../../jobs/store.js";
import { loadConfig } from "../../src/config.js";
import { createDb } from "../../src/db/client.js";
import { startEmbeddedPostgres } from "../../src/db/embedded.js";
import { projectRoot } from "../../src/db/migrate.js";
import { createLogger } from "../../src/logger.js";
import { placeOrder } from "../../src/orders/place-order.js";
import { closedPortUrl, startProviderSimulator } from "../../src/providers/simulator/index.js";
import { TEST_SECRET, testDeps } from "../support/deps.js";
import { buildUser } from "../support/factories.js";
import { buildSimProvider, buildSimService } from "../support/provider-factories.js";
import { QUIET, sleep, createJobsDatabase } from "./support.js";

const tempDirs: string[] = [];
afterAll(() => tempDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function closedPort(): Promise<number> {
  return Number(new URL(await closedPortUrl()).port);
}

describe("job store", () => {
  it("embedded default: jobs run on the embedded server with LISTEN/NOTIFY, in their own schema", async () => {
    const dir = mkdtempSync(join(tmpdir(), "panelbot-jobs-embedded-"));
    chmodSync(dir, 0o755); // reachable by the postgres user when the tests run as root
    tempDirs.push(dir);
    const embedded = await startEmbeddedPostgres({ dataDir: join(dir, "data") });
    const handle = createDb(embedded.url);
    const sim = await startProviderSimulator({ balance: "1000" });
    try {
      const db = handle.prisma;
      const deps = testDeps(db); // no DATABASE_URL: config.embedded
      expect(deps.config.embedded).toBe(true);
      const provider = await buildSimProvider(db, deps.box, sim);
      const service = await buildSimService(db, provider);
      const user = await buildUser(db, { balance: "1000" });
      const { order } = await placeOrder(testDeps(db), { userId: user.id, serviceId: service.id, link: "https://x.com/embedded-job", quantity: 100 });
      const events: JobEvent[] = [];
      let notified = 0;
      const runner = await startJobs(deps, {
        databaseUrl: embedded.url,
        notifier: async () => void (notified += 1),
        timings: { ...QUIET, forwardEveryMs: 300, notifyEveryMs: 300, pollMs: 200 },
        onEvent: (e) => events.push(e),
      });
      expect(runner.store).toBe("postgres");
      // Like on any server: the job store holds a LISTEN connection of its own.
      const listening = await handle.pool.query(`SELECT 1 FROM pg_stat_activity WHERE application_name = 'panelbot-jobs' AND query ILIKE 'LISTEN%'`);
      expect(listening.rowCount).toBe(1);
      await runner.now("sync-provider-orders", { providerId: provider.id }); // a one-off run, e.g. an admin's "sync now"
      const syncs = () => events.filter((e) => e.name === "sync-provider-orders" && e.event === "complete").length;
      // Until the work is done or a deadline no loaded machine reaches; the checks below say what was missing.
      for (const until = Date.now() + 90_000; Date.now() < until && ((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status !== "IN_PROGRESS" || notified < 2 || syncs() < 2); ) await sleep(100);
      await runner.stop();
      expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("IN_PROGRESS");
      expect(sim.ordersForLink("https://x.com/embedded-job")).toBe(1);
      expect(notified).toBeGreaterThanOrEqual(2);
      expect(syncs()).toBeGreaterThanOrEqual(2); // the recurring first run and the one-off
      expect(events.filter((e) => e.name === "deliver-notifications").map((e) => e.event)).toContain("complete");
      // Agenda's table is in the `agenda` schema; nothing of it in Prisma's `public`.
      const names = await handle.pool.query<{ name: string }>(`SELECT DISTINCT name FROM "agenda"."agenda_jobs" WHERE type = 'single' ORDER BY name`);
      expect(names.rows.map((r) => r.name)).toEqual(["check-provider-balances", "deliver-notifications", "detect-stuck-orders", "forward-order", "prune-expired-logins", "refresh-delivery-estimates", "sync-provider-orders"]);
      const leaked = await handle.pool.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE 'agenda%'`);
      expect(leaked.rowCount).toBe(0);
    } finally {
      await sim.close();
      await handle.close();
      await embedded.close();
    }
  }, 180_000);

  it("an unreachable MongoDB or PostgreSQL job store fails openJobStore within the deadline with a clear error", async () => {
    const logger = createLogger("silent");
    const port = await closedPort();
    for (const [url, pattern] of [
      [`mongodb://127.0.0.1:${port}/jobs`, /Cannot reach the job store \(MongoDB mongodb:\/\/127\.0\.0\.1:\d+\/jobs\).*Check JOBS_DATABASE_URL/s],
      [`postgresql://postgres@127.0.0.1:${port}/jobs`, /Cannot reach the job store \(PostgreSQL .*schema "agenda"\).*Check JOBS_DATABASE_URL/s],
    ] as const) {
      const config = loadConfig({ NODE_ENV: "test", SECRET_KEY: TEST_SECRET, JOBS_DATABASE_URL: url });
      const started = Date.now();
      const error = await openJobStore({ config, logger, connectTimeoutMs: 1_500 }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(JobStoreError);
      expect((error as Error).message).toMatch(pattern);
      // A 1.5 s deadline. Without one the MongoDB driver alone waits 30 s; the margin is for a loaded machine.
      const tookMs = Date.now() - started;
      expect(tookMs, `openJobStore gave up after ${tookMs} ms`).toBeLessThan(25_000);
    }
  }, 90_000);
});

describe("npm start with an unreachable job store", () => {
  it("exits non-zero within seconds with a message naming the store, for MongoDB and PostgreSQL", async () => {
    const database = await createJobsDatabase();
    onTestFinished(() => database.drop());
    const { url } = database;
    const port = await closedPort();
    for (const jobsUrl of [`mongodb://127.0.0.1:${port}/panelbot-jobs`, `postgresql://postgres@127.0.0.1:${port}/jobs`]) {
      const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
        cwd: projectRoot(),
        env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: url, JOBS_DATABASE_URL: jobsUrl, PORT: "0", HOST: "127.0.0.1", SECRET_KEY: TEST_SECRET },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let out = "";
      child.stdout!.on("data", (d) => (out += d));
      child.stderr!.on("data", (d) => (out += d));
      const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
      // From the first log line (process up) to the fatal one: the migration check, the seed and the store's 5 s deadline.
      const times = out.split("\n").filter((l) => l.startsWith("{")).map((l) => (JSON.parse(l) as { time: number }).time);
      const tookMs = times.at(-1)! - times[0]!;
      expect(code, out).toBe(1);
      expect(out).toMatch(/panelbot could not start/);
      expect(out).toMatch(/Cannot reach the job store \((MongoDB|PostgreSQL)/);
      expect(out).not.toMatch(/Unhandled|unhandledRejection|ERR_UNHANDLED_REJECTION/i);
      expect(out).not.toMatch(/panelbot is listening/);
      // The store's 5 s deadline, far below the 30 s a MongoDB driver waits without one; the margin is for a loaded machine.
      expect(tookMs, out).toBeLessThan(25_000);
      console.info(`[jobs] unreachable ${jobsUrl.split(":")[0]} job store: exit ${code}, ${tookMs} ms from the first log line to the fatal one`);
    }
  }, 180_000);
});

describe("MongoDB backend (no MongoDB server can run here)", () => {
  it("constructs on a driver database and is accepted by Agenda", async () => {
    const [{ MongoClient }, { MongoBackend }, { Agenda }] = await Promise.all([import("mongodb"), import("@agendajs/mongo-backend"), import("agenda")]);
    const client = new MongoClient("mongodb://127.0.0.1:1/panelbot-jobs", { serverSelectionTimeoutMS: 200 });
    const backend = new MongoBackend({ mongo: client.db(), collection: "agendaJobs" });
    expect(backend.name).toBe("MongoDB");
    expect(backend.ownsConnection).toBe(false);
    // Agenda connects from its constructor: give it a backend that is "already connected".
    const agenda = new Agenda({ backend: { name: backend.name, repository: backend.repository, connect: async () => {}, disconnect: async () => {} }, processEvery: 1000 });
    agenda.define("forward-order", async () => {});
    expect(Object.keys(agenda.definitions)).toEqual(["forward-order"]);
    await client.close();
  });
});
