import type { LedgerKind } from "@prisma/client";
import type { Tx } from "../db/client.js";
import { InsufficientBalanceError, NotFoundError } from "../shared/errors.js";
import { Decimal, exactMoneyText } from "./decimal.js";

export interface LedgerPosting {
  accountId: number;
  /** Positive: money in. Negative: money out. */
  amount: Decimal;
  kind: LedgerKind;
  orderId?: number;
  topUpId?: number;
  actorId?: number;
  note?: string;
}

/**
 * Moves money on one account and appends the matching ledger entry, inside the caller's
 * transaction. The balance update is a single conditional UPDATE, so concurrent postings on one
 * account serialise on its row lock and the floor (0, or -creditLimit for group accounts) holds.
 */
export async function post(tx: Tx, p: LedgerPosting): Promise<Decimal> {
  const rows = await tx.$queryRaw<{ balance: string }[]>`
    UPDATE "Account"
       SET "balance" = "balance" + ${p.amount}::numeric, "updatedAt" = now()
     WHERE "id" = ${p.accountId}
       AND ("balance" + ${p.amount}::numeric >= -"creditLimit" OR ${p.amount}::numeric >= 0)
    RETURNING "balance"::text AS balance`;
  const row = rows[0];
  if (!row) {
    const account = await tx.account.findUnique({ where: { id: p.accountId }, select: { balance: true, creditLimit: true } });
    if (!account) throw new NotFoundError("Account", p.accountId);
    throw new InsufficientBalanceError(
      exactMoneyText(account.balance.add(account.creditLimit)),
      exactMoneyText(p.amount.negated()),
    );
  }
  const balanceAfter = new Decimal(row.balance);
  await tx.ledgerEntry.create({
    data: {
      accountId: p.accountId,
      kind: p.kind,
      amount: p.amount,
      balanceAfter,
      orderId: p.orderId ?? null,
      topUpId: p.topUpId ?? null,
      actorId: p.actorId ?? null,
      note: p.note ?? null,
    },
  });
  return balanceAfter;
}
