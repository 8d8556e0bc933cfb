import { limit } from "@grammyjs/ratelimiter";
import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../context.js";

export interface FloodLimit {
  /** Window in milliseconds. */
  timeFrame: number;
  /** Updates per user per window; the rest are dropped. */
  limit: number;
}

export const DEFAULT_FLOOD_LIMIT: FloodLimit = { timeFrame: 3000, limit: 8 };

/** Per-user flood limit; admins are exempt so a busy shift never loses a button press. */
export function floodLimit(options: FloodLimit = DEFAULT_FLOOD_LIMIT): MiddlewareFn<BotContext> {
  return limit<BotContext, never>({
    timeFrame: options.timeFrame,
    limit: options.limit,
    keyGenerator: (ctx) => (ctx.from && !ctx.isAdmin ? String(ctx.from.id) : undefined),
    onLimitExceeded: (ctx) => {
      ctx.deps.logger.warn({ userId: ctx.from?.id }, "Flood limit reached; dropping the update");
      if (ctx.callbackQuery) void ctx.answerCallbackQuery().catch(() => {});
    },
  });
}
