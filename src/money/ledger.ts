import { Prisma, type LedgerKind } from "@prisma/client";
import type { Tx } from "../db/client.js";
import { sqlIn, type SqlClient } from "../db/sql-client.js";
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
  /** When it happened (the use-case's deps.now()); the database clock if not given. */
  at?: Date;
}

/**
 * The one balance move, as a CTE named `moved` returning the new balance: a single conditional
 * UPDATE, so concurrent postings on one account serialise on its row lock and the floor (0, or
 * -creditLimit for group accounts) holds. `onlyIf` adds a condition checked in the same statement
 * (placement: "the service price is still the one the charge was computed from").
 */
export function moveBalanceCte(accountId: number, amount: Decimal, onlyIf: Prisma.Sql = Prisma.sql`TRUE`): Prisma.Sql {
  return Prisma.sql`moved AS (
      UPDATE "Account" SET "balance" = "balance" + ${amount}::numeric, "updatedAt" = now()
       WHERE "id" = ${accountId}
         AND ("balance" + ${amount}::numeric >= -"creditLimit" OR ${amount}::numeric >= 0)
         AND (${onlyIf})
      RETURNING "balance")`;
}

/**
 * The ledger entry of the `moved` CTE, as a CTE named `entry`. `orderId` may be SQL naming a row
 * inserted by another CTE of the same statement (placement); nothing is written for a zero amount
 * when `skipZero` (a goodwill order charged 0).
 */
export function ledgerEntryCte(
  p: Omit<LedgerPosting, "orderId"> & { orderId?: number | Prisma.Sql; from?: Prisma.Sql; skipZero?: boolean },
): Prisma.Sql {
  const orderId = p.orderId === undefined ? Prisma.sql`NULL::int` : typeof p.orderId === "number" ? Prisma.sql`${p.orderId}::int` : p.orderId;
  return Prisma.sql`entry AS (
      INSERT INTO "LedgerEntry" ("accountId", "kind", "amount", "balanceAfter", "orderId", "topUpId", "actorId", "note", "createdAt")
      SELECT ${p.accountId}, ${p.kind}::"LedgerKind", ${p.amount}::numeric, moved."balance", ${orderId},
             ${p.topUpId ?? null}::int, ${p.actorId ?? null}::int, ${p.note ?? null}, ${p.at ? Prisma.sql`${p.at}::timestamp` : Prisma.sql`now()`}
        FROM ${p.from ?? Prisma.sql`moved`} WHERE ${p.skipZero ? Prisma.sql`${p.amount}::numeric <> 0` : Prisma.sql`TRUE`})`;
}

/** What the balance floor reads of an account; NotFoundError when there is none. */
export async function accountFloor(sql: SqlClient, accountId: number): Promise<{ balance: Decimal; creditLimit: Decimal }> {
  const [account] = await sql.rows<{ balance: Decimal; creditLimit: Decimal }>(
    Prisma.sql`SELECT "balance", "creditLimit" FROM "Account" WHERE "id" = ${accountId}`,
  );
  if (!account) throw new NotFoundError("Account", accountId);
  return account;
}

/** Why a balance move wrote nothing: the account is unknown, or the floor refused `amount`. */
export async function refusedMove(sql: SqlClient, accountId: number, amount: Decimal): Promise<never> {
  throw floorRefused(await accountFloor(sql, accountId), amount);
}

/** The error for a move of `amount` that the account's floor refuses. */
export function floorRefused(account: { balance: Decimal; creditLimit: Decimal }, amount: Decimal): InsufficientBalanceError {
  return new InsufficientBalanceError(exactMoneyText(account.balance.add(account.creditLimit)), exactMoneyText(amount.negated()));
}

/** Whether the account's floor allows moving `amount` (the condition `moveBalanceCte` applies). */
export function floorAllows(account: { balance: Decimal; creditLimit: Decimal }, amount: Decimal): boolean {
  return amount.gte(0) || account.balance.add(amount).gte(account.creditLimit.negated());
}

/** Moves money on one account and appends the matching ledger entry: one statement. */
export async function post(tx: Tx, p: LedgerPosting): Promise<Decimal> {
  return postWith(sqlIn(tx), p);
}

/** post on any SqlClient (a node-postgres transaction on the sync's hot path). */
export async function postWith(sql: SqlClient, p: LedgerPosting): Promise<Decimal> {
  const [row] = await sql.rows<{ balance: Decimal }>(Prisma.sql`
    WITH ${moveBalanceCte(p.accountId, p.amount)}, ${ledgerEntryCte(p)}
    SELECT "balance" FROM moved`);
  if (!row) return refusedMove(sql, p.accountId, p.amount);
  return row.balance;
}
