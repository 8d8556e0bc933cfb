// The broadcast's state changes, each a guarded update (status as expected, count === 1):
// DRAFT → RUNNING (start: recipients written in the same transaction) ⇄ PAUSED, and any of these
// → CANCELED. RUNNING → DONE belongs to the sender (send-broadcasts.ts).
import type { Broadcast, BroadcastStatus } from "@prisma/client";
import type { Actor } from "../audit/actor.js";
import { writeAudit } from "../audit/write-audit.js";
import type { Deps } from "../deps.js";
import type { Tx } from "../db/client.js";
import { transaction } from "../db/transaction.js";
import { ConflictError, ForbiddenError, InvalidStateError, NotFoundError, ValidationError } from "../shared/errors.js";
import { audienceCondition } from "./audience.js";
import { messageHash, messageOf } from "./message.js";
import { showProgress } from "./show-progress.js";

interface ControlInput {
  broadcastId: number;
  actor: Actor;
}

export interface StartInput extends ControlInput {
  /** Where progress is shown and edited (the chat the admin started it from); default: the admin chat. */
  progressChatId?: bigint | null;
  /** A message in that chat to turn into the progress message (the "Send?" one); default: a new one. */
  progressMessageId?: number | null;
}

export async function startBroadcast(deps: Deps, input: StartInput): Promise<Broadcast> {
  requireAdmin(input.actor);
  const now = deps.now();
  const started = await transaction(deps.db, async (tx) => {
    const b = await load(tx, input.broadcastId);
    if (b.status !== "DRAFT") throw wrongState(b, "started");
    if (!b.previewedHash || b.previewedHash !== messageHash(messageOf(b))) throw new ConflictError("preview_required", "Preview the message first: only a message Telegram accepted as a preview is sent");
    // Progress goes to the chat it was started from, else the admin chat, else its author's own chat.
    const progressChatId = input.progressChatId ?? deps.config.ADMIN_CHAT_ID ?? (await tx.user.findUnique({ where: { id: b.createdById }, select: { telegramId: true } }))?.telegramId ?? null;
    const moved = await tx.broadcast.updateMany({
      where: { id: b.id, status: "DRAFT" },
      data: { status: "RUNNING", startedAt: now, nextSendAt: null, progressChatId, progressMessageId: input.progressChatId ? (input.progressMessageId ?? null) : null },
    });
    if (moved.count !== 1) throw new ConflictError("changed", "The broadcast changed meanwhile; look again");
    // One row per recipient, written once: the set is fixed when sending starts.
    const written = await tx.$executeRaw`
      INSERT INTO "BroadcastRecipient" ("broadcastId", "userId", "chatId")
      SELECT ${b.id}, u."id", u."telegramId" FROM "User" u WHERE ${audienceCondition(b, now)}
      ON CONFLICT ("broadcastId", "userId") DO NOTHING`;
    if (written === 0) throw new ValidationError("audience", "empty_audience", "Nobody is in this audience; nothing was started");
    await writeAudit(tx, input.actor, { action: "broadcast.start", entity: "Broadcast", entityId: b.id, after: { recipients: written }, at: now });
    return tx.broadcast.findUniqueOrThrow({ where: { id: b.id } });
  });
  await showProgress(deps, started.id, { force: true });
  return started;
}

/** Takes effect before the sender's next message: it re-checks the status before each send. */
export function pauseBroadcast(deps: Deps, input: ControlInput): Promise<Broadcast> {
  return move(deps, input, ["RUNNING"], "PAUSED", "broadcast.pause");
}

export function resumeBroadcast(deps: Deps, input: ControlInput): Promise<Broadcast> {
  return move(deps, input, ["PAUSED"], "RUNNING", "broadcast.resume");
}

/** Nobody not yet tried gets it: their rows become SKIPPED (a send already under way finishes). */
export function cancelBroadcast(deps: Deps, input: ControlInput): Promise<Broadcast> {
  return move(deps, input, ["DRAFT", "RUNNING", "PAUSED"], "CANCELED", "broadcast.cancel", async (tx, id) => {
    await tx.broadcastRecipient.updateMany({ where: { broadcastId: id, state: { in: ["PENDING", "CLAIMED"] } }, data: { state: "SKIPPED", claimedUntil: null } });
  });
}

async function move(deps: Deps, input: ControlInput, from: BroadcastStatus[], to: BroadcastStatus, action: string, also?: (tx: Tx, id: number) => Promise<void>): Promise<Broadcast> {
  requireAdmin(input.actor);
  const now = deps.now();
  const moved = await transaction(deps.db, async (tx) => {
    const b = await load(tx, input.broadcastId);
    if (!from.includes(b.status)) throw wrongState(b, to.toLowerCase());
    const { count } = await tx.broadcast.updateMany({
      where: { id: b.id, status: b.status },
      data: { status: to, ...(to === "CANCELED" ? { finishedAt: now } : {}) },
    });
    if (count !== 1) throw new ConflictError("changed", "The broadcast changed meanwhile; look again");
    await also?.(tx, b.id);
    await writeAudit(tx, input.actor, { action, entity: "Broadcast", entityId: b.id, before: { status: b.status }, after: { status: to }, at: now });
    return tx.broadcast.findUniqueOrThrow({ where: { id: b.id } });
  });
  if (moved.startedAt) await showProgress(deps, moved.id, { force: true });
  return moved;
}

function requireAdmin(actor: Actor): void {
  if (!actor.isAdmin || actor.userId === undefined) throw new ForbiddenError("Only admins run broadcasts");
}

async function load(tx: Tx, id: number): Promise<Broadcast> {
  // Row lock: two admins pressing buttons at once change it one after the other.
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT "id" FROM "Broadcast" WHERE "id" = ${id} FOR UPDATE`;
  if (rows.length === 0) throw new NotFoundError("Broadcast", id);
  return tx.broadcast.findUniqueOrThrow({ where: { id } });
}

function wrongState(b: Broadcast, wanted: string): InvalidStateError {
  return new InvalidStateError(`Broadcast ${b.id} is ${b.status}; it cannot be ${wanted === "paused" || wanted === "started" ? wanted : `moved to ${wanted}`}`, { status: b.status });
}
