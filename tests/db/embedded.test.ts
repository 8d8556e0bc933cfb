// The embedded database (PGlite behind pglite-socket) and the migration runner.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../../src/db/client.js";
import { EmbeddedPostgresError, LOCK_FILE, startEmbeddedPostgres, type EmbeddedPostgres } from "../../src/db/embedded.js";
import { migrateDatabase, migrationNames, pendingMigrations } from "../../src/db/migrate.js";
import { testDatabaseUrl } from "../support/database-target.js";

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "panelbot-embedded-"));
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
  it("boots, migrates, keeps data across a restart and skips the CLI once migrated", async () => {
    const dataDir = join(tempDir(), "data");
    let first: EmbeddedPostgres | undefined;
    let second: EmbeddedPostgres | undefined;
    try {
      const [db1, firstMs] = await timed(() => startEmbeddedPostgres({ dataDir }));
      first = db1;
      expect(db1.migration?.ran).toBe(true);
      expect(db1.url).toMatch(/^postgresql:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);

      const tables = await db1.pool.query<{ t: string | null }>(`SELECT to_regclass('"Order"')::text AS t`);
      expect(tables.rows[0]?.t).toBe('"Order"');
      const applied = await db1.pool.query<{ migration_name: string }>(
        "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name",
      );
      expect(applied.rows.map((r) => r.migration_name)).toEqual(migrationNames());
      expect(migrationNames()[0]).toMatch(/_init$/);

      // A second opener — in this process or another — gets a clear error instead of a corrupted directory.
      await expect(startEmbeddedPostgres({ dataDir })).rejects.toMatchObject({
        name: "EmbeddedPostgresError",
        code: "LOCKED",
        message: expect.stringContaining("already in use"),
      });

      const { prisma } = createDb(db1.pool);
      const user = await prisma.user.create({ data: { telegramId: 777n, firstName: "Rahim", account: { create: {} } } });

      // The init migration's CHECK constraints and plpgsql trigger work on PGlite.
      await expect(prisma.account.update({ where: { userId: user.id }, data: { balance: -1 } })).rejects.toThrow(
        /Account_balance_floor/,
      );
      const account = await prisma.account.findUniqueOrThrow({ where: { userId: user.id } });
      const entry = await prisma.ledgerEntry.create({ data: { accountId: account.id, kind: "ADJUSTMENT", amount: 0, balanceAfter: 0 } });
      await expect(prisma.ledgerEntry.update({ where: { id: entry.id }, data: { note: "edited" } })).rejects.toThrow(/append-only/);

      // After those errors the one shared connection still works, also for interactive transactions with FOR UPDATE.
      const balance = await prisma.$transaction(async (tx) => {
        const rows = await tx.$queryRaw<{ balance: string }[]>`SELECT balance::text FROM "Account" WHERE id = ${account.id} FOR UPDATE`;
        await tx.account.update({ where: { id: account.id }, data: { balance: { increment: 10 } } });
        return rows[0]?.balance;
      });
      expect(balance).toBe("0.0000");
      await expect(
        prisma.$transaction(async (tx) => {
          await tx.account.update({ where: { id: account.id }, data: { balance: { increment: 90 } } });
          throw new Error("roll back");
        }),
      ).rejects.toThrow("roll back");
      expect((await prisma.account.findUniqueOrThrow({ where: { id: account.id } })).balance.toString()).toBe("10");

      // Short interactive transactions started together queue for the connection and all succeed.
      const results = await Promise.all(
        [1, 2, 3].map((i) =>
          prisma.$transaction(async (tx) => {
            await tx.$queryRaw`SELECT id FROM "Account" WHERE id = ${account.id} FOR UPDATE`;
            await tx.account.update({ where: { id: account.id }, data: { balance: { increment: 1 } } });
            return i;
          }),
        ),
      );
      expect(results).toEqual([1, 2, 3]);

      await prisma.$disconnect();
      await db1.close();
      first = undefined;
      await db1.close(); // idempotent

      // A lock left by a process that died is taken over.
      writeFileSync(join(dataDir, LOCK_FILE), JSON.stringify({ pid: deadPid(), hostname: hostname(), startedAt: "earlier" }));

      const [db2, secondMs] = await timed(() => startEmbeddedPostgres({ dataDir }));
      second = db2;
      expect(db2.migration?.ran).toBe(false);
      const again = createDb(db2.pool).prisma;
      const found = await again.user.findUnique({ where: { telegramId: 777n }, include: { account: true } });
      expect(found?.firstName).toBe("Rahim");
      expect(found?.account?.balance.toString()).toBe("13");
      await again.$disconnect();
      console.info(`[embedded] first boot ${firstMs} ms (initdb + migrate deploy), later boot ${secondMs} ms (CLI skipped)`);
    } finally {
      await first?.close();
      await second?.close();
    }
  });

  it("refuses a directory held by another live process", async () => {
    const dataDir = tempDir();
    // The parent of this test worker is alive for the whole run.
    writeFileSync(join(dataDir, LOCK_FILE), JSON.stringify({ pid: process.ppid, hostname: hostname(), startedAt: "now" }));
    const error = await startEmbeddedPostgres({ dataDir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmbeddedPostgresError);
    expect((error as EmbeddedPostgresError).code).toBe("LOCKED");
    expect((error as Error).message).toContain(`by process ${process.ppid}`);
    expect((error as Error).message).toContain(LOCK_FILE);
    // The other process's lock is left alone.
    expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), "utf8")).pid).toBe(process.ppid);
  });

  it("refuses a non-empty directory that is not a database", async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, "notes.txt"), "not a database");
    await expect(startEmbeddedPostgres({ dataDir })).rejects.toMatchObject({
      code: "NOT_A_DATA_DIR",
      message: expect.stringContaining("holds no PostgreSQL database"),
    });
  });

  it("explains a data directory from another PostgreSQL version", async () => {
    // Fake an old cluster: a real PGlite directory whose PG_VERSION says 17.
    const source = join(tempDir(), "data");
    const db = await startEmbeddedPostgres({ dataDir: source, migrate: false });
    await db.close();
    const dataDir = join(tempDir(), "old");
    mkdirSync(dataDir);
    cpSync(source, dataDir, { recursive: true });
    writeFileSync(join(dataDir, "PG_VERSION"), "17\n");

    const error = await startEmbeddedPostgres({ dataDir }).catch((e: unknown) => e);
    expect((error as EmbeddedPostgresError).code).toBe("UNREADABLE");
    expect((error as Error).message).toMatch(/initialized by PostgreSQL version 17/);
    expect((error as Error).message).toMatch(/incompatible PostgreSQL\/PGlite version/);
    // A failed start releases its lock.
    expect(() => readFileSync(join(dataDir, LOCK_FILE))).toThrow();
  });
});

describe("migrateDatabase on a PostgreSQL server", async () => {
  const admin = new URL(testDatabaseUrl());
  admin.pathname = "/postgres";
  const probe = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3000 });
  const reachable = await probe.connect().then(
    () => true,
    () => false,
  );
  afterAll(() => probe.end().catch(() => {}));

  const withDatabase = (name: string, password?: string) => {
    const u = new URL(admin.toString());
    u.pathname = `/${name}`;
    if (password) u.password = password;
    return u.toString();
  };

  it.skipIf(!reachable)("migrates a fresh database, then skips the CLI", async () => {
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

  it.skipIf(!reachable)("reports a failing migration with the CLI's message and no password", async () => {
    const name = `panelbot_migrate_${crypto.randomUUID().slice(0, 8)}`;
    await probe.query(`CREATE DATABASE "${name}"`);
    try {
      const password = "Sup3r-secret-pw";
      const url = withDatabase(name, password); // the local server trusts any password
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
