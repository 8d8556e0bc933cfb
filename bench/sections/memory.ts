// 6. Memory: `npm start` (tsx) and `npm run start:prod` (node dist/main.js) on the embedded default
// (no DATABASE_URL, a temporary DATA_DIR), idle after /healthz answers: 5 s after it (V8 still holds
// its start-up memory) and 30 s after it (settled: the idle figure). npm starts a shell that
// starts node: the Node figure is the RSS of the process that owns the listening socket (found
// through /proc), not of npm. Beside it, the embedded PostgreSQL's processes (postmaster and its
// children): summed RSS counts the shared buffers once per process that touched them, summed PSS
// shares them out, so PSS is what the server really costs. Also: first start (initdb, migrations,
// demo seed) and restart times to /healthz.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { projectRoot } from "../../src/db/migrate.js";
import { figure, log, rssOf, sleep, type BenchArgs, type Figure } from "../lib/common.js";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      const port = typeof a === "object" && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // gone
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const c of children.get(p) ?? []) {
      out.push(c);
      walk(c);
    }
  };
  walk(pid);
  return out;
}

/** The process (among `pids`) holding the socket that listens on `port`. */
function listenerOf(pids: number[], port: number): number | null {
  const hex = port.toString(16).toUpperCase().padStart(4, "0");
  const inodes = new Set<string>();
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const line of readFileSync(file, "utf8").split("\n").slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length > 9 && f[1]!.endsWith(`:${hex}`) && f[3] === "0A") inodes.add(f[9]!);
    }
  }
  for (const pid of pids) {
    try {
      for (const fd of readdirSync(`/proc/${pid}/fd`)) {
        const m = readlinkSync(`/proc/${pid}/fd/${fd}`).match(/^socket:\[(\d+)\]$/);
        if (m && inodes.has(m[1]!)) return pid;
      }
    } catch {
      // not ours or gone
    }
  }
  return null;
}

async function stopTree(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise((r) => child.once("exit", r));
  // npm was started as its own process group leader: signal the group (only what this bench started).
  try {
    process.kill(-child.pid, "SIGINT");
  } catch {
    child.kill("SIGINT");
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // gone
    }
  }, 15_000);
  await exited;
  clearTimeout(timer);
}

/** Summed RSS and PSS (MB) of the embedded PostgreSQL's processes in `dataDir`. */
function postgresMemory(dataDir: string): { rssMb: number; pssMb: number; processes: number } {
  const postmaster = Number(readFileSync(join(dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);
  let rssKb = 0;
  let pssKb = 0;
  const pids = [postmaster, ...descendants(postmaster)];
  for (const pid of pids) {
    try {
      rssKb += Number(readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB/m)?.[1] ?? 0);
      pssKb += Number(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8").match(/^Pss:\s+(\d+) kB/m)?.[1] ?? 0);
    } catch {
      // exited meanwhile
    }
  }
  return { rssMb: rssKb / 1024, pssMb: pssKb / 1024, processes: pids.length };
}

type Script = "start" | "start:prod";

interface IdleSample {
  rssMb: number;
  hwmMb: number;
  startMs: number;
  pid: number;
  postgres?: { rssMb: number; pssMb: number; processes: number };
  /** RSS once V8 has given back its start-up memory (SETTLED_MS after /healthz); absent when not waited for. */
  settledMb?: number;
}

/** V8 shrinks its heap about 8 s after start-up; by this time after /healthz an idle process has settled. */
const SETTLED_MS = 30_000;

/**
 * Starts `npm <script>` in `dataDir`, waits for /healthz, samples the server's RSS (and the embedded
 * PostgreSQL's) `idleMs` later and, with `settled`, again SETTLED_MS after /healthz.
 */
async function idleRss(dataDir: string, idleMs: number, databaseUrl?: string, script: Script = "start", settled = false): Promise<IdleSample> {
  const port = await freePort();
  const t0 = performance.now();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "warn", NODE_ENV: "development" };
  for (const k of ["DATABASE_URL", "JOBS_DATABASE_URL", "BOT_TOKEN", "SECRET_KEY", "npm_config_prefix"]) delete env[k];
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  const child = spawn("npm", ["run", script, "--silent"], { cwd: projectRoot(), env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  child.stdout!.on("data", (d: Buffer) => void (output = (output + d.toString()).slice(-4000)));
  child.stderr!.on("data", (d: Buffer) => void (output = (output + d.toString()).slice(-4000)));
  try {
    const deadline = Date.now() + 180_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}): ${output.trim().split("\n").slice(-3).join(" | ")}`);
      if (Date.now() > deadline) throw new Error("npm start did not answer /healthz within 180 s");
      try {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (res.ok) break;
      } catch {
        // not yet
      }
      await sleep(250);
    }
    const startMs = performance.now() - t0;
    const pid = listenerOf(descendants(child.pid!), port);
    if (pid === null) throw new Error("could not find the process listening on the port");
    const ready = performance.now();
    const sample = async (at: number) => {
      await sleep(Math.max(0, at - (performance.now() - ready)));
      const samples = [];
      for (let i = 0; i < 5; i++) {
        samples.push(rssOf(pid));
        await sleep(400);
      }
      return samples.sort((a, b) => a.rssMb - b.rssMb)[2]!;
    };
    const early = await sample(idleMs);
    const postgres = databaseUrl ? {} : { postgres: postgresMemory(dataDir) };
    const settledMb = settled ? (await sample(SETTLED_MS)).rssMb : undefined;
    return { ...early, startMs, pid, ...postgres, settledMb };
  } finally {
    await stopTree(child);
  }
}

export async function benchIdleMemory(args: BenchArgs): Promise<Figure[]> {
  const out = await embeddedIdle(args);
  // The same app on the machine's PostgreSQL server (DATABASE_URL; an empty database of its own).
  const url = new URL(args.databaseUrl);
  url.pathname = `${url.pathname}_rss`;
  const name = decodeURIComponent(url.pathname.slice(1));
  const admin = new pg.Client({ connectionString: new URL("/postgres", args.databaseUrl).toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  const dataDir = mkdtempSync(join(tmpdir(), "panelbot-bench-data-"));
  try {
    await idleRss(dataDir, 1000, url.toString()); // first start applies the migrations
    const rss: number[] = [];
    const settled: number[] = [];
    for (let run = 0; run < args.runs; run++) {
      const r = await idleRss(dataDir, 5000, url.toString(), "start", true);
      rss.push(r.rssMb);
      settled.push(r.settledMb!);
      log(`npm start with DATABASE_URL run ${run + 1}: idle RSS ${r.rssMb.toFixed(0)} MB at 5 s, ${r.settledMb!.toFixed(0)} MB at ${SETTLED_MS / 1000} s`);
    }
    out.push(
      figure("6 memory", "npm start idle RSS with DATABASE_URL, 5 s after /healthz", "MB", rss, { note: "npm start (tsx) on the machine's PostgreSQL server; jobs on PostgreSQL; start-up memory not yet given back" }),
      figure("6 memory", `npm start idle RSS with DATABASE_URL, settled (${SETTLED_MS / 1000} s)`, "MB", settled, { target: "≤ 200", check: (m) => m <= 200 }),
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
    await admin.end();
  }
  return out;
}

async function embeddedIdle(args: BenchArgs): Promise<Figure[]> {
  // Built every time: a dist/ left from older sources would be measured instead of the code at hand.
  log("building dist/ for npm run start:prod");
  execFileSync("npm", ["run", "build", "--silent"], { cwd: projectRoot(), stdio: "ignore" });
  const S = "6 memory";
  const out: Figure[] = [];
  for (const script of ["start:prod", "start"] as const) {
    const dataDir = mkdtempSync(join(tmpdir(), "panelbot-bench-data-"));
    chmodSync(dataDir, 0o755); // reachable by the postgres user when the bench runs as root
    try {
      const rss: number[] = [];
      const settled: number[] = [];
      const hwm: number[] = [];
      const restarts: number[] = [];
      const pgRss: number[] = [];
      const pgPss: number[] = [];
      // The first start creates the embedded database (initdb, migrations, demo catalogue); later starts reuse it.
      const first = await idleRss(dataDir, 3000, undefined, script);
      log(`npm run ${script} (first start) ready in ${first.startMs.toFixed(0)} ms: Node RSS ${first.rssMb.toFixed(0)} MB`);
      for (let run = 0; run < args.runs; run++) {
        const r = await idleRss(dataDir, 5000, undefined, script, true);
        rss.push(r.rssMb);
        settled.push(r.settledMb!);
        hwm.push(r.hwmMb);
        restarts.push(r.startMs);
        pgRss.push(r.postgres!.rssMb);
        pgPss.push(r.postgres!.pssMb);
        log(
          `npm run ${script} restart ${run + 1}: ready in ${r.startMs.toFixed(0)} ms, Node idle RSS ${r.rssMb.toFixed(0)} MB at 5 s, ${r.settledMb!.toFixed(0)} MB at ${SETTLED_MS / 1000} s (peak ${r.hwmMb.toFixed(0)} MB); ` +
            `PostgreSQL ${r.postgres!.processes} processes: RSS ${r.postgres!.rssMb.toFixed(0)} MB summed, PSS ${r.postgres!.pssMb.toFixed(0)} MB`,
        );
      }
      const what = script === "start" ? "npm start (tsx)" : "npm run start:prod (node dist/main.js)";
      out.push(
        figure(S, `${what}: Node idle RSS, 5 s after /healthz`, "MB", rss, { note: "embedded PostgreSQL (separate processes), built-in simulator, jobs; Telegram off; start-up memory not yet given back" }),
        figure(S, `${what}: Node idle RSS, settled (${SETTLED_MS / 1000} s)`, "MB", settled, { target: "≤ 200", check: (m) => m <= 200 }),
        figure(S, `${what}: Node peak RSS (VmHWM)`, "MB", hwm),
        figure(S, `${what}: PostgreSQL processes, summed RSS`, "MB", pgRss, { note: "shared buffers counted once per process" }),
        figure(S, `${what}: PostgreSQL processes, summed PSS`, "MB", pgPss, { note: "shared memory shared out" }),
        figure(S, `${what}: first start to /healthz`, "ms", [first.startMs], { note: "fresh DATA_DIR: initdb + migrations + demo seed" }),
        figure(S, `${what}: restart to /healthz`, "ms", restarts),
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return out;
}
