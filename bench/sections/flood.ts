// 7. The audit's anonymous flood against the real server (src/main.ts on a small database of its
// own): 48 POST /graphql bodies of 20 MiB, 16 at a time, no credentials. Each request is sent on a
// raw socket (headers, then the body in 64 KiB writes as fast as the socket takes them) and timed
// from connect to the answer's headers; the client closes once it has the answer. Beside it, /healthz is probed
// from a worker thread (its own event loop, so the flood client's work does not delay the probe)
// before and during the flood, and the server's RSS is sampled every 25 ms.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import pg from "pg";
import { projectRoot } from "../../src/db/migrate.js";
import { BENCH_SECRET, figure, latencySummary, loadAverage, log, rssOf, sleep, type BenchArgs, type Figure } from "../lib/common.js";

const SECTION = "7 flood";
const MiB = 1024 * 1024;
const REQUESTS = 48;
const CONCURRENCY = 16;
const BODY_BYTES = 20 * MiB;
const CHUNK = 64 * 1024;

interface Answer {
  status: number;
  /** From connect() to the end of the answer's headers. */
  headersMs: number;
}

/** One flood request on a raw socket: the answer's status and when its headers arrived. */
function floodRequest(port: number, body: Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const socket = connect(port, "127.0.0.1");
    let received = Buffer.alloc(0);
    let headersMs = 0;
    let status = 0;
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      if (status) resolve({ status, headersMs });
      else reject(error ?? new Error(`no answer (got ${received.length} bytes)`));
    };
    // The body goes out in 64 KiB writes, yielding to the event loop after each: one 20 MiB write
    // would hold this (client) loop for the whole loopback transfer and delay reading the answer.
    let offset = 0;
    const pump = () => {
      if (settled || offset >= body.length) return;
      const slice = body.subarray(offset, offset + CHUNK);
      offset += slice.length;
      if (socket.write(slice)) setImmediate(pump);
      else socket.once("drain", pump);
    };
    socket.on("connect", () => {
      socket.write(`POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`);
      pump();
    });
    socket.on("data", (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const end = received.indexOf("\r\n\r\n");
      if (end < 0) return;
      if (!status) {
        headersMs = performance.now() - started;
        status = Number(/^HTTP\/1\.1 (\d{3})/.exec(received.toString("latin1", 0, 20))?.[1] ?? 0);
      }
      const length = Number(/\r\ncontent-length: (\d+)/i.exec(received.toString("latin1", 0, end + 2))?.[1] ?? 0);
      if (received.length >= end + 4 + length) finish();
    });
    // A reset after the answer is the server closing the connection it refused: expected.
    socket.on("error", (error) => finish(error));
    socket.on("close", () => finish());
  });
}

const PROBER = `
const { parentPort, workerData } = require("node:worker_threads");
let running = true;
let recording = false;
parentPort.on("message", (m) => {
  if (m === "stop") running = false;
  if (m === "go") recording = true;
});
(async () => {
  const samples = [];
  let failures = 0;
  let ready = false;
  while (running) {
    const counted = recording;
    const t = performance.now();
    try {
      const res = await fetch(workerData.url);
      await res.arrayBuffer();
      if (counted) res.status === 200 ? samples.push(performance.now() - t) : failures++;
    } catch { if (counted) failures++; }
    if (!ready) { ready = true; parentPort.postMessage("ready"); }
    await new Promise((r) => setTimeout(r, workerData.pauseMs));
  }
  parentPort.postMessage({ samples, failures });
})();
`;

/**
 * Probes `url` from a worker thread: `ready` once its first (uncounted) probe is done, probes
 * started after go() are counted, stop() resolves with their latencies.
 */
async function startProber(url: string, pauseMs: number): Promise<{ go: () => void; stop: () => Promise<{ samples: number[]; failures: number }> }> {
  const worker = new Worker(PROBER, { eval: true, workerData: { url, pauseMs } });
  const messages: unknown[] = [];
  const waiters: ((m: unknown) => void)[] = [];
  worker.on("message", (m) => (waiters.length ? waiters.shift()!(m) : messages.push(m)));
  const next = () => (messages.length ? Promise.resolve(messages.shift()) : new Promise<unknown>((r) => waiters.push(r)));
  const failed = new Promise<never>((_, reject) => worker.once("error", reject));
  await Promise.race([next(), failed]);
  return {
    go: () => worker.postMessage("go"),
    stop: async () => {
      worker.postMessage("stop");
      const r = (await Promise.race([next(), failed])) as { samples: number[]; failures: number };
      await worker.terminate();
      return r;
    },
  };
}

async function adminQuery(databaseUrl: string, sql: string): Promise<void> {
  const url = new URL(databaseUrl);
  url.pathname = "/postgres";
  const c = new pg.Client({ connectionString: url.toString() });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

async function startServer(databaseUrl: string, dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: projectRoot(),
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: databaseUrl, PORT: "0", HOST: "127.0.0.1", SECRET_KEY: BENCH_SECRET, DATA_DIR: dataDir, LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stderr!.on("data", (d) => (out = (out + d).slice(-20_000)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 120 s: ${out.slice(-2000)}`)), 120_000);
    child.stdout!.on("data", (d) => {
      out = (out + d).slice(-20_000);
      const m = /"msg":"panelbot is listening"/.test(out) && /"url":"(http:\/\/[^"]+)"/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited ${code}: ${out.slice(-2000)}`));
    });
  });
  // Keep draining its output so a full pipe never blocks it.
  child.stdout!.resume();
  return { child, url };
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
  await exited;
  clearTimeout(timer);
}

export async function benchFlood(args: BenchArgs): Promise<Figure[]> {
  const name = `${decodeURIComponent(new URL(args.databaseUrl).pathname.slice(1))}_flood`;
  const databaseUrl = Object.assign(new URL(args.databaseUrl), { pathname: `/${name}` }).toString();
  await adminQuery(args.databaseUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await adminQuery(args.databaseUrl, `CREATE DATABASE "${name}"`);
  const dataDir = mkdtempSync(join(tmpdir(), "pb-bench-flood-"));
  const { child, url } = await startServer(databaseUrl, dataDir);
  try {
    const port = Number(new URL(url).port);
    // Warm up: JIT, pools, the refusal path once.
    for (let i = 0; i < 5; i++) await (await fetch(`${url}/healthz`)).arrayBuffer();
    await floodRequest(port, Buffer.alloc(1 * MiB, 97));
    await sleep(500);

    const idleProber = await startProber(`${url}/healthz`, 20);
    idleProber.go();
    await sleep(3000);
    const idle = await idleProber.stop();

    const baseline = rssOf(child.pid!).rssMb;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, rssOf(child.pid!).rssMb)), 25);
    const loadBefore = loadAverage();
    const body = Buffer.alloc(BODY_BYTES, 97);
    const runs: { p50: number; p99: number; within100: number; health: ReturnType<typeof latencySummary>; probes: number; probeFailures: number; unanswered: number }[] = [];
    const statuses: Record<number, number> = {};
    for (let run = 1; run <= args.runs; run++) {
      const answers: Answer[] = [];
      const failures: string[] = [];
      let next = 0;
      // /healthz is probed only while this flood runs (every 5 ms between answers).
      const prober = await startProber(`${url}/healthz`, 5);
      prober.go();
      const started = performance.now();
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < REQUESTS) {
            next += 1;
            try {
              answers.push(await floodRequest(port, body));
            } catch (error) {
              failures.push(error instanceof Error ? error.message : String(error));
            }
          }
        }),
      );
      const floodMs = performance.now() - started;
      const during = await prober.stop();
      for (const a of answers) statuses[a.status] = (statuses[a.status] ?? 0) + 1;
      const refused = answers.filter((a) => a.status === 413 || a.status === 429).map((a) => a.headersMs);
      const answer = latencySummary(refused);
      const health = latencySummary(during.samples);
      const within100 = refused.filter((ms) => ms < 100).length;
      runs.push({ p50: answer.p50, p99: answer.p99, within100, health, probes: during.samples.length, probeFailures: during.failures, unanswered: failures.length });
      log(
        `flood run ${run}: ${REQUESTS} × 20 MiB, ${CONCURRENCY} at a time, in ${floodMs.toFixed(0)} ms` +
          `${failures.length ? `; ${failures.length} without an answer (${failures[0]})` : ""}; answer headers p50 ${answer.p50.toFixed(1)} / p99 ${answer.p99.toFixed(1)} / max ${answer.max.toFixed(1)} ms ` +
          `(${within100}/${refused.length} under 100 ms); /healthz during: ${during.samples.length} probes (${during.failures} failed) p50 ${health.p50.toFixed(1)} / p99 ${health.p99.toFixed(1)} / max ${health.max.toFixed(1)} ms; ` +
          `server RSS peak so far ${peak.toFixed(0)} MB (baseline ${baseline.toFixed(0)}); load ${loadAverage()}`,
      );
      await sleep(1500);
    }
    clearInterval(sampler);
    peak = Math.max(peak, rssOf(child.pid!).rssMb);
    const healthIdle = latencySummary(idle.samples);
    log(`flood: statuses over all runs ${JSON.stringify(statuses)}; /healthz idle before: p50 ${healthIdle.p50.toFixed(1)} / p99 ${healthIdle.p99.toFixed(1)} ms; RSS ${baseline.toFixed(0)} → peak ${peak.toFixed(0)} MB`);
    const under100 = { target: "< 100", check: (m: number) => m < 100 };
    const unanswered = runs.reduce((n, r) => n + r.unanswered, 0);
    const note = `statuses ${JSON.stringify(statuses)}, ${unanswered} unanswered, load ${loadBefore}`;
    return [
      figure(SECTION, "413/429 answer headers p50 (from connect)", "ms", runs.map((r) => r.p50), { ...under100, note }),
      figure(SECTION, "413/429 answer headers p99", "ms", runs.map((r) => r.p99), under100),
      figure(SECTION, "413/429 answers under 100 ms (of 48)", "count", runs.map((r) => r.within100), { target: `= ${REQUESTS}`, check: (m) => m === REQUESTS && unanswered === 0 }),
      figure(SECTION, "/healthz during the flood p50", "ms", runs.map((r) => r.health.p50), under100),
      figure(SECTION, "/healthz during the flood p99", "ms", runs.map((r) => r.health.p99), under100),
      figure(SECTION, "/healthz during the flood max", "ms", runs.map((r) => r.health.max), {
        ...under100,
        note: `${runs.map((r) => r.probes).join("/")} probes per run, ${runs.reduce((n, r) => n + r.probeFailures, 0)} failed`,
      }),
      figure(SECTION, "/healthz idle before the flood p50", "ms", [healthIdle.p50], { note: "the machine's own noise, for comparison" }),
      figure(SECTION, "/healthz idle before the flood p99", "ms", [healthIdle.p99]),
      figure(SECTION, "server RSS growth over all runs", "MB", [peak - baseline], { target: "< 50", check: (m) => m < 50 }),
    ];
  } finally {
    await stopServer(child);
    rmSync(dataDir, { recursive: true, force: true });
    await adminQuery(args.databaseUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
  }
}
