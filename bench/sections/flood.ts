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
parentPort.on("message", (m) => { if (m === "stop") running = false; });
(async () => {
  const samples = [];
  let failures = 0;
  while (running) {
    const t = performance.now();
    try {
      const res = await fetch(workerData.url);
      await res.arrayBuffer();
      if (res.status === 200) samples.push(performance.now() - t); else failures++;
    } catch { failures++; }
    await new Promise((r) => setTimeout(r, workerData.pauseMs));
  }
  parentPort.postMessage({ samples, failures });
})();
`;

/** Probes `url` from a worker thread until stop() resolves with the latencies. */
function startProber(url: string, pauseMs: number): { stop: () => Promise<{ samples: number[]; failures: number }> } {
  const worker = new Worker(PROBER, { eval: true, workerData: { url, pauseMs } });
  const result = new Promise<{ samples: number[]; failures: number }>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  });
  return {
    stop: async () => {
      worker.postMessage("stop");
      const r = await result;
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

    const idleProber = startProber(`${url}/healthz`, 20);
    await sleep(3000);
    const idle = await idleProber.stop();

    const baseline = rssOf(child.pid!).rssMb;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, rssOf(child.pid!).rssMb)), 25);
    const loadBefore = loadAverage();
    const prober = startProber(`${url}/healthz`, 20);
    await sleep(200);

    const body = Buffer.alloc(BODY_BYTES, 97);
    const answers: Answer[] = [];
    const failures: string[] = [];
    let next = 0;
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
    clearInterval(sampler);
    peak = Math.max(peak, rssOf(child.pid!).rssMb);

    const statuses: Record<number, number> = {};
    for (const a of answers) statuses[a.status] = (statuses[a.status] ?? 0) + 1;
    const refused = answers.filter((a) => a.status === 413 || a.status === 429).map((a) => a.headersMs);
    const answer = latencySummary(refused);
    const health = latencySummary(during.samples);
    const healthIdle = latencySummary(idle.samples);
    const within100 = refused.filter((ms) => ms < 100).length;
    log(
      `flood: ${REQUESTS} × 20 MiB, ${CONCURRENCY} at a time, in ${floodMs.toFixed(0)} ms; statuses ${JSON.stringify(statuses)}` +
        `${failures.length ? `; ${failures.length} without an answer (${failures[0]})` : ""}; answer headers p50 ${answer.p50.toFixed(1)} / p99 ${answer.p99.toFixed(1)} / max ${answer.max.toFixed(1)} ms ` +
        `(${within100}/${refused.length} under 100 ms); /healthz during: ${during.samples.length} probes (${during.failures} failed) p50 ${health.p50.toFixed(1)} / p99 ${health.p99.toFixed(1)} / max ${health.max.toFixed(1)} ms, ` +
        `idle before: p50 ${healthIdle.p50.toFixed(1)} / p99 ${healthIdle.p99.toFixed(1)} ms; server RSS ${baseline.toFixed(0)} → peak ${peak.toFixed(0)} MB; load ${loadBefore} → ${loadAverage()}`,
    );
    const under100 = { target: "< 100", check: (m: number) => m < 100 };
    const note = `statuses ${JSON.stringify(statuses)}, ${failures.length} unanswered, load ${loadBefore}`;
    return [
      figure(SECTION, "413/429 answer headers p50 (from connect)", "ms", [answer.p50], { ...under100, note }),
      figure(SECTION, "413/429 answer headers p99", "ms", [answer.p99], under100),
      figure(SECTION, "413/429 answers under 100 ms", "count", [within100], { target: `= ${REQUESTS}`, check: (m) => m === REQUESTS && failures.length === 0 }),
      figure(SECTION, "/healthz during the flood p50", "ms", [health.p50], under100),
      figure(SECTION, "/healthz during the flood p99", "ms", [health.p99], under100),
      figure(SECTION, "/healthz during the flood max", "ms", [health.max], { ...under100, note: `${during.samples.length} probes, ${during.failures} failed` }),
      figure(SECTION, "/healthz idle before the flood p50", "ms", [healthIdle.p50], { note: "the machine's own noise, for comparison" }),
      figure(SECTION, "/healthz idle before the flood p99", "ms", [healthIdle.p99]),
      figure(SECTION, "server RSS growth during the flood", "MB", [peak - baseline], { target: "< 50", check: (m) => m < 50 }),
    ];
  } finally {
    await stopServer(child);
    rmSync(dataDir, { recursive: true, force: true });
    await adminQuery(args.databaseUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
  }
}
