import { poolOf, type Db } from "../db/client.js";
import { Decimal } from "./decimal.js";

/**
 * A user's balance (0 when they have no account yet), read with node-postgres: the bot shows it
 * on every order summary, where Prisma's runtime cost several times the statement's CPU.
 */
export async function userBalance(db: Db, userId: number): Promise<Decimal> {
  const { rows } = await poolOf(db).query<{ balance: string }>(`SELECT "balance"::text AS "balance" FROM "Account" WHERE "userId" = $1`, [userId]);
  return new Decimal(rows[0]?.balance ?? 0);
}
