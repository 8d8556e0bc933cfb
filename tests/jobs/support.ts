// Helpers for the job tests: a database of their own (job processes drain every outbox item and
// sync every provider they find, so they must not see other test files' rows), and job-runner
// child processes (tests/jobs/job-process.ts) that can be SIGKILLed.
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import pg from "pg";
import { afterAll, inject } from "vitest";
import type { JobTimings } from "../../jobs/runner.js";
import { createDb, type DbHandle } from "../../src/db/client.js";
import { migrateDatabase, projectRoot } from "../../src/db/migrate.js";
import { TEST_SECRET } from "../support/deps.js";
import { processAlive } from "../../src/shared/process-alive.js";

export interface JobsDatabase {
  url: string;
  db: DbHandle;
  /** Closes the client and drops the database (call it from the file's afterAll). */
  drop(): Promise<void>;
}

/**
 * A freshly migrated database of its own on the test server. The caller drops it in afterAll;
 * databases of runs killed before that are dropped by the next call.
 */
export async function createJobsDatabase(): Promise<JobsDatabase> {
  const base = new URL(inject("databaseUrl"));
  const name = `panelbot_jobs_${process.pid}_${Date.now().toString(36)}`;
  const admin = new URL(base);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  // Databases left by runs that were killed before their afterAll (their process is gone).
  const stale = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'panelbot\\_jobs\\_%'`);
  for (const { datname } of stale.rows) {
    const pid = Number(/^panelbot_jobs_(\d+)_/.exec(datname)?.[1]);
    if (pid && !processAlive(pid)) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => {});
  }
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  await migrateDatabase(url.toString());
  const db = createDb(url.toString(), 20);
  let dropped: Promise<void> | undefined;
  const drop = () =>
    (dropped ??= (async () => {
      for (const p of live) p.kill("SIGKILL");
      await db.close();
      const c = new pg.Client({ connectionString: admin.toString() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    })());
  return { url: url.toString(), db, drop };
}


export interface JobLine {
  t: "ready" | "job" | "stopped";
  event?: "start" | "complete" | "fail";
  name?: string;
  at?: number;
  error?: string;
  store?: string;
}

export interface JobProcess {
  child: ChildProcess;
  pid: number;
  lines: JobLine[];
  output(): string;
  /** Resolves with the first line (from index `from`) matching, or rejects after `timeoutMs`. */
  waitFor(match: (l: JobLine) => boolean, timeoutMs?: number, from?: number): Promise<JobLine>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  alive(): boolean;
  kill(signal?: NodeJS.Signals): void;
}

const live = new Set<JobProcess>();
afterAll(() => {
  for (const p of live) p.kill("SIGKILL");
});

/** Starts a job-runner process on `url` with `env` (config variables) and short `timings`. */
export function spawnJobProcess(url: string, timings: Partial<JobTimings>, env: Record<string, string> = {}): JobProcess {
  const child = spawn(process.execPath, ["--import", "tsx", join("tests", "jobs", "job-process.ts")], {
    cwd: projectRoot(),
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "test",
      LOG_LEVEL: "silent",
      SECRET_KEY: TEST_SECRET,
      DATABASE_URL: url,
      JOB_TIMINGS: JSON.stringify(timings),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: JobLine[] = [];
  let out = "";
  let partial = "";
  const waiters = new Set<() => void>();
  child.stdout!.on("data", (chunk: Buffer) => {
    const text = partial + chunk.toString();
    out += chunk.toString();
    const parts = text.split("\n");
    partial = parts.pop() ?? "";
    for (const p of parts) {
      if (!p.startsWith("{")) continue;
      try {
        lines.push(JSON.parse(p) as JobLine);
      } catch {
        // not one of ours
      }
    }
    for (const w of waiters) w();
  });
  child.stderr!.on("data", (chunk: Buffer) => (out += chunk.toString()));
  let running = true;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => {
      running = false;
      live.delete(proc);
      for (const w of waiters) w();
      resolve({ code, signal });
    }),
  );
  const proc: JobProcess = {
    child,
    pid: child.pid!,
    lines,
    output: () => out,
    exited,
    alive: () => running,
    kill: (signal = "SIGKILL") => {
      if (running) child.kill(signal);
    },
    waitFor(match, timeoutMs = 20_000, from = 0) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = lines.slice(from).find(match);
          if (found) {
            done();
            resolve(found);
          } else if (!running) {
            done();
            reject(new Error(`job process ${child.pid} exited before the expected line:\n${out.slice(-3000)}`));
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`no expected line from job process ${child.pid} within ${timeoutMs} ms:\n${out.slice(-3000)}`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
  };
  live.add(proc);
  return proc;
}

/** Timings that keep every recurring job but the ones a test is about out of the way. */
export const QUIET: Partial<JobTimings> = {
  forwardEveryMs: 3_600_000,
  syncEveryMs: 3_600_000,
  stuckEveryMs: 3_600_000,
  balanceEveryMs: 3_600_000,
  notifyEveryMs: 3_600_000,
};

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The Agenda records in the PostgreSQL job store, by name. */
export async function agendaRecords(db: DbHandle): Promise<Record<string, number>> {
  const rows = await db.pool.query<{ name: string; n: string }>(`SELECT name, count(*)::text AS n FROM "agenda"."agenda_jobs" GROUP BY name`);
  return Object.fromEntries(rows.rows.map((r) => [r.name, Number(r.n)]));
}
