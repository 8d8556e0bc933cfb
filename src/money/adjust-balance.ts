import type { Deps } from "../deps.js";
import type { Actor } from "../audit/actor.js";
import { writeAudit } from "../audit/write-audit.js";
import type { Db } from "../db/client.js";
import { transaction } from "../db/transaction.js";
import { ValidationError } from "../shared/errors.js";
import { Decimal } from "./decimal.js";
import { post } from "./ledger.js";

export interface AdjustBalanceInput {
  accountId: number;
  /** Signed amount: "+100", "-25.5", "100". */
  amount: string;
  note: string;
  actor: Actor;
}

/** An admin's correction of a balance, with a reason, written to the ledger and the audit log. */
export async function adjustBalance(deps: Deps, input: AdjustBalanceInput): Promise<Decimal> {
  const { db } = deps;
  if (!/^[+-]?\d{1,12}(\.\d{1,4})?$/.test(input.amount.trim())) {
    throw new ValidationError("amount", "amount_invalid", "Amount must be a signed number with at most 4 decimals, e.g. -25.50");
  }
  const amount = new Decimal(input.amount.trim());
  if (amount.isZero()) throw new ValidationError("amount", "amount_invalid", "Amount must not be zero");
  const note = input.note.trim();
  if (note.length === 0 || note.length > 500) throw new ValidationError("note", "note_required", "A reason (1-500 characters) is required");
  return transaction(db, async (tx) => {
    const before = await tx.account.findUnique({ where: { id: input.accountId }, select: { balance: true } });
    const after = await post(tx, { accountId: input.accountId, amount, kind: "ADJUSTMENT", actorId: input.actor.userId, note });
    await writeAudit(tx, input.actor, {
      action: "balance.adjust",
      entity: "Account",
      entityId: input.accountId,
      before: { balance: before?.balance.toString() },
      after: { balance: after.toString(), amount: amount.toString(), note },
    });
    return after;
  });
}
