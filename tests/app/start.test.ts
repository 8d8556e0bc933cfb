import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createDb } from "../../src/db/client.js";
import { CLUSTER_DIR, LOCK_FILE, PASSWORD_FILE } from "../../src/db/embedded.js";
import { startFakeBotApiServer, TEST_TOKEN, textUpdate } from "../support/bot-factories.js";
import { processAlive } from "../../src/shared/process-alive.js";

const dataDir = mkdtempSync(join(tmpdir(), "panelbot-start-"));
chmodSync(dataDir, 0o755); // reachable by the postgres user when the tests run as root
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** The running embedded server's pid and URL, from its postmaster.pid (pid, directory, start time, port) and the password file. */
function postmasterPid(): number {
  return Number(readFileSync(join(dataDir, CLUSTER_DIR, "postmaster.pid"), "utf8").split("\n")[0]);
}
function embeddedUrl(): string {
  const port = readFileSync(join(dataDir, CLUSTER_DIR, "postmaster.pid"), "utf8").split("\n")[3];
  const password = readFileSync(join(dataDir, PASSWORD_FILE), "utf8").trim();
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
}

// A test that fails half-way must not leave its app running: the next one would find the DATA_DIR locked.
const children = new Set<ChildProcess>();
afterEach(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) await stop(child);
  children.clear();
});

/** Starts `src/main.ts` as `npm start` would, on the embedded default, and waits for its URL. */
async function start(env: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string; log: () => string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const url = await new Promise<string>((resolve, reject) => {
    // A deadline for a start that hangs; a first start creates the database (initdb + migrations), and a
    // loaded machine may take many times an idle one's few seconds.
    const timer = setTimeout(() => reject(new Error(`no start within 150 s:\n${out}`)), 150_000);
    const check = () => {
      const m = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on("data", check);
    child.on("exit", (code) => reject(new Error(`exited with ${code}:\n${out}`)));
  });
  return { child, url, log: () => out };
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
    child.once("exit", (code) => resolve(code));
    child.kill("SIGTERM");
  });
}

describe("npm start on the embedded default", { timeout: 420_000 }, () => {
  it("serves /healthz, says Telegram is disabled, stops cleanly on SIGTERM and keeps its data across a restart", async () => {
    const first = await start();
    const health = await (await fetch(`${first.url}/healthz`)).json();
    expect(health).toMatchObject({ status: "ok", database: { status: "up", embedded: true }, telegram: "disabled" });
    expect(first.log()).toMatch(/BOT_TOKEN is not set: Telegram is disabled/);
    expect(first.log()).toMatch(/Seeded the demo catalogue/);
    expect(first.log()).toMatch(/Built-in provider simulator serves the demo provider/);
    console.log(`demo seed: ${/"ms":(\d+)[^\n]*Seeded the demo catalogue/.exec(first.log())?.[1]} ms (informative)`);
    const seeded = createDb(embeddedUrl(), 2);
    let seededOrders = 0;
    try {
      // The demo history: a month of orders in every status, top-ups and tickets.
      seededOrders = await seeded.prisma.order.count();
      expect(seededOrders).toBeGreaterThan(250);
      // Every status (a SUBMITTING one may already have been turned UNKNOWN by the lease check).
      const statuses = (await seeded.prisma.order.groupBy({ by: ["status"], _count: { _all: true } })).map((r) => r.status);
      expect(statuses).toEqual(expect.arrayContaining(["PENDING", "UNKNOWN", "FAILED", "IN_PROGRESS", "COMPLETED", "PARTIAL", "CANCELED"]));
      expect(await seeded.prisma.topUp.count()).toBeGreaterThan(50);
      expect(await seeded.prisma.ticket.count()).toBeGreaterThan(10);
      // The jobs read it at once: delivery estimates computed, stuck orders flagged.
      await expect.poll(() => seeded.prisma.deliveryEstimate.count(), { timeout: 90_000 }).toBeGreaterThan(3);
      await expect.poll(() => seeded.prisma.order.count({ where: { stuck: true } }), { timeout: 90_000 }).toBeGreaterThan(0);
    } finally {
      await seeded.close();
    }
    // The one-time dashboard link is a secret: written to a private file, never to the log.
    await expect.poll(() => first.log(), { timeout: 60_000 }).toMatch(/Dashboard: open the one-time login link/);
    const link = readFileSync(join(dataDir, "admin-login-link.txt"), "utf8").trim();
    expect(link.startsWith(`${first.url}/admin/login?token=`)).toBe(true);
    expect(first.log()).not.toContain(new URL(link).searchParams.get("token")!);
    expect((statSync(join(dataDir, "admin-login-link.txt")).mode & 0o777).toString(8)).toBe("600");
    const server = postmasterPid();
    expect(await stop(first.child)).toBe(0);

    // The server was stopped with the app: no PostgreSQL process, no lock left.
    expect(processAlive(server)).toBe(false);
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);

    const second = await start();
    expect((await fetch(`${second.url}/healthz`)).status).toBe(200);
    expect(second.log()).not.toMatch(/Seeded the demo catalogue/);
    const db = createDb(embeddedUrl(), 2);
    try {
      expect(await db.prisma.category.count()).toBe(4);
      expect(await db.prisma.service.count()).toBeGreaterThan(5);
      expect(await db.prisma.order.count(), "a restart seeds no second history").toBe(seededOrders);
    } finally {
      await db.close();
    }
    expect(await stop(second.child)).toBe(0);
  });

  it("a second npm start on the same DATA_DIR exits at once; after a SIGKILL the next start stops the orphaned server and keeps the data", async () => {
    const first = await start();
    const before = createDb(embeddedUrl(), 2);
    await before.prisma.user.create({ data: { telegramId: 4_242_424_242n, firstName: "Nusrat", account: { create: { balance: 75 } } } });
    await before.close();

    const refused = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], { env: { PATH: process.env.PATH, DATA_DIR: dataDir, PORT: "0" }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    refused.stdout!.on("data", (d) => (out += d));
    refused.stderr!.on("data", (d) => (out += d));
    expect(await new Promise((resolve) => refused.on("exit", resolve))).toBe(1);
    expect(out).toMatch(/Another panelbot is running on this data directory/);
    expect((await fetch(`${first.url}/healthz`)).status).toBe(200); // the first one is untouched

    const orphan = postmasterPid();
    await new Promise((resolve) => {
      first.child.once("exit", resolve);
      first.child.kill("SIGKILL");
    });
    expect(processAlive(orphan)).toBe(true); // PostgreSQL outlives the killed Node process

    const next = await start();
    expect(next.log()).toMatch(/left running by an earlier panelbot that did not stop: stopping it/);
    expect(processAlive(orphan)).toBe(false);
    expect(await (await fetch(`${next.url}/healthz`)).json()).toMatchObject({ status: "ok", database: { status: "up", embedded: true } });
    const after = createDb(embeddedUrl(), 2);
    try {
      const user = await after.prisma.user.findUnique({ where: { telegramId: 4_242_424_242n }, include: { account: true } });
      expect(user?.account?.balance.toString()).toBe("75");
      expect(await after.prisma.category.count()).toBe(4);
    } finally {
      await after.close();
    }
    expect(await stop(next.child)).toBe(0);
  });

  it("with BOT_TOKEN and TELEGRAM_API_ROOT runs the bot beside the rest and answers /start over long polling", async () => {
    const api = await startFakeBotApiServer();
    try {
      const app = await start({ BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: api.apiRoot, ADMIN_IDS: "777000111" });
      const from = { id: 55501, is_bot: false, first_name: "Rahim" };
      api.telegram.pushUpdate(textUpdate(from, "/start"));
      await expect.poll(() => api.telegram.callsTo("sendMessage", from.id).length, { timeout: 60_000 }).toBeGreaterThan(0);
      expect(api.telegram.callsTo("getMe").length).toBe(1);
      const health = await (await fetch(`${app.url}/healthz`)).json();
      expect(health.telegram).toBe("enabled");
      expect(app.log()).not.toContain(TEST_TOKEN.split(":")[1]!);
      expect(await stop(app.child)).toBe(0);
    } finally {
      await api.close();
    }
  });

  it("refuses a bad configuration with a message naming the variable", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: { PATH: process.env.PATH, DATA_DIR: dataDir, PORT: "not-a-port" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let err = "";
    child.stderr!.on("data", (d) => (err += d));
    const code = await new Promise((resolve) => child.on("exit", resolve));
    expect(code).toBe(2);
    expect(err).toMatch(/PORT: must be a whole number/);
  });
});
