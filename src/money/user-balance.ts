import { Prisma } from "@prisma/client";
import type { Db } from "../db/client.js";
import { sqlOf } from "../db/sql-client.js";
import type { Decimal } from "./decimal.js";

/**
 * A user's balance (0 when they have no account yet), read with node-postgres: the bot shows it
 * on every order summary, where Prisma's runtime cost several times the statement's CPU.
 */
export async function userBalance(db: Db, userId: number): Promise<Decimal> {
  const [row] = await sqlOf(db).rows<{ balance: Decimal }>(Prisma.sql`SELECT COALESCE((SELECT "balance" FROM "Account" WHERE "userId" = ${userId}), 0) AS "balance"`);
  return row!.balance;
}
