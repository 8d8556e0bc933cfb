// npm run bench -- [--orders 5000] [--graphql-orders 1000000] [--sync-orders 100000] [--runs 3] [--only placement,graphql]
// Measures panelbot on the local PostgreSQL server next to hand-written SQL doing the same work;
// prints a table and writes bench/results/latest.json. See README "Benchmarks".
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadAverage, log, parseBenchArgs, type Figure, type Unavailable } from "./lib/common.js";
import { dropBenchDatabase, prepareBenchDatabase } from "./lib/database.js";
import { printTable } from "./lib/table.js";

const args = parseBenchArgs(process.argv.slice(2));
const want = (s: string) => !args.only || args.only.has(s);
const figures: Figure[] = [];
const unavailable: Unavailable[] = [];
const extra: Record<string, unknown> = {};
const started = Date.now();
const loadBefore = loadAverage();

async function section(name: string, fn: () => Promise<Figure[]>): Promise<void> {
  log(`— ${name} —`);
  const t = Date.now();
  try {
    figures.push(...(await fn()));
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0]! : String(error);
    unavailable.push({ section: name, reason });
    log(`${name}: not available: ${reason}`);
    if (process.env.BENCH_DEBUG) console.error(error);
  }
  log(`${name} took ${((Date.now() - t) / 1000).toFixed(1)} s (load ${loadAverage()})`);
}

/** Imports a section module; a missing or broken dependency (another part still being built) makes the section unavailable, not the run. */
async function load<T>(path: string): Promise<T> {
  return (await import(path)) as T;
}

let url = "";
if (["placement", "bot", "graphql", "stuck", "sync", "fixes"].some(want)) {
  url = await prepareBenchDatabase(args.databaseUrl, args.graphqlOrders);
}

if (want("memory")) {
  await section("6 memory (npm start, idle)", async () => (await load<typeof import("./sections/memory.js")>("./sections/memory.js")).benchIdleMemory(args));
}
if (want("flood")) {
  await section("7 flood (48 × 20 MiB POST /graphql)", async () => (await load<typeof import("./sections/flood.js")>("./sections/flood.js")).benchFlood(args));
}
if (want("placement")) {
  await section("1 placement", async () => (await load<typeof import("./sections/placement.js")>("./sections/placement.js")).benchPlacement(url, args));
}
if (want("bot")) {
  await section("2 bot", async () => (await load<typeof import("./sections/bot.js")>("./sections/bot.js")).benchBot(url, args));
}
if (want("graphql")) {
  await section("3 graphql", async () => (await load<typeof import("./sections/graphql.js")>("./sections/graphql.js")).benchGraphQL(url, args, extra));
}
if (want("stuck")) {
  await section("5 stuck detection", async () => (await load<typeof import("./sections/stuck.js")>("./sections/stuck.js")).benchStuck(url, args, extra));
}
if (want("fixes")) {
  await section("proposed fixes (bench database only)", async () => (await load<typeof import("./sections/fixes.js")>("./sections/fixes.js")).benchFixes(url, args, extra));
}

if (want("sync")) {
  await section("4 status sync", async () => (await load<typeof import("./sections/sync.js")>("./sections/sync.js")).benchSync(url, args, extra));
}
const result = {
  finishedAt: new Date().toISOString(),
  durationSeconds: Math.round((Date.now() - started) / 1000),
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
  load: { before: loadBefore, after: loadAverage() },
  args: { ...args, only: args.only ? [...args.only] : null },
  figures,
  unavailable,
  details: extra,
};
printTable(figures, unavailable, result);
const out = join(dirname(fileURLToPath(import.meta.url)), "results", "latest.json");
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
console.log(`\nwritten to ${out}`);
if (url && !args.keepDatabase) await dropBenchDatabase(url).catch(() => {});
process.exit(0);
