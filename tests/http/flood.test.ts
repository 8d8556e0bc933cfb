// The audit's anonymous memory exhaustion, against the real server process (npm start's entry):
// 48 POST /graphql bodies of 20 MiB, 16 at a time, no credentials. Every answer must be 413 or 429
// and the server's resident memory must not grow by 50 MB; /healthz is probed throughout (its
// timings are printed, not asserted: the machine is shared).
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { projectRoot } from "../../src/db/migrate.js";
import { MiB } from "../../src/http/limits.js";
import { TEST_SECRET } from "../support/deps.js";
import { paddedGraphQLBody, rawRequest } from "../support/http.js";
import { createJobsDatabase } from "../jobs/support.js";

function rssBytes(pid: number): number {
  const line = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return Number(line) * 1024;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("20 MiB GraphQL flood against the running server", () => {
  it("answers all 48 requests 413 or 429, server RSS grows < 50 MB, /healthz keeps answering", async () => {
    const database = await createJobsDatabase();
    onTestFinished(() => database.drop());
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: projectRoot(),
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: database.url, PORT: "0", HOST: "127.0.0.1", SECRET_KEY: TEST_SECRET, DATA_DIR: mkdtempSync(join(tmpdir(), "pb-flood-")), LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stopping = false;
    onTestFinished(() => {
      stopping = true;
      child.kill("SIGKILL");
    });
    child.on("exit", (code, signal) => {
      if (!stopping) console.info(`[flood] server exited early (${code} ${signal}): ${out.slice(-3000)}`);
    });
    let out = "";
    child.stderr!.on("data", (d) => (out += d));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout!.on("data", (d) => {
        out += d;
        const m = /"msg":"panelbot is listening"/.test(out) && /"url":"(http:\/\/[^"]+)"/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.on("exit", (code) => reject(new Error(`server exited ${code}: ${out}`)));
    });

    // Warm up (JIT, pools, the refusal path once), then take the baseline.
    for (let i = 0; i < 5; i++) expect((await rawRequest(`${url}/graphql`, { body: Buffer.from('{"query":"{ __typename }"}') })).status).toBe(200);
    expect((await rawRequest(`${url}/graphql`, { body: paddedGraphQLBody(1 * MiB) })).status).toBe(413);
    await sleep(500);
    const baseline = rssBytes(child.pid!);
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, rssBytes(child.pid!))), 25);

    const health: number[] = [];
    let flooding = true;
    const prober = (async () => {
      while (flooding) {
        const started = performance.now();
        const res = await fetch(`${url}/healthz`);
        await res.arrayBuffer();
        expect(res.status).toBe(200);
        health.push(performance.now() - started);
        await sleep(50);
      }
    })();

    const body = paddedGraphQLBody(20 * MiB);
    const statuses: number[] = [];
    const answerMs: number[] = [];
    const queue = Array.from({ length: 48 }, (_, i) => i);
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (queue.shift() !== undefined) {
          const t = performance.now();
          const res = await rawRequest(`${url}/graphql`, { body });
          answerMs.push(performance.now() - t);
          statuses.push(res.status);
        }
      }),
    );
    const floodMs = performance.now() - started;
    flooding = false;
    await prober;
    clearInterval(sampler);
    peak = Math.max(peak, rssBytes(child.pid!));

    const counts = statuses.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
    console.info(
      `[flood] 48 × 20 MiB, 16 at a time: statuses ${JSON.stringify(counts)}, whole flood ${floodMs.toFixed(0)} ms, ` +
        `per request median ${median(answerMs).toFixed(0)} ms / max ${Math.max(...answerMs).toFixed(0)} ms (includes sending 20 MiB); ` +
        `server RSS ${(baseline / MiB).toFixed(0)} → peak ${(peak / MiB).toFixed(0)} MiB (+${((peak - baseline) / MiB).toFixed(1)}); ` +
        `/healthz ${health.length} probes, median ${median(health).toFixed(1)} ms, max ${Math.max(...health).toFixed(1)} ms`,
    );
    expect(Object.keys(counts).every((s) => s === "413" || s === "429"), JSON.stringify(counts)).toBe(true);
    expect(statuses).toHaveLength(48);
    expect(peak - baseline).toBeLessThan(50 * 1000 * 1000);
    expect(health.length).toBeGreaterThan(0);
  }, 180_000);
});
