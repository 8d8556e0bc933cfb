import { Prisma, type BroadcastAudience, type Language } from "@prisma/client";
import type { Db } from "../db/client.js";
import { NotFoundError, ValidationError } from "../shared/errors.js";

export interface AudienceInput {
  audience: BroadcastAudience;
  language?: Language | null;
  /** ORDERED_RECENTLY: customers with an order in the last N days. */
  days?: number | null;
  groupId?: number | null;
}

/** The audience as stored on the broadcast (only the field its kind uses). */
export interface Audience {
  audience: BroadcastAudience;
  language: Language | null;
  orderedWithinDays: number | null;
  groupId: number | null;
}

export const MAX_DAYS = 3650;

export async function validateAudience(db: Db, input: AudienceInput): Promise<Audience> {
  const base: Audience = { audience: input.audience, language: null, orderedWithinDays: null, groupId: null };
  switch (input.audience) {
    case "ALL_CUSTOMERS":
    case "RESELLERS":
      return base;
    case "LANGUAGE":
      if (!input.language) throw new ValidationError("language", "language_required", "Pick the language of the audience");
      return { ...base, language: input.language };
    case "ORDERED_RECENTLY": {
      const days = input.days;
      if (days === null || days === undefined || !Number.isInteger(days) || days < 1 || days > MAX_DAYS)
        throw new ValidationError("days", "bad_days", `The number of days must be a whole number from 1 to ${MAX_DAYS}`, { min: 1, max: MAX_DAYS });
      return { ...base, orderedWithinDays: days };
    }
    case "GROUP": {
      if (!input.groupId) throw new ValidationError("groupId", "group_required", "Pick the group");
      const group = await db.group.findUnique({ where: { id: input.groupId }, select: { id: true } });
      if (!group) throw new NotFoundError("Group", input.groupId);
      return { ...base, groupId: group.id };
    }
  }
}

/**
 * The users an audience reaches at `now`: shop customers (not admins) with a Telegram chat, neither
 * blocked by the shop nor known to have blocked the bot. One condition for counting and for
 * writing the recipient rows.
 */
export function audienceCondition(a: Audience, now: Date): Prisma.Sql {
  const reachable = Prisma.sql`u."telegramId" IS NOT NULL AND NOT u."blocked" AND u."botBlockedAt" IS NULL AND u."role" <> 'ADMIN'`;
  switch (a.audience) {
    case "ALL_CUSTOMERS":
      return reachable;
    case "RESELLERS":
      return Prisma.sql`${reachable} AND u."role" = 'RESELLER'`;
    case "LANGUAGE":
      return Prisma.sql`${reachable} AND u."language"::text = ${a.language}`;
    case "ORDERED_RECENTLY": {
      const since = new Date(now.getTime() - (a.orderedWithinDays ?? 0) * 86_400_000);
      return Prisma.sql`${reachable} AND EXISTS (SELECT 1 FROM "Order" o WHERE o."userId" = u."id" AND o."createdAt" >= ${since})`;
    }
    case "GROUP":
      // Members with a remembered player id, and whoever ordered in the group.
      return Prisma.sql`${reachable} AND (
        EXISTS (SELECT 1 FROM "GroupMember" m WHERE m."userId" = u."id" AND m."groupId" = ${a.groupId})
        OR EXISTS (SELECT 1 FROM "Order" o JOIN "Group" g ON g."chatId" = o."groupChatId" WHERE o."userId" = u."id" AND g."id" = ${a.groupId}))`;
  }
}

export async function countAudience(db: Db, a: Audience, now: Date): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "User" u WHERE ${audienceCondition(a, now)}`;
  return row?.n ?? 0;
}
