// The sender behind the send-broadcasts job: works through the recipients of the oldest RUNNING
// broadcast (broadcasts go out one after another), paced, each user at most once.
//
// At most once, across restarts and instances — every state change is guarded by the state it expects:
//   PENDING → CLAIMED (a batch, `FOR UPDATE SKIP LOCKED`, held until claimedUntil)
//   CLAIMED → SENDING (one row, only while the broadcast is RUNNING: pause and cancel stop the very next send)
//   SENDING → SENT | BLOCKED | FAILED, or back to PENDING on 429 (Telegram sent nothing)
// A sender that dies leaves CLAIMED rows (never tried: back to PENDING once their claim runs out)
// and at most one SENDING row (the request may or may not have reached Telegram, and Telegram has no
// idempotency key). That row becomes UNCERTAIN and is never resent: a user may miss the message
// after a crash mid-send, but no user gets it twice. The trade-off is one user per crash at most.
//
// Pace (BROADCAST_RATE_PER_SECOND overall, not per process): each message reserves its send slot on
// the broadcast row (`nextSendAt`, moved on by one gap in the same statement), so every sender in every
// instance shares one schedule. A slot is reserved only after the previous send returned, and a
// late sender's next slot starts from now (not from its missed slot), so sends never bunch up to
// catch up: with gap = 1000 / (rate − 1) ms any one-second window holds at most `rate` sends. (The
// job itself runs on one instance at a time; the shared slots keep the limit should two overlap.)
// A 429 moves `nextSendAt` and `holdUntil` past its retry_after: the whole broadcast waits (no send starts
// before holdUntil, whichever sender reserved its slot first), then that user is retried.
// Runs of this sender must not overlap in one process (the job runner makes sure): overlapping senders
// keep at-most-once and the shared pace, but a send another one already had in flight when a 429 came
// back still arrives inside the retry_after.
import { setTimeout as delay } from "node:timers/promises";
import type { Deps } from "../deps.js";
import { messageOf } from "./message.js";
import { showProgress } from "./show-progress.js";
import type { BroadcastMessage, BroadcastTransport } from "./transport.js";
import { markBotBlocked } from "../users/bot-reachability.js";

export interface SendBroadcastsOptions {
  /** Return after about this long; the job runs again right away (default 50 s). */
  maxMs?: number;
  /** Recipients claimed at a time (default 5). */
  batch?: number;
  /** Aborted when the runner stops: return after the current send. */
  signal?: AbortSignal;
  /** Only these broadcasts (e.g. a test beside other RUNNING ones); default: the oldest RUNNING one. */
  only?: readonly number[];
}

export interface SendReport {
  sent: number;
  blocked: number;
  failed: number;
  retried: number;
}

/** A batch whose next slot is further away than this gives its rows back instead of holding them. */
const MAX_HOLD_MS = 2_000;

interface Claimed {
  id: bigint;
  userId: number;
  chatId: bigint;
}

export async function sendBroadcasts(deps: Deps, options: SendBroadcastsOptions = {}): Promise<SendReport> {
  const report: SendReport = { sent: 0, blocked: 0, failed: 0, retried: 0 };
  const transport = deps.broadcasts;
  if (!transport) return report;
  const deadline = deps.now().getTime() + (options.maxMs ?? 50_000);
  const stopped = () => options.signal?.aborted === true || deps.now().getTime() >= deadline;
  while (!stopped()) {
    const b = await deps.db.broadcast.findFirst({ where: { status: "RUNNING", ...(options.only ? { id: { in: [...options.only] } } : {}) }, orderBy: { id: "asc" } });
    if (!b) break;
    await releaseExpired(deps, b.id);
    const wait = (b.nextSendAt?.getTime() ?? 0) - deps.now().getTime();
    if (wait > 0) {
      await sleep(Math.min(wait, deadline - deps.now().getTime()), options.signal);
      continue;
    }
    const rows = await claim(deps, b.id, options.batch ?? 5);
    if (rows.length === 0) {
      if (await finishIfDone(deps, b.id)) await showProgress(deps, b.id, { force: true });
      // Otherwise another sender holds the last rows (or a dead one, until its claim runs out).
      else await sleep(Math.min(1_000, deadline - deps.now().getTime()), options.signal);
      continue;
    }
    await sendBatch(deps, transport, b.id, messageOf(b), rows, report, options.signal);
    await showProgress(deps, b.id);
  }
  return report;
}

async function sendBatch(deps: Deps, transport: BroadcastTransport, broadcastId: number, message: BroadcastMessage, rows: Claimed[], report: SendReport, signal?: AbortSignal): Promise<void> {
  const gapMs = 1000 / Math.max(1, deps.config.BROADCAST_RATE_PER_SECOND - 1);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const slot = signal?.aborted ? null : await reserveSlot(deps, broadcastId, gapMs);
    if (slot === null || slot - deps.now().getTime() > MAX_HOLD_MS) {
      await release(deps, rows.slice(i));
      return;
    }
    while (deps.now().getTime() < slot) await sleep(slot - deps.now().getTime());
    if (!(await markSending(deps, broadcastId, row.id))) {
      // Paused or canceled since the claim, another sender's 429 holds everything, or the claim ran out: give the rest back.
      await release(deps, rows.slice(i));
      return;
    }
    let outcome;
    try {
      outcome = await transport.send(row.chatId, message);
    } catch (error) {
      // The request may have left: never resent (see the header).
      await settle(deps, row.id, "UNCERTAIN", describe(error));
      await release(deps, rows.slice(i + 1));
      throw error;
    }
    switch (outcome.kind) {
      case "sent":
        await settle(deps, row.id, "SENT", null);
        report.sent += 1;
        break;
      case "blocked":
        await settle(deps, row.id, "BLOCKED", outcome.description);
        await markBotBlocked(deps, { userId: row.userId });
        report.blocked += 1;
        break;
      case "failed":
        await settle(deps, row.id, "FAILED", outcome.description);
        report.failed += 1;
        break;
      case "retry_after": {
        // Nothing was sent: the whole broadcast waits, and this user is tried again after it.
        const until = new Date(deps.now().getTime() + outcome.seconds * 1000);
        await deps.db.$executeRaw`
          UPDATE "Broadcast" SET "nextSendAt" = GREATEST(COALESCE("nextSendAt", ${until}), ${until}), "holdUntil" = GREATEST(COALESCE("holdUntil", ${until}), ${until})
           WHERE "id" = ${broadcastId}`;
        await deps.db.broadcastRecipient.updateMany({ where: { id: row.id, state: "SENDING" }, data: { state: "PENDING", claimedUntil: null } });
        await release(deps, rows.slice(i + 1));
        report.retried += 1;
        return;
      }
    }
  }
}

/** The instant this message may leave (ms), or null when the broadcast is no longer RUNNING. */
async function reserveSlot(deps: Deps, broadcastId: number, gapMs: number): Promise<number | null> {
  const now = deps.now();
  const rows = await deps.db.$queryRaw<{ slot: Date }[]>`
    UPDATE "Broadcast" SET "nextSendAt" = GREATEST(COALESCE("nextSendAt", ${now}), ${now}) + make_interval(secs => ${gapMs / 1000})
     WHERE "id" = ${broadcastId} AND "status" = 'RUNNING'
    RETURNING "nextSendAt" - make_interval(secs => ${gapMs / 1000}) AS "slot"`;
  return rows[0] ? rows[0].slot.getTime() : null;
}

async function claim(deps: Deps, broadcastId: number, limit: number): Promise<Claimed[]> {
  const until = new Date(deps.now().getTime() + deps.config.BROADCAST_CLAIM_SECONDS * 1000);
  return deps.db.$queryRaw<Claimed[]>`
    UPDATE "BroadcastRecipient" SET "state" = 'CLAIMED', "claimedUntil" = ${until}
     WHERE "id" IN (
       SELECT "id" FROM "BroadcastRecipient"
        WHERE "broadcastId" = ${broadcastId} AND "state" = 'PENDING'
        ORDER BY "id" LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
       AND "state" = 'PENDING'
    RETURNING "id", "userId", "chatId"`;
}

async function markSending(deps: Deps, broadcastId: number, id: bigint): Promise<boolean> {
  const n = await deps.db.$executeRaw`
    UPDATE "BroadcastRecipient" SET "state" = 'SENDING'
     WHERE "id" = ${id} AND "state" = 'CLAIMED' AND "claimedUntil" > ${deps.now()}
       AND EXISTS (SELECT 1 FROM "Broadcast" WHERE "id" = ${broadcastId} AND "status" = 'RUNNING' AND ("holdUntil" IS NULL OR "holdUntil" <= ${deps.now()}))`;
  return n === 1;
}

async function settle(deps: Deps, id: bigint, state: "SENT" | "BLOCKED" | "FAILED" | "UNCERTAIN", error: string | null): Promise<void> {
  const { count } = await deps.db.broadcastRecipient.updateMany({
    where: { id, state: "SENDING" },
    data: { state, claimedUntil: null, error: error?.slice(0, 500) ?? null, ...(state === "SENT" ? { sentAt: deps.now() } : {}) },
  });
  // Only if this sender was so slow its claim ran out and the row was already counted UNCERTAIN.
  if (count !== 1) deps.logger.warn({ recipientId: String(id), state }, "Broadcast recipient changed while its message was being sent; left as it is");
}

/** Claimed rows this sender will not try now go back to PENDING (guarded: only if still CLAIMED). */
async function release(deps: Deps, rows: Claimed[]): Promise<void> {
  if (rows.length === 0) return;
  await deps.db.broadcastRecipient.updateMany({ where: { id: { in: rows.map((r) => r.id) }, state: "CLAIMED" }, data: { state: "PENDING", claimedUntil: null } });
}

/** A dead sender's rows: untried ones back to PENDING, the one it was sending to UNCERTAIN. */
async function releaseExpired(deps: Deps, broadcastId: number): Promise<void> {
  const now = deps.now();
  await deps.db.broadcastRecipient.updateMany({ where: { broadcastId, state: "CLAIMED", claimedUntil: { lt: now } }, data: { state: "PENDING", claimedUntil: null } });
  await deps.db.broadcastRecipient.updateMany({
    where: { broadcastId, state: "SENDING", claimedUntil: { lt: now } },
    data: { state: "UNCERTAIN", claimedUntil: null, error: "The sender stopped while sending; maybe delivered, not resent" },
  });
}

/** RUNNING → DONE once no recipient is left to try (one statement, so a late claim cannot slip in). */
async function finishIfDone(deps: Deps, broadcastId: number): Promise<boolean> {
  const now = deps.now();
  const n = await deps.db.$executeRaw`
    UPDATE "Broadcast" SET "status" = 'DONE', "finishedAt" = ${now}
     WHERE "id" = ${broadcastId} AND "status" = 'RUNNING'
       AND NOT EXISTS (SELECT 1 FROM "BroadcastRecipient" WHERE "broadcastId" = ${broadcastId} AND "state" IN ('PENDING', 'CLAIMED', 'SENDING'))`;
  return n === 1;
}

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}

async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return;
  await delay(ms, undefined, signal ? { signal } : {}).catch(() => {});
}
