import type { User } from "@prisma/client";
import type { Deps } from "../deps.js";

/**
 * Whether the bot can write to the user: set when Telegram says they blocked it (a 403 on a send,
 * or their own "stop bot"), cleared as soon as they write or press a button again. Broadcasts
 * leave out users who blocked the bot.
 */
export async function recordBotReachability(deps: Deps, user: User, reachable: boolean): Promise<User> {
  if (reachable === (user.botBlockedAt === null)) return user;
  const botBlockedAt = reachable ? null : deps.now();
  await deps.db.user.updateMany({ where: { id: user.id, botBlockedAt: reachable ? { not: null } : null }, data: { botBlockedAt } });
  return { ...user, botBlockedAt };
}

/** Telegram answered 403 to a message for this user (by shop user id or Telegram chat id). */
export async function markBotBlocked(deps: Deps, who: { userId: number } | { telegramId: bigint }): Promise<void> {
  const where = "userId" in who ? { id: who.userId } : { telegramId: who.telegramId };
  await deps.db.user.updateMany({ where: { ...where, botBlockedAt: null }, data: { botBlockedAt: deps.now() } });
}
