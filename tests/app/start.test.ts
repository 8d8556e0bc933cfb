import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../../src/db/client.js";
import { startEmbeddedPostgres } from "../../src/db/embedded.js";
import { startFakeBotApiServer, TEST_TOKEN, textUpdate } from "../support/bot-factories.js";

const dataDir = mkdtempSync(join(tmpdir(), "panelbot-start-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Starts `src/main.ts` as `npm start` would, on the embedded default, and waits for its URL. */
async function start(env: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string; log: () => string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const url = await new Promise<string>((resolve, reject) => {
    // A deadline for a start that hangs; a loaded machine may take many times an idle one's few seconds.
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
    child.once("exit", (code) => resolve(code));
    child.kill("SIGTERM");
  });
}

describe("npm start on the embedded default", () => {
  it("serves /healthz, says Telegram is disabled, stops cleanly on SIGTERM and keeps its data across a restart", async () => {
    const first = await start();
    const health = await (await fetch(`${first.url}/healthz`)).json();
    expect(health).toMatchObject({ status: "ok", database: { status: "up", embedded: true }, telegram: "disabled" });
    expect(first.log()).toMatch(/BOT_TOKEN is not set: Telegram is disabled/);
    expect(first.log()).toMatch(/Seeded the demo catalogue/);
    expect(first.log()).toMatch(/Built-in provider simulator serves the demo provider/);
    // The one-time dashboard link is a secret: written to a private file, never to the log.
    await expect.poll(() => first.log(), { timeout: 60_000 }).toMatch(/Dashboard: open the one-time login link/);
    const link = readFileSync(join(dataDir, "admin-login-link.txt"), "utf8").trim();
    expect(link.startsWith(`${first.url}/admin/login?token=`)).toBe(true);
    expect(first.log()).not.toContain(new URL(link).searchParams.get("token")!);
    expect((statSync(join(dataDir, "admin-login-link.txt")).mode & 0o777).toString(8)).toBe("600");
    expect(await stop(first.child)).toBe(0);

    const second = await start();
    expect((await fetch(`${second.url}/healthz`)).status).toBe(200);
    expect(second.log()).not.toMatch(/Seeded the demo catalogue/);
    expect(await stop(second.child)).toBe(0);

    const embedded = await startEmbeddedPostgres({ dataDir: join(dataDir, "postgres") });
    const db = createDb(embedded.pool);
    try {
      expect(await db.prisma.category.count()).toBe(4);
      expect(await db.prisma.service.count()).toBeGreaterThan(5);
    } finally {
      await db.prisma.$disconnect();
      await embedded.close();
    }
  }, 420_000);

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
