// One run of a job at a time across instances (jobs/exclusive-runs.ts): what keeps a second run of a
// job from starting beside one that Agenda gave up on. Two ExclusiveRuns stand for two instances.
import { afterAll, describe, expect, it } from "vitest";
import { exclusiveRuns } from "../../jobs/exclusive-runs.js";
import { useTestDb } from "../support/test-db.js";

const handle = await useTestDb(4);
const a = exclusiveRuns(handle.prisma, 2);
const b = exclusiveRuns(handle.prisma, 2);
afterAll(async () => {
  await a.close();
  await b.close();
});

/** Waiting advisory-lock requests of job runs (namespace "PJ"). */
async function waitingRuns(): Promise<number> {
  const { rows } = await handle.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND classid = x'504a'::int AND NOT granted`);
  return rows[0]!.n;
}

function gate(): { open: () => void; passed: Promise<void> } {
  let open!: () => void;
  const passed = new Promise<void>((r) => (open = r));
  return { open, passed };
}

describe("exclusive job runs", () => {
  it("a second run of the same job on another instance waits for the first to end; another job does not", async () => {
    const name = `job-${Date.now()}`;
    const events: string[] = [];
    const first = gate();
    const one = a.run(name, async () => {
      events.push("first started");
      await first.passed;
      events.push("first ended");
    });
    await expect.poll(() => events).toContain("first started");
    const two = b.run(name, async () => void events.push("second started"));
    await expect.poll(waitingRuns).toBe(1);
    // Another job's run is not held up by this one.
    expect(await b.run(`${name}-other`, async () => "ran")).toBe("ran");
    expect(events).toEqual(["first started"]);
    first.open();
    await Promise.all([one, two]);
    expect(events).toEqual(["first started", "first ended", "second started"]);
  });

  it("a run that fails releases the job for the next one", async () => {
    const name = `job-fails-${Date.now()}`;
    await expect(a.run(name, async () => Promise.reject(new Error("provider down")))).rejects.toThrow("provider down");
    expect(await b.run(name, async () => "next run")).toBe("next run");
    expect(await waitingRuns()).toBe(0);
  });
});
