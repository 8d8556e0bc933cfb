import type { TopUp } from "@prisma/client";
import type { Actor } from "../audit/actor.js";
import { writeAudit } from "../audit/write-audit.js";
import type { Tx } from "../db/client.js";
import type { Deps } from "../deps.js";
import { transaction } from "../db/transaction.js";
import { Decimal } from "../money/decimal.js";
import { post } from "../money/ledger.js";
import { enqueue } from "../outbox/enqueue.js";
import { InvalidStateError, NotFoundError } from "../shared/errors.js";

/** Approves a pending top-up and credits the balance, once, however many admins press Approve. */
export async function approveTopUp(deps: Deps, topUpId: number, actor: Actor): Promise<TopUp> {
  return decide(deps, topUpId, actor, "APPROVED");
}

export async function rejectTopUp(deps: Deps, topUpId: number, actor: Actor, reason?: string): Promise<TopUp> {
  return decide(deps, topUpId, actor, "REJECTED", reason);
}

async function decide(deps: Deps, topUpId: number, actor: Actor, to: "APPROVED" | "REJECTED", reason?: string): Promise<TopUp> {
  return transaction(deps.db, (tx) => decideTopUpIn(tx, deps.now(), topUpId, actor, to, reason));
}

/** The one decision on a pending top-up (and its one credit), inside the caller's transaction. */
export async function decideTopUpIn(tx: Tx, now: Date, topUpId: number, actor: Actor, to: "APPROVED" | "REJECTED", reason?: string): Promise<TopUp> {
  const claimed = await tx.topUp.updateMany({
    where: { id: topUpId, status: "PENDING" },
    data: { status: to, decidedById: actor.userId ?? null, decidedAt: now, rejectReason: reason ?? null },
  });
  const topUp = await tx.topUp.findUnique({ where: { id: topUpId } });
  if (!topUp) throw new NotFoundError("TopUp", topUpId);
  if (claimed.count !== 1) {
    throw new InvalidStateError(`Top-up #${topUpId} was already ${topUp.status.toLowerCase()}`, { topUpId, status: topUp.status });
  }
  if (to === "APPROVED") {
    await post(tx, { accountId: topUp.accountId, amount: topUp.amount, kind: "TOPUP", topUpId, actorId: actor.userId, note: `${topUp.method} ${topUp.trxId}` });
    const adjustment = topUp.amount.mul(topUp.adjustPercent).div(100).toDecimalPlaces(2, Decimal.ROUND_DOWN);
    if (!adjustment.isZero()) {
      const kind = adjustment.isPositive() ? "TOPUP_BONUS" : "TOPUP_FEE";
      await post(tx, { accountId: topUp.accountId, amount: adjustment, kind, actorId: actor.userId, note: `${topUp.adjustPercent.toString()}% on top-up #${topUpId}` });
    }
  }
  await enqueue(tx, "notify-customer-topup", { topUpId }, now);
  await writeAudit(tx, actor, { action: `topup.${to.toLowerCase()}`, entity: "TopUp", entityId: topUpId, before: { status: "PENDING" }, after: { status: to, amount: topUp.amount.toString(), reason } });
  return topUp;
}
