// The job runner: Agenda on the store chosen by configuration (./store.ts), the jobs of ./names.ts,
// their schedules, and a bounded, graceful stop.
//
// Guarantees, and where they come from:
// - A recurring job is ONE record (Agenda `every()` upserts a "single" job by name; PostgreSQL has a
//   unique index on it, MongoDB gets one from ./store.ts), however often or concurrently processes start.
// - One occurrence runs once: an instance locks the record (`FOR UPDATE SKIP LOCKED` / findOneAndUpdate)
//   and moves `nextRunAt` to the next occurrence before the handler starts. A running handler renews
//   its lock every lockLifetime/3 (`touch`), so a slow run is never taken over by another instance.
// - A process killed mid-run leaves its lock behind; it expires after lockLifetime and the job runs
//   again within interval + lockLifetime + poll interval (agenda 6.2.6 carries the fixes for issues
//   #1749 — a recurring job left locked by a dead worker was starved — and #1778 — stop() unlocked
//   running jobs so another instance re-ran the occurrence). What a killed handler left half-done is
//   the use-cases' business: outbox items are re-claimed when their lock runs out, SUBMITTING orders
//   past their lease become UNKNOWN (never re-sent), sync and stuck passes are idempotent.
// - stop() (SIGTERM): no new job starts, locks held by jobs that have not started are released, the
//   running ones finish (bounded by drainTimeoutMs; whatever is still running then is treated like a
//   crash: its lock expires), then the store is closed.
import { Agenda, type Job } from "agenda";
import { hostname } from "node:os";
import type { Deps } from "../src/deps.js";
import { drainForwardOutbox } from "../src/fulfilment/drain-forward-outbox.js";
import { expireSubmittingLeases } from "../src/fulfilment/expire-leases.js";
import { checkProviderBalances } from "../src/fulfilment/check-provider-balances.js";
import { refreshDeliveryEstimates } from "../src/estimates/refresh-delivery-estimates.js";
import { detectStuckOrders } from "../src/stuck/detect-stuck-orders.js";
import { pruneExpiredLogins } from "../src/auth/prune-expired-logins.js";
import { sendBroadcasts } from "../src/broadcasts/send-broadcasts.js";
import { syncAllProviders, syncProviderOrders } from "../src/fulfilment/sync-orders.js";
import type { JobName, JobPayloads } from "./names.js";
import { exclusiveRuns } from "./exclusive-runs.js";
import { openJobStore, type JobStoreKind } from "./store.js";

export interface JobTimings {
  /** How often each instance looks for due jobs (Agenda processEvery). */
  pollMs: number;
  /** How long a lock stays valid without renewal; a killed run is taken over after this. */
  lockLifetimeMs: number;
  forwardEveryMs: number;
  syncEveryMs: number;
  stuckEveryMs: number;
  balanceEveryMs: number;
  notifyEveryMs: number;
  estimatesEveryMs: number;
  pruneLoginsEveryMs: number;
  broadcastEveryMs: number;
  /** How long stop() waits for running jobs. */
  drainTimeoutMs: number;
  /** How long reaching the job store may take at start. */
  connectTimeoutMs: number;
}

const MINUTE = 60_000;

export function defaultTimings(config: Deps["config"]): JobTimings {
  return {
    pollMs: 2_000,
    lockLifetimeMs: 60_000,
    forwardEveryMs: 2_000,
    syncEveryMs: config.SYNC_INTERVAL_MINUTES * MINUTE,
    stuckEveryMs: config.STUCK_CHECK_INTERVAL_MINUTES * MINUTE,
    balanceEveryMs: config.BALANCE_CHECK_INTERVAL_MINUTES * MINUTE,
    notifyEveryMs: 3_000,
    estimatesEveryMs: 10 * MINUTE,
    pruneLoginsEveryMs: 60 * MINUTE,
    broadcastEveryMs: 2_000,
    drainTimeoutMs: 8_000,
    connectTimeoutMs: 5_000,
  };
}

/** A job's work starting, finishing, or failing on this instance (always inside the job's lock). */
export interface JobEvent {
  event: "start" | "complete" | "fail";
  name: JobName;
  /** The instance (Agenda name) that ran it. */
  instance: string;
  at: Date;
  error?: string;
}

export interface StartJobsOptions {
  /** The main database's URL when the configuration has none (the embedded default). */
  databaseUrl?: string;
  /** Sends the notify-* outbox items (the bot's deliverNotifications); without it that job is not registered. */
  notifier?: (deps: Deps) => Promise<unknown>;
  timings?: Partial<JobTimings>;
  /** This instance's name in the job store (default host:pid). */
  instance?: string;
  /** Every job start, completion and failure (logging, tests). */
  onEvent?: (event: JobEvent) => void;
}

export interface JobRunner {
  store: JobStoreKind;
  instance: string;
  timings: JobTimings;
  /** Runs a job once, as soon as an instance is free (e.g. an admin's "sync this provider now"). */
  now<K extends JobName>(name: K, data?: JobPayloads[K]): Promise<void>;
  /** Graceful and bounded: see the header. Idempotent. */
  stop(): Promise<void>;
}

/** Forwarding batches per run before the run yields to the next one (keeps a run's length bounded). */
const MAX_FORWARD_BATCHES = 50;

export async function startJobs(deps: Deps, options: StartJobsOptions = {}): Promise<JobRunner> {
  const timings: JobTimings = { ...defaultTimings(deps.config), ...options.timings };
  const instance = options.instance ?? `${hostname()}:${process.pid}`;
  const log = deps.logger.child({ component: "jobs" });
  const store = await openJobStore({ config: deps.config, logger: deps.logger, databaseUrl: options.databaseUrl, connectTimeoutMs: timings.connectTimeoutMs });

  const agenda = new Agenda({
    backend: store.backend,
    name: instance,
    processEvery: timings.pollMs,
    defaultLockLifetime: timings.lockLifetimeMs,
    defaultConcurrency: 1,
    maxConcurrency: 10,
    removeOnComplete: true, // one-off runs (now()) leave no record; recurring ones always have a next run
  });

  let stopping = false;
  const runs = exclusiveRuns(deps.db, 8);
  // Long-running handlers (the broadcast sender) return at once when stop() begins.
  const stopSignal = new AbortController();
  let active = 0;
  let idle: (() => void) | undefined;
  const emit = (event: JobEvent["event"], name: JobName, error?: unknown) => {
    const message = error === undefined ? undefined : error instanceof Error ? error.message : String(error);
    options.onEvent?.({ event, name, instance, at: new Date(), ...(message === undefined ? {} : { error: message }) });
    if (event === "fail") log.error({ job: name, err: message }, "Job failed");
    else log.debug({ job: name, event }, `Job ${event}`);
  };
  // Jobs in progress on this instance, from Agenda's first save (lock taken) to its last (lock
  // released): what stop() waits for. With LISTEN/NOTIFY Agenda also re-emits other instances'
  // events, flagged `remote`; only ours count.
  agenda.on("start", (_job: Job, remote?: boolean) => {
    if (!remote) active += 1;
  });
  agenda.on("complete", (_job: Job, remote?: boolean) => {
    if (remote) return;
    active -= 1;
    if (active <= 0) idle?.();
  });
  agenda.on("error", (error: Error) => log.warn({ err: error.message }, "Job store error"));

  /**
   * A handler that keeps its lock alive while it works, and starts nothing once stop() began.
   * Its start/complete/fail events bracket the work itself, which happens strictly inside the lock.
   */
  const define = <K extends JobName>(name: K, work: (data: JobPayloads[K]) => Promise<unknown>, { exclusive = true } = {}) => {
    agenda.define<JobPayloads[K]>(
      name,
      async (job) => {
        if (stopping) return;
        emit("start", name);
        let renewing: Promise<void> = Promise.resolve();
        const renew = setInterval(() => {
          renewing = renewing.then(() => job.touch()).catch((error: unknown) => log.warn({ job: name, err: String(error) }, "Could not renew a job lock"));
        }, Math.max(100, Math.floor(timings.lockLifetimeMs / 3)));
        const data = (job.attrs.data ?? {}) as JobPayloads[K];
        try {
          if (exclusive) await runs.run(name, async () => (stopping ? undefined : work(data)));
          else await work(data);
          emit("complete", name);
        } catch (error) {
          emit("fail", name, error);
          throw error;
        } finally {
          clearInterval(renew);
          await renewing;
        }
      },
      { concurrency: 1, lockLifetime: timings.lockLifetimeMs },
    );
  };

  // Forwarding and notifications claim their items, so their runs may overlap (one per order placed).
  define(
    "forward-order",
    async ({ orderIds }) => {
      await expireSubmittingLeases(deps);
      for (let i = 0; i < MAX_FORWARD_BATCHES && !stopping; i++) {
        const handled = await drainForwardOutbox(deps, { limit: 100, concurrency: 10, ...(orderIds ? { orderIds } : {}) });
        if (handled === 0) break;
      }
    },
    { exclusive: false },
  );
  define("sync-provider-orders", async ({ providerId }) => {
    if (providerId !== undefined) await syncProviderOrders(deps, providerId);
    else await syncAllProviders(deps);
  });
  define("detect-stuck-orders", () => detectStuckOrders(deps));
  define("check-provider-balances", () => checkProviderBalances(deps));
  define("refresh-delivery-estimates", () => refreshDeliveryEstimates(deps));
  define("prune-expired-logins", () => pruneExpiredLogins(deps.db, deps.now()));
  const notifier = options.notifier;
  if (notifier) define("deliver-notifications", () => notifier(deps), { exclusive: false });
  // A run sends for a bounded while (well inside its lock, which it renews) and the next one follows at once.
  if (deps.broadcasts) define("send-broadcasts", () => sendBroadcasts(deps, { maxMs: 50_000, signal: stopSignal.signal }));

  const schedule: [JobName, number][] = [
    ["forward-order", timings.forwardEveryMs],
    ["sync-provider-orders", timings.syncEveryMs],
    ["detect-stuck-orders", timings.stuckEveryMs],
    ["check-provider-balances", timings.balanceEveryMs],
    ["refresh-delivery-estimates", timings.estimatesEveryMs],
    ["prune-expired-logins", timings.pruneLoginsEveryMs],
  ];
  if (notifier) schedule.push(["deliver-notifications", timings.notifyEveryMs]);
  if (deps.broadcasts) schedule.push(["send-broadcasts", timings.broadcastEveryMs]);
  try {
    for (const [name, everyMs] of schedule) await every(agenda, name, everyMs);
    await agenda.start();
  } catch (error) {
    await agenda.stop(false).catch(() => {});
    await store.close();
    await runs.close().catch(() => {});
    throw error;
  }
  log.info({ store: store.where, instance, jobs: schedule.map(([n, ms]) => `${n} every ${ms / 1000}s`) }, "Background jobs started");

  let stopped: Promise<void> | undefined;
  return {
    store: store.kind,
    instance,
    timings,
    async now(name, data) {
      if (!agenda.definitions[name]) throw new Error(`Job ${name} is not registered on this instance`);
      await agenda.now(name, data ?? {});
    },
    stop: () =>
      (stopped ??= (async () => {
        stopping = true;
        stopSignal.abort();
        const started = Date.now();
        // Stops scanning and starting; releases the locks of jobs that had not started yet.
        await agenda.stop(false).catch((error: unknown) => log.warn({ err: String(error) }, "Releasing job locks failed"));
        if (active > 0) {
          const drained = await new Promise<boolean>((resolve) => {
            const timer = setTimeout(() => resolve(false), timings.drainTimeoutMs);
            idle = () => {
              clearTimeout(timer);
              resolve(true);
            };
          });
          if (!drained) log.warn({ running: active, waitedMs: timings.drainTimeoutMs }, "Jobs still running at shutdown; their locks expire and they run again later");
        }
        await store.close();
        // A run still going holds its lock's connection, and ending the pool waits for it: not awaited then.
        const closing = runs.close().catch(() => {});
        if (active <= 0) await closing;
        log.info({ ms: Date.now() - started }, "Background jobs stopped");
      })()),
  };
}

/** Creates or updates the one record of a recurring job; retried once when a concurrent start inserted it first. */
async function every(agenda: Agenda, name: JobName, everyMs: number): Promise<void> {
  try {
    await agenda.every(everyMs, name);
  } catch (error) {
    if (!/duplicate key|E11000/i.test(String((error as Error)?.message))) throw error;
    await agenda.every(everyMs, name);
  }
}
