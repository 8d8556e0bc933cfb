import type { MiddlewareFn } from "grammy";
import type { Db } from "../../db/client.js";
import type { BotContext } from "../context.js";

/** Telegram keeps undelivered updates for 24 h; remembering ids twice as long covers every redelivery. */
export const PROCESSED_UPDATE_RETENTION_HOURS = 48;

/**
 * Each update is handled at most once, whatever delivers it again (a webhook retry, a restart
 * before the offset was confirmed, two instances): the first to record its id handles it.
 */
export function dedupeUpdates(db: Db): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const { count } = await db.processedUpdate.createMany({ data: [{ updateId: BigInt(ctx.update.update_id) }], skipDuplicates: true });
    if (count === 0) {
      ctx.deps.logger.info({ updateId: ctx.update.update_id }, "Skipping an update that was already handled");
      return;
    }
    await next();
  };
}

/** Forgets update ids older than the retention; safe to run at any time. */
export async function pruneProcessedUpdates(db: Db, now: Date = new Date()): Promise<number> {
  const before = new Date(now.getTime() - PROCESSED_UPDATE_RETENTION_HOURS * 3600_000);
  const { count } = await db.processedUpdate.deleteMany({ where: { createdAt: { lt: before } } });
  return count;
}
