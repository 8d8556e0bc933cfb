// Embedded PostgreSQL for trying the product without a server: PGlite (PostgreSQL 18 compiled to
// WASM, running inside this process) persisted under `dataDir`, served on 127.0.0.1 by
// pglite-socket so that node-postgres, Prisma's adapter and the Prisma CLI can reach it by URL.
//
// ONE CONNECTION ONLY. Everything in the process must share the returned `pool` (`max: 1`).
// What pglite-socket 0.2.17 does with a second client connection (read from its source and checked):
// - It *rejects* it, it does not queue it: the server is created with `maxConnections: 1`, which
//   sets Node's `net.Server#maxConnections`, so Node destroys the extra socket at once and the
//   client sees "Connection terminated unexpectedly" (if the socket slipped past Node, the handler
//   writes a bare "Too many connections" — not a protocol message — and closes it).
// - With `maxConnections > 1` it accepts them, but its query queue serialises individual protocol
//   *messages*, not whole Parse/Bind/Execute…Sync sequences: two clients using the extended
//   protocol interleave (one client's Bind hits the other's unnamed statement, an error makes the
//   backend skip the other client's messages until Sync). Only explicit transactions are kept
//   together. That is the "protocol corruption", so it stays at one connection.
// - A freed slot is released a tick after the socket closes (setImmediate), so a new connection
//   opened immediately after another one closed can still be rejected: this file waits for the
//   server to report no active connection before handing over (after the migration CLI exits) and
//   the pool never drops its idle connection (`idleTimeoutMillis: 0`).
// - The port is bound to 127.0.0.1 and accepts any user name without a password.
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, statSync, unlinkSync, writeSync } from "node:fs";
import { createRequire } from "node:module";
import { hostname } from "node:os";
import { dirname, join, resolve } from "node:path";
import pg from "pg";
import type { Logger } from "../logger.js";
import { migrateDatabase, type MigrateResult } from "./migrate.js";

export type EmbeddedLogger = Pick<Logger, "debug" | "info" | "warn">;

export interface EmbeddedPostgresOptions {
  /** Directory holding the database files; created when missing. */
  dataDir: string;
  logger?: EmbeddedLogger;
  /** Port on 127.0.0.1; default 0 = any free port. */
  port?: number;
  /** Apply prisma/migrations at start (default true). */
  migrate?: boolean;
}

export interface EmbeddedPostgres {
  /** postgresql://postgres@127.0.0.1:<port>/postgres — only one connection at a time is accepted. */
  url: string;
  /** The one connection (`max: 1`). Pass it to `createDb(pool)` and everything else that needs the database. */
  pool: pg.Pool;
  /** Absolute path of the data directory. */
  dataDir: string;
  /** What the start-up migration did (undefined when `migrate: false`). */
  migration: MigrateResult | undefined;
  /** Ends the pool (if the caller has not), stops the socket server, shuts PGlite down (flushing it) and releases the lock. Idempotent. */
  close(): Promise<void>;
}

export type EmbeddedPostgresErrorCode = "LOCKED" | "NOT_A_DATA_DIR" | "UNREADABLE" | "START_FAILED";

export class EmbeddedPostgresError extends Error {
  override readonly name = "EmbeddedPostgresError";
  constructor(
    readonly code: EmbeddedPostgresErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const LOCK_FILE = "panelbot.lock";
const IDLE_WAIT_MS = 5_000;
const RECONNECT_WINDOW_MS = 2_000;

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const { logger, port = 0, migrate = true } = options;
  const dataDir = resolve(options.dataDir);
  const started = performance.now();

  if (existsSync(dataDir) && !statSync(dataDir).isDirectory()) {
    throw new EmbeddedPostgresError("NOT_A_DATA_DIR", `The embedded database path ${dataDir} is not a directory.`);
  }
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw new EmbeddedPostgresError("START_FAILED", `Cannot create the embedded database directory ${dataDir}: ${(error as Error).message}`, {
      cause: error,
    });
  }

  const lock = acquireLock(dataDir);
  const cleanups: Array<() => Promise<void> | void> = [() => lock.release()];
  const unwind = async () => {
    for (const fn of cleanups.reverse()) await Promise.resolve().then(fn).catch(() => {});
  };

  try {
    const firstBoot = checkDataDir(dataDir);
    const db = await openPglite(dataDir, firstBoot, logger);
    cleanups.push(() => db.close());

    const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port, maxConnections: 1 });
    try {
      await server.start();
    } catch (error) {
      throw new EmbeddedPostgresError(
        "START_FAILED",
        `Cannot serve the embedded database on 127.0.0.1:${port}: ${(error as Error).message}`,
        { cause: error },
      );
    }
    cleanups.push(() => server.stop());
    const url = `postgresql://postgres@${server.getServerConn()}/postgres`;
    const booted = performance.now();

    const migration = migrate ? await migrateDatabase(url, { logger }) : undefined;
    // The migration CLI's (or the check's) connection must be gone before the pool connects.
    await waitForNoConnections(server);

    const pool = createSingleConnectionPool(url, logger);
    cleanups.push(() => pool.end().catch(() => {}));
    await pool.query("SELECT 1");

    logger?.info(
      {
        dataDir,
        url,
        firstBoot,
        bootMs: Math.round(booted - started),
        migrateMs: migration?.durationMs,
        migrationsRan: migration?.ran,
        totalMs: Math.round(performance.now() - started),
      },
      "embedded PostgreSQL ready (one shared connection)",
    );

    let closing: Promise<void> | undefined;
    const close = () =>
      (closing ??= (async () => {
        await pool.end().catch(() => {}); // the caller may have ended it already
        await waitForNoConnections(server).catch(() => {});
        await server.stop();
        await db.close();
        lock.release();
        logger?.debug({ dataDir }, "embedded PostgreSQL closed");
      })());

    return { url, pool, dataDir, migration, close };
  } catch (error) {
    await unwind();
    throw error;
  }
}

/**
 * A `pg.Pool` with one connection that survives SQL errors and reconnects despite pglite-socket's
 * one-connection limit.
 * - Stock `pool.query` *destroys* its connection after any query error (even a constraint violation);
 *   the replacement at once is then usually refused because the server frees the old slot only a tick
 *   later ("Connection terminated unexpectedly"). Prisma runs every non-transaction query through
 *   `pool.query`, so a unique violation would break the next query. Here a server-reported error
 *   keeps the connection when it is back to idle (no transaction left open or aborted).
 * - `connect()` retries for a moment when a new connection is refused that way.
 */
function createSingleConnectionPool(url: string, logger: EmbeddedLogger | undefined): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 1, idleTimeoutMillis: 0 });
  pool.on("error", (error) => logger?.warn({ err: error.message }, "embedded database connection dropped"));

  const baseConnect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  const connectWithRetry = async (): Promise<pg.PoolClient> => {
    const deadline = Date.now() + RECONNECT_WINDOW_MS;
    for (;;) {
      try {
        return await baseConnect();
      } catch (error) {
        const refused = /Connection terminated unexpectedly|ECONNRESET/.test((error as Error)?.message ?? "");
        if (!refused || Date.now() > deadline || pool.ending) throw error;
        await new Promise((r) => setTimeout(r, 10));
      }
    }
  };
  type Callback<T> = (err: Error | undefined, value?: T, done?: () => void) => void;
  const patched = pool as unknown as Record<"connect" | "query", unknown>;
  patched.connect = (callback?: Callback<pg.PoolClient>) => {
    if (!callback) return connectWithRetry();
    connectWithRetry().then(
      (client) => callback(undefined, client, () => client.release()),
      (error: Error) => callback(error),
    );
    return undefined;
  };

  const baseQuery = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  const runQuery = async (config: unknown, values: unknown): Promise<pg.QueryResult> => {
    const client = await connectWithRetry();
    try {
      const result = await (client.query as (c: unknown, v: unknown) => Promise<pg.QueryResult>)(config, values);
      client.release();
      return result;
    } catch (error) {
      const keep =
        error instanceof pg.DatabaseError &&
        error.severity !== "FATAL" &&
        error.severity !== "PANIC" &&
        client.getTransactionStatus() === "I";
      client.release(keep ? undefined : (error as Error));
      throw error;
    }
  };
  patched.query = (config: unknown, values?: unknown, callback?: unknown) => {
    if (typeof values === "function") {
      callback = values;
      values = undefined;
    }
    if (config && typeof (config as { submit?: unknown }).submit === "function") return baseQuery(config, values, callback);
    const promise = runQuery(config, values);
    if (typeof callback !== "function") return promise;
    const cb = callback as Callback<pg.QueryResult>;
    promise.then(
      (result) => cb(undefined, result),
      (error: Error) => cb(error),
    );
    return undefined;
  };
  return pool;
}

/** Whether the directory is a fresh one (true) or an existing database (false); throws when it is neither. */
function checkDataDir(dataDir: string): boolean {
  const entries = readdirSync(dataDir).filter((e) => e !== LOCK_FILE);
  if (entries.length === 0) return true;
  if (!existsSync(join(dataDir, "PG_VERSION"))) {
    throw new EmbeddedPostgresError(
      "NOT_A_DATA_DIR",
      `${dataDir} is not empty and holds no PostgreSQL database (no PG_VERSION file). ` +
        "Point the embedded database (DATA_DIR) at an empty or new directory.",
    );
  }
  return false;
}

async function openPglite(dataDir: string, firstBoot: boolean, logger: EmbeddedLogger | undefined): Promise<PGlite> {
  const messages: string[] = [];
  const collect = (text: string) => {
    for (const line of text.split("\n")) {
      const clean = line.replace(/^\d{4}-\d\d-\d\d [\d:.]+ \w+ \[\d+\] /, "").trim();
      if (!clean) continue;
      if (messages.length >= 200) messages.shift();
      messages.push(clean);
    }
    return false;
  };
  try {
    const db = await PGlite.create({ dataDir, onStderr: collect });
    logger?.debug({ dataDir, firstBoot }, "PGlite opened");
    return db;
  } catch (error) {
    if (firstBoot) {
      // Leave no half-initialised cluster behind: the directory held nothing but our lock before.
      for (const entry of readdirSync(dataDir)) if (entry !== LOCK_FILE) rmSync(join(dataDir, entry), { recursive: true, force: true });
    }
    const reasons = messages.filter((m) => /^(FATAL|PANIC|ERROR|DETAIL|HINT):/.test(m));
    const pgVersion = readPgVersion(dataDir);
    const why = reasons.length > 0 ? reasons.join("\n") : (error as Error)?.message ?? String(error);
    const what = firstBoot
      ? `Could not create the embedded database in ${dataDir}`
      : `Could not open the embedded database in ${dataDir}` +
        (pgVersion ? ` (created by PostgreSQL ${pgVersion}; this build embeds PGlite ${pgliteVersion()})` : "");
    throw new EmbeddedPostgresError(
      "UNREADABLE",
      `${what}:\n${why}\n` +
        (firstBoot
          ? "Check the directory is writable and has free space."
          : "The directory is damaged or from an incompatible PostgreSQL/PGlite version. Keep it aside (rename it) if its data matters, " +
            "then start again with an empty directory to get a fresh database."),
      { cause: error },
    );
  }
}

/** The installed PGlite version, for messages. */
function pgliteVersion(): string {
  try {
    // Its package.json is not exported; read it next to the resolved entry point (dist/).
    const entry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
    return (JSON.parse(readFileSync(join(dirname(entry), "..", "package.json"), "utf8")) as { version?: string }).version ?? "unknown";
  } catch {
    return "unknown";
  }
}

function readPgVersion(dataDir: string): string | undefined {
  try {
    return readFileSync(join(dataDir, "PG_VERSION"), "utf8").trim();
  } catch {
    return undefined;
  }
}

async function waitForNoConnections(server: PGLiteSocketServer): Promise<void> {
  const deadline = Date.now() + IDLE_WAIT_MS;
  while (server.getStats().activeConnections > 0) {
    if (Date.now() > deadline) {
      throw new EmbeddedPostgresError(
        "START_FAILED",
        "Another client is still connected to the embedded database; it accepts one connection at a time.",
      );
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

interface LockInfo {
  pid: number;
  hostname: string;
  startedAt: string;
}

/**
 * An exclusive lock file with this process's pid. PGlite itself does not stop a second process from
 * opening the same directory (its postmaster.pid holds a fake pid), and two writers would corrupt it.
 */
function acquireLock(dataDir: string): { release(): void } {
  const path = join(dataDir, LOCK_FILE);
  const mine: LockInfo = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString() };
  const body = JSON.stringify(mine);

  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, "wx");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
        throw new EmbeddedPostgresError("START_FAILED", `Cannot create the lock file ${path}: ${(error as Error).message}`, { cause: error });
      }
      const raw = safeRead(path);
      const holder = parseLock(raw);
      if (holder && isStale(holder)) {
        // Left behind by a process that died without closing; PostgreSQL recovers the data from its WAL.
        if (safeRead(path) === raw) safeUnlink(path);
        continue;
      }
      throw new EmbeddedPostgresError(
        "LOCKED",
        `The embedded database in ${dataDir} is already in use` +
          (holder?.pid === process.pid && holder.hostname === mine.hostname
            ? ` by this very process (pid ${holder.pid}, since ${holder.startedAt}): close the first instance before starting another`
            : holder
              ? ` by process ${holder.pid}${holder.hostname !== mine.hostname ? ` on ${holder.hostname}` : ""} (since ${holder.startedAt})`
              : "") +
          ". Only one process may open it: stop the other one, or use another directory. " +
          `If no such process is running, delete ${path}.`,
      );
    }
    try {
      writeSync(fd, body);
    } finally {
      closeSync(fd);
    }
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      process.off("exit", release);
      if (parseLock(safeRead(path))?.pid === process.pid) safeUnlink(path);
    };
    process.on("exit", release);
    return { release };
  }
  throw new EmbeddedPostgresError("LOCKED", `Could not take the lock ${path}: another process keeps taking it.`);
}

function parseLock(raw: string | undefined): LockInfo | undefined {
  if (!raw) return undefined;
  try {
    const v = JSON.parse(raw) as Partial<LockInfo>;
    if (typeof v.pid === "number" && typeof v.hostname === "string") return { pid: v.pid, hostname: v.hostname, startedAt: String(v.startedAt) };
  } catch {
    // unreadable lock: treated as held
  }
  return undefined;
}

function isStale(holder: LockInfo): boolean {
  if (holder.hostname !== hostname()) return false; // cannot check another machine's processes
  if (holder.pid === process.pid) return false; // this process already has it open
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

function safeRead(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

function safeUnlink(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}
