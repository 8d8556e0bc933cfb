import type { Language, User } from "@prisma/client";
import type { Deps } from "../deps.js";
import { isUniqueViolation } from "../db/transaction.js";

export interface TelegramProfile {
  telegramId: bigint;
  username?: string | null;
  firstName?: string | null;
  language?: Language;
}

/** The user behind a Telegram id, created with an empty account on first contact. */
export async function ensureTelegramUser(deps: Deps, p: TelegramProfile): Promise<User> {
  const { db } = deps;
  const existing = await db.user.findUnique({ where: { telegramId: p.telegramId } });
  if (existing) return existing;
  try {
    return await db.user.create({
      data: {
        telegramId: p.telegramId,
        username: p.username ?? null,
        firstName: p.firstName ?? null,
        language: p.language ?? "bn",
        account: { create: {} },
      },
    });
  } catch (error) {
    if (isUniqueViolation(error)) return db.user.findUniqueOrThrow({ where: { telegramId: p.telegramId } });
    throw error;
  }
}
