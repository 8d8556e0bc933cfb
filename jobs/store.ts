// Where Agenda keeps its jobs, chosen by configuration:
//   JOBS_DATABASE_URL = mongodb://…      → MongoDB (production default in docker-compose.yml)
//   JOBS_DATABASE_URL = postgresql://…   → that PostgreSQL server
//   nothing                              → the main database (DATABASE_URL, or the embedded server)
// Each PostgreSQL store gets its own small pool and wakes other instances through LISTEN/NOTIFY.
// On PostgreSQL the jobs live in their own schema (`agenda`), outside Prisma's `public`, so the
// migration drift check never sees them.
//
// Reaching the store is checked here, with a deadline, before Agenda is built: Agenda 6 connects
// from its constructor and a failure there is an unhandled rejection (and `ready` never resolves).
// The backend handed to Agenda is already connected; its `connect()` resolves at once.
import type { MongoBackend } from "@agendajs/mongo-backend";
import { PostgresBackend, getCreateIndexesSQL, getCreateTableSQL, getUpdateTimestampTriggerSQL } from "@agendajs/postgres-backend";
import type { AgendaBackend, JobRepository } from "agenda";
import pg from "pg";
import type { Config } from "../src/config.js";
import { redactUrl } from "../src/db/migrate.js";
import type { Logger } from "../src/logger.js";
import { AGENDA_MONGO_COLLECTION, AGENDA_PG_SCHEMA, AGENDA_PG_TABLE } from "./names.js";

export type JobStoreKind = "mongodb" | "postgres";

export interface JobStore {
  kind: JobStoreKind;
  /** Where, for logs (no password). */
  where: string;
  /** Connected; hand it to Agenda. */
  backend: AgendaBackend;
  /** Closes what this module opened. Idempotent. */
  close(): Promise<void>;
}

export interface OpenJobStoreOptions {
  config: Config;
  logger: Logger;
  /** The main database's URL when the configuration has none (the embedded default). */
  databaseUrl?: string;
  /** How long reaching the store may take at start (default 5 s). */
  connectTimeoutMs?: number;
}

/** The job store cannot be reached or prepared at start. The message says what to check. */
export class JobStoreError extends Error {
  override readonly name = "JobStoreError";
}

const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;

export function isMongoUrl(url: string | undefined): url is string {
  return !!url && /^mongodb(\+srv)?:\/\//.test(url);
}

export async function openJobStore(options: OpenJobStoreOptions): Promise<JobStore> {
  const { config } = options;
  const timeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const url = config.JOBS_DATABASE_URL;
  if (isMongoUrl(url)) return openMongo(url, timeoutMs, options.logger);
  if (url) return openPostgresServer(url, "JOBS_DATABASE_URL", timeoutMs, options.logger);
  if (config.DATABASE_URL) return openPostgresServer(config.DATABASE_URL, "DATABASE_URL", timeoutMs, options.logger);
  if (!options.databaseUrl) throw new JobStoreError("No job store: set DATABASE_URL or JOBS_DATABASE_URL (or pass the embedded database's URL to startJobs)");
  return openPostgresServer(options.databaseUrl, "the embedded database in DATA_DIR", timeoutMs, options.logger);
}

/** Runs `work` with a deadline; on failure or timeout throws a JobStoreError naming the store and the variable to check. */
async function reach<T>(what: string, hint: string, timeoutMs: number, work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${Math.round(timeoutMs / 100) / 10} s`)), timeoutMs);
    timer.unref();
  });
  const attempt = work();
  attempt.catch(() => {}); // a late failure after the deadline is not an unhandled rejection
  try {
    return await Promise.race([attempt, deadline]);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new JobStoreError(`Cannot reach the job store (${what}): ${reason}. ${hint}`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

/**
 * The backend quotes its table name as `"${tableName}"` in every statement (checked in
 * @agendajs/postgres-backend 3.0.6, pinned), so `agenda"."agenda_jobs` makes every statement use
 * `"agenda"."agenda_jobs"` without touching the connection's search_path (which Prisma's raw
 * queries rely on). The backend's own schema
 * creation is off (it would create unqualified index names, and two instances starting together
 * race on it); `prepareSchema` creates the same objects under an advisory lock instead.
 */
const QUALIFIED_TABLE = `${AGENDA_PG_SCHEMA}"."${AGENDA_PG_TABLE}`;
const SCHEMA_LOCK_KEY = 7_310_624_466; // any constant: serialises schema creation between instances

/** Creates the `agenda` schema, the jobs table, its indexes and trigger (idempotent, one instance at a time). */
async function prepareSchema(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [SCHEMA_LOCK_KEY]);
    const [exists] = (await client.query<{ ok: boolean }>("SELECT to_regclass($1) IS NOT NULL AS ok", [`"${AGENDA_PG_SCHEMA}"."${AGENDA_PG_TABLE}"`])).rows;
    if (!exists?.ok) {
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${AGENDA_PG_SCHEMA}"`);
      // Unqualified DDL from the backend lands in the agenda schema for this transaction only.
      await client.query(`SET LOCAL search_path TO "${AGENDA_PG_SCHEMA}"`);
      await client.query(getCreateTableSQL(AGENDA_PG_TABLE));
      for (const sql of getCreateIndexesSQL(AGENDA_PG_TABLE)) await client.query(sql);
      await client.query(getUpdateTimestampTriggerSQL(AGENDA_PG_TABLE));
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

function postgresBackend(pool: pg.Pool, notifications: boolean): PostgresBackend {
  return new PostgresBackend({ pool, tableName: QUALIFIED_TABLE, ensureSchema: false, disableNotifications: !notifications });
}

async function openPostgresServer(url: string, variable: string, timeoutMs: number, logger: Logger): Promise<JobStore> {
  const where = `PostgreSQL ${redactUrl(url)}, schema "${AGENDA_PG_SCHEMA}"`;
  // Its own small pool: the LISTEN connection and the scans never wait behind the app's queries.
  const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: timeoutMs, application_name: "panelbot-jobs" });
  pool.on("error", (error) => logger.warn({ err: error.message }, "Job store connection dropped"));
  const backend = postgresBackend(pool, true);
  try {
    await reach(where, `Check ${variable} and that the server is running.`, timeoutMs, async () => {
      await prepareSchema(pool);
      await backend.connect();
    });
  } catch (error) {
    await pool.end().catch(() => {});
    throw error;
  }
  let closing: Promise<void> | undefined;
  return { kind: "postgres", where, backend: connected(backend), close: () => (closing ??= pool.end().catch(() => {})) };
}

// ---------------------------------------------------------------------------------------------
// MongoDB

async function openMongo(url: string, timeoutMs: number, logger: Logger): Promise<JobStore> {
  const where = `MongoDB ${redactUrl(url)}`;
  // Loaded only when used: the driver alone costs about a second of start-up.
  const [{ MongoClient }, { MongoBackend }] = await Promise.all([import("mongodb"), import("@agendajs/mongo-backend")]);
  // Our own client, so that an unreachable server fails within timeoutMs (the driver's default
  // server selection waits 30 s) and the process can exit cleanly.
  const client = new MongoClient(url, { serverSelectionTimeoutMS: timeoutMs, connectTimeoutMS: timeoutMs, appName: "panelbot-jobs" });
  let backend: MongoBackend | undefined;
  try {
    await reach(where, "Check JOBS_DATABASE_URL and that MongoDB is running.", timeoutMs + 1_000, async () => {
      await client.connect();
      const db = client.db();
      await db.command({ ping: 1 });
      const collection = db.collection(AGENDA_MONGO_COLLECTION);
      // Agenda upserts a recurring job by name without a unique index: two instances starting
      // together could each insert one. This partial unique index makes the second upsert fail
      // (retried by the runner) instead.
      await collection.createIndex({ name: 1 }, { name: "panelbot_single_job_name", unique: true, partialFilterExpression: { type: "single" } });
      backend = new MongoBackend({ mongo: db, collection: AGENDA_MONGO_COLLECTION });
      await backend.connect(); // Agenda's own index on the collection
    });
  } catch (error) {
    await client.close().catch(() => {});
    throw error;
  }
  client.on("error", (error) => logger.warn({ err: error.message }, "Job store (MongoDB) error"));
  let closing: Promise<void> | undefined;
  return { kind: "mongodb", where, backend: connected(backend!), close: () => (closing ??= client.close().catch(() => {})) };
}

// ---------------------------------------------------------------------------------------------

/**
 * The backend as Agenda should see it: already connected (Agenda's constructor calls `connect()`
 * again and would leave a failure unhandled), never closing what it does not own, and with the
 * one repository call Agenda makes without awaiting it (`unlockJob`) unable to become an
 * unhandled rejection when the store hiccups.
 */
function connected(backend: AgendaBackend): AgendaBackend {
  const repository = backend.repository as JobRepository & { unlockJob(job: unknown): Promise<void> };
  const unlock = repository.unlockJob.bind(repository);
  repository.unlockJob = async (job) => {
    try {
      await unlock(job as never);
    } catch {
      // The lock then simply expires after the job's lock lifetime.
    }
  };
  return {
    name: backend.name,
    repository,
    notificationChannel: backend.notificationChannel,
    logger: backend.logger,
    ownsConnection: false,
    connect: async () => {},
    disconnect: async () => {},
  };
}
