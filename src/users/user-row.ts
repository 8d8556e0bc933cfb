import type { Language, Role, User } from "@prisma/client";
import { Decimal } from "../money/decimal.js";

/**
 * The User columns for hand-written SQL over node-postgres (`u` is the User table's alias),
 * shaped so that `userFromRow` gives what Prisma would: timestamps read as UTC, bigint and
 * numeric as text, turned into BigInt and Decimal.
 */
export const USER_COLUMNS = `u."id", u."telegramId"::text AS "telegramId", u."username", u."firstName", u."language"::text AS "language",
  u."role"::text AS "role", u."blocked", u."resellerDiscount"::text AS "resellerDiscount",
  u."resellerRequestedAt" AT TIME ZONE 'UTC' AS "resellerRequestedAt", u."botBlockedAt" AT TIME ZONE 'UTC' AS "botBlockedAt",
  u."createdAt" AT TIME ZONE 'UTC' AS "createdAt", u."updatedAt" AT TIME ZONE 'UTC' AS "updatedAt"`;

export interface UserRow {
  id: number | null;
  telegramId: string | null;
  username: string | null;
  firstName: string | null;
  language: string | null;
  role: string | null;
  blocked: boolean | null;
  resellerDiscount: string | null;
  resellerRequestedAt: Date | null;
  botBlockedAt: Date | null;
  createdAt: Date | null;
  updatedAt: Date | null;
}

/** The user of a row selected with USER_COLUMNS, or null when the row has none (a LEFT JOIN miss). */
export function userFromRow(row: UserRow): User | null {
  if (row.id === null) return null;
  return {
    id: row.id,
    telegramId: row.telegramId === null ? null : BigInt(row.telegramId),
    username: row.username,
    firstName: row.firstName,
    language: row.language as Language,
    role: row.role as Role,
    blocked: row.blocked!,
    resellerDiscount: new Decimal(row.resellerDiscount!),
    resellerRequestedAt: row.resellerRequestedAt,
    botBlockedAt: row.botBlockedAt,
    createdAt: row.createdAt!,
    updatedAt: row.updatedAt!,
  };
}
