// Applies the committed migrations (prisma/migrations) by running `prisma migrate deploy`.
//
// - The CLI runs as an asynchronous child process, so the start-up is not blocked while it works.
// - It runs at every start and before the tests, so it is skipped entirely when the
//   `_prisma_migrations` table already records every migration folder as applied and none failed.
// - Prisma 6.19's JS schema engine leaves 10 s / 60 s timers armed, so the CLI lingers after it
//   has finished. The success line is printed only after the engine has applied the migrations
//   and been stopped, so once that line is seen the child is ended instead of waited for.
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import type { Logger } from "../logger.js";

export type MigrateLogger = Pick<Logger, "debug" | "info" | "warn">;

export interface MigrateOptions {
  logger?: MigrateLogger;
  /** Gives up (and ends the CLI) after this long. Default 5 minutes. */
  timeoutMs?: number;
}

export interface MigrateResult {
  /** False when every migration was already applied and the CLI was not run. */
  ran: boolean;
  /** Migrations that were pending before this call (applied now when `ran`). */
  applied: string[];
  durationMs: number;
}

export interface MigrationState {
  /** Whether `_prisma_migrations` exists yet. */
  tableExists: boolean;
  /** Migration folders recorded as finished (and not rolled back). */
  applied: string[];
  /** Migration folders with no finished record. */
  pending: string[];
  /** Migrations recorded as started but never finished nor rolled back (`migrate deploy` refuses to continue; P3009). */
  failed: string[];
}

/** `prisma migrate deploy` prints one of these as its last line when it succeeded. */
const SUCCESS_LINES = [/All migrations have been successfully applied\./, /No pending migrations to apply\./];
/** Lines the CLI prints on every run; left out of error messages. */
const NOISE_LINES = [
  /^Loaded Prisma config from/,
  /^Prisma config detected, skipping environment variable loading\.$/,
  /^Prisma schema loaded from/,
  /^Datasource "[^"]*":/,
  /^WARNING: Your schema specifies the following datasource properties but you are using a Driver Adapter/,
  /^- url$/,
  /^The values from your schema will NOT be used!$/,
  /^We recommend you to remove those properties from your schema/,
];
const GRACE_AFTER_SUCCESS_MS = 150;
const MAX_CAPTURE = 256 * 1024;

let cachedRoot: string | undefined;

/** The project root (the directory holding prisma.config.ts), found from this file whatever the cwd. */
export function projectRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "prisma.config.ts")) && existsSync(join(dir, "package.json"))) return (cachedRoot = dir);
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Cannot find the project root (prisma.config.ts) above ${dirname(fileURLToPath(import.meta.url))}`);
    dir = parent;
  }
}

/** Committed migration folder names, in the order Prisma applies them. */
export function migrationNames(): string[] {
  const dir = join(projectRoot(), "prisma", "migrations");
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort();
}

/** The URL with its password replaced, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "<unparseable database URL>";
  }
}

function redact(text: string, url: string): string {
  let out = text.replace(/(postgres(?:ql)?:\/\/[^:\s/@]*:)[^@\s]*@/gi, "$1***@");
  let password = "";
  try {
    password = new URL(url).password;
  } catch {
    // unparseable: only the generic pattern applies
  }
  if (password) {
    for (const secret of new Set([password, safeDecode(password)])) {
      if (secret.length > 0) out = out.split(secret).join("***");
    }
  }
  return out;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function parseUrl(url: string): URL {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error("Database URL is not a valid URL (expected postgresql://user@host:port/database)");
  }
  if (!/^postgres(ql)?:$/.test(u.protocol)) {
    throw new Error(`Database URL must start with postgresql:// (got ${u.protocol}//…)`);
  }
  return u;
}

const quoteIdent = (s: string) => `"${s.replaceAll('"', '""')}"`;

/**
 * Which committed migrations the database at `url` has applied. Throws when the database cannot be
 * reached or queried.
 */
export async function pendingMigrations(url: string): Promise<MigrationState> {
  const schema = parseUrl(url).searchParams.get("schema") || "public";
  const names = migrationNames();
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on("error", () => {
    // a dropped connection surfaces through the pending query instead
  });
  await client.connect();
  try {
    const found = await client.query<{ t: string | null }>("SELECT to_regclass($1)::text AS t", [
      `${quoteIdent(schema)}."_prisma_migrations"`,
    ]);
    if (!found.rows[0]?.t) return { tableExists: false, applied: [], pending: names, failed: [] };
    const rows = await client.query<{ migration_name: string; finished: boolean; rolled_back: boolean }>(
      `SELECT migration_name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back
         FROM ${quoteIdent(schema)}."_prisma_migrations"`,
    );
    const done = new Set(rows.rows.filter((r) => r.finished && !r.rolled_back).map((r) => r.migration_name));
    const failed = [
      ...new Set(rows.rows.filter((r) => !r.finished && !r.rolled_back && !done.has(r.migration_name)).map((r) => r.migration_name)),
    ];
    return {
      tableExists: true,
      applied: names.filter((n) => done.has(n)),
      pending: names.filter((n) => !done.has(n)),
      failed,
    };
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Brings the database at `url` up to date with prisma/migrations. Skips the CLI when nothing is
 * pending. Throws an Error carrying the CLI's error text (never the URL's password) on failure.
 */
export async function migrateDatabase(url: string, options: MigrateOptions = {}): Promise<MigrateResult> {
  const { logger, timeoutMs = 300_000 } = options;
  const started = performance.now();
  parseUrl(url);

  let pending: string[] = [];
  try {
    const state = await pendingMigrations(url);
    pending = state.pending;
    if (state.pending.length === 0 && state.failed.length === 0) {
      const durationMs = Math.round(performance.now() - started);
      logger?.debug({ migrations: state.applied.length, durationMs }, "database schema is up to date");
      return { ran: false, applied: [], durationMs };
    }
    if (state.failed.length > 0) {
      logger?.warn({ failed: state.failed }, "a previous migration failed; running prisma migrate deploy to report it");
    }
  } catch (error) {
    // Let the CLI try and report what is wrong in its own words (unreachable server, missing database…).
    logger?.debug({ err: redact(String((error as Error)?.message ?? error), url) }, "could not read _prisma_migrations");
    pending = migrationNames();
  }

  logger?.info({ pending, database: redactUrl(url) }, "applying database migrations");
  const output = await runMigrateDeploy(url, timeoutMs);
  const durationMs = Math.round(performance.now() - started);
  logger?.info({ durationMs }, "database migrations applied");
  logger?.debug({ output }, "prisma migrate deploy output");
  return { ran: true, applied: pending, durationMs };
}

async function runMigrateDeploy(url: string, timeoutMs: number): Promise<string> {
  const root = projectRoot();
  const cli = createRequire(join(root, "package.json")).resolve("prisma/build/index.js");
  const child = spawn(process.execPath, [cli, "migrate", "deploy"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: url,
      CHECKPOINT_DISABLE: "1",
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      NO_COLOR: "1",
      FORCE_COLOR: "0",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });

  let stdout = "";
  let stderr = "";
  let succeeded = false;
  let timedOut = false;
  let graceTimer: NodeJS.Timeout | undefined;

  const onSuccessLine = () => {
    if (succeeded) return;
    succeeded = true;
    // The engine has applied everything and been stopped; don't wait for its lingering timers.
    graceTimer = setTimeout(() => child.kill("SIGTERM"), GRACE_AFTER_SUCCESS_MS);
  };
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    if (stdout.length < MAX_CAPTURE) stdout += chunk;
    if (SUCCESS_LINES.some((re) => re.test(stripAnsi(stdout)))) onSuccessLine();
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    if (stderr.length < MAX_CAPTURE) stderr += chunk;
  });

  const timeout = setTimeout(() => {
    timedOut = true;
    child.kill("SIGKILL");
  }, timeoutMs);

  const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; spawnError?: Error }>((resolve) => {
    child.once("error", (spawnError) => resolve({ code: null, signal: null, spawnError }));
    child.once("close", (code, signal) => resolve({ code, signal }));
  });
  clearTimeout(timeout);
  clearTimeout(graceTimer);

  const out = redact(stripAnsi(stdout), url);
  const err = redact(stripAnsi(stderr), url);
  if (exit.spawnError) {
    throw new Error(`Could not run the Prisma CLI (${cli}): ${exit.spawnError.message}`);
  }
  if (succeeded || (exit.code === 0 && !timedOut)) return `${out}${err}`.trim();

  const detail = errorText(err, out) || "(no output)";
  const how = timedOut ? `timed out after ${timeoutMs} ms` : exit.code !== null ? `exit code ${exit.code}` : `killed by ${exit.signal}`;
  throw new Error(`Database migration failed (prisma migrate deploy on ${redactUrl(url)}, ${how}):\n${detail}`);
}

function errorText(stderr: string, stdout: string): string {
  const clean = (text: string) =>
    text
      .split("\n")
      .map((l) => l.trimEnd())
      .filter((l) => !NOISE_LINES.some((re) => re.test(l.trim())))
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim();
  // The schema engine appends a Rust span trace ("   0: sql_schema_connector::…"); it adds nothing for a reader.
  const dropTrace = (text: string) => text.split(/\n\s+0: /)[0]!.trim();
  const fromStderr = dropTrace(clean(stderr));
  if (fromStderr) return fromStderr;
  return clean(stdout).split("\n").slice(-30).join("\n");
}

function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, "");
}
