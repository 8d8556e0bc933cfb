// Shared helpers for the benchmarks: arguments, statistics, statement counting, deps.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import pg from "pg";
import { loadConfig } from "../../src/config.js";
import type { Db } from "../../src/db/client.js";
import type { Deps } from "../../src/deps.js";
import { createLogger } from "../../src/logger.js";
import { createSecretBox } from "../../src/shared/secret-box.js";

export const BENCH_SECRET = "bench-secret-key-that-is-long-enough-0001";

export interface BenchArgs {
  /** Placements per run (use-case and raw each). */
  orders: number;
  placementConcurrency: number;
  graphqlOrders: number;
  graphqlRequests: number;
  graphqlConcurrency: number;
  resellerOrders: number;
  syncOrders: number;
  syncProviders: number;
  /** Orders with news in each measured sync pass. */
  syncMoved: number;
  botCustomers: number;
  botConcurrency: number;
  stuckCycles: number;
  runs: number;
  only: Set<string> | null;
  databaseUrl: string;
  keepDatabase: boolean;
}

export const SECTIONS = ["memory", "placement", "bot", "graphql", "stuck", "sync", "fixes", "flood"] as const;

export function parseBenchArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      orders: { type: "string", default: "1000" },
      "placement-concurrency": { type: "string", default: "50" },
      "graphql-orders": { type: "string", default: "1000000" },
      "graphql-requests": { type: "string", default: "400" },
      "graphql-concurrency": { type: "string", default: "20" },
      "reseller-orders": { type: "string", default: "2000" },
      "sync-orders": { type: "string", default: "100000" },
      "sync-providers": { type: "string", default: "5" },
      "sync-moved": { type: "string", default: "500" },
      "bot-customers": { type: "string", default: "300" },
      "bot-concurrency": { type: "string", default: "50" },
      "stuck-cycles": { type: "string", default: "5" },
      runs: { type: "string", default: "3" },
      only: { type: "string" },
      "database-url": { type: "string" },
      "keep-database": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(`npm run bench -- [--orders 1000] [--placement-concurrency 50] [--graphql-orders 1000000]
  [--graphql-requests 400] [--graphql-concurrency 20] [--reseller-orders 300] [--sync-orders 100000]
  [--sync-providers 5] [--sync-moved 500] [--bot-customers 100] [--bot-concurrency 50] [--stuck-cycles 5] [--runs 3]
  [--only ${SECTIONS.join(",")}] [--database-url postgresql://postgres@127.0.0.1:5432/panelbot_bench]`);
    process.exit(0);
  }
  const int = (name: string, text: string | undefined, min = 1): number => {
    const n = Number(text);
    if (!Number.isSafeInteger(n) || n < min) {
      console.error(`--${name} must be a whole number ≥ ${min}`);
      process.exit(2);
    }
    return n;
  };
  const only = values.only ? new Set(values.only.split(",").map((s) => s.trim())) : null;
  for (const s of only ?? []) {
    if (!(SECTIONS as readonly string[]).includes(s)) {
      console.error(`--only: unknown section ${s} (${SECTIONS.join(", ")})`);
      process.exit(2);
    }
  }
  const databaseUrl = values["database-url"] ?? process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/panelbot_bench";
  const host = new URL(databaseUrl).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) {
    console.error(`The benchmark runs on a local PostgreSQL only (got host ${host})`);
    process.exit(2);
  }
  return {
    orders: int("orders", values.orders),
    placementConcurrency: int("placement-concurrency", values["placement-concurrency"]),
    graphqlOrders: int("graphql-orders", values["graphql-orders"], 1000),
    graphqlRequests: int("graphql-requests", values["graphql-requests"]),
    graphqlConcurrency: int("graphql-concurrency", values["graphql-concurrency"]),
    resellerOrders: int("reseller-orders", values["reseller-orders"]),
    syncOrders: int("sync-orders", values["sync-orders"], 100),
    syncProviders: int("sync-providers", values["sync-providers"]),
    syncMoved: int("sync-moved", values["sync-moved"]),
    botCustomers: int("bot-customers", values["bot-customers"]),
    botConcurrency: int("bot-concurrency", values["bot-concurrency"]),
    stuckCycles: int("stuck-cycles", values["stuck-cycles"]),
    runs: int("runs", values.runs),
    only,
    databaseUrl,
    keepDatabase: values["keep-database"] ?? false,
  };
}

// ---------------------------------------------------------------------------------------------
// Statistics

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}

export function latencySummary(samples: number[]): { p50: number; p95: number; p99: number; max: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s.at(-1) ?? NaN };
}

export interface Figure {
  section: string;
  name: string;
  unit: string;
  /** One value per run. */
  runs: number[];
  median: number;
  min: number;
  max: number;
  target?: string;
  /** true = meets the target, false = misses it, undefined = no target. */
  ok?: boolean;
  note?: string;
}

export function figure(section: string, name: string, unit: string, runs: number[], opts: { target?: string; check?: (median: number) => boolean; note?: string } = {}): Figure {
  const s = [...runs].sort((a, b) => a - b);
  const median = s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  return {
    section,
    name,
    unit,
    runs,
    median,
    min: s[0] ?? NaN,
    max: s.at(-1) ?? NaN,
    target: opts.target,
    ok: opts.check ? opts.check(median) : undefined,
    note: opts.note,
  };
}

export interface Unavailable {
  section: string;
  reason: string;
}

// ---------------------------------------------------------------------------------------------
// SQL statement counting: every statement, inside transactions or not, goes through Client#query
// (Pool#query checks a client out and calls it).

let statementCount = 0;
let installed = false;
export function installStatementCounter(): void {
  if (installed) return;
  installed = true;
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    statementCount += 1;
    return original.apply(this, args);
  };
}
export const statements = (): number => statementCount;

// ---------------------------------------------------------------------------------------------

export function benchDeps(db: Db, env: Record<string, string> = {}): Deps {
  const config = loadConfig({ NODE_ENV: "production", SECRET_KEY: BENCH_SECRET, LOG_LEVEL: "error", DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/x", ...env });
  return { db, config, box: createSecretBox(BENCH_SECRET), logger: createLogger("error"), now: () => new Date() };
}

/** Resident set size of a process, in MB (VmRSS), and its peak (VmHWM). */
export function rssOf(pid: number): { rssMb: number; hwmMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(status.match(new RegExp(`^${key}:\\s+(\\d+) kB`, "m"))?.[1] ?? NaN);
  return { rssMb: kb("VmRSS") / 1024, hwmMb: kb("VmHWM") / 1024 };
}

/** CPU seconds (user + system) consumed by a process so far. */
export function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // fields[11] = utime, fields[12] = stime (0-based after the state field), in clock ticks (100/s here).
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

export function loadAverage(): string {
  return readFileSync("/proc/loadavg", "utf8").trim().split(" ").slice(0, 3).join(" ");
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

/** Runs `work` for each item with at most `concurrency` in flight; collects each call's latency in ms. */
export async function drive<T>(items: readonly T[], concurrency: number, work: (item: T, worker: number) => Promise<void>): Promise<{ latencies: number[]; wallMs: number; errors: unknown[] }> {
  const latencies: number[] = [];
  const errors: unknown[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, async (_, worker) => {
      while (next < items.length) {
        const item = items[next++]!;
        const t = performance.now();
        try {
          await work(item, worker);
          latencies.push(performance.now() - t);
        } catch (error) {
          errors.push(error);
        }
      }
    }),
  );
  return { latencies, wallMs: performance.now() - started, errors };
}
