import type { MiddlewareFn } from "grammy";
import type pg from "pg";
import type { BotContext } from "../context.js";

/** Advisory-lock namespace of per-chat locks ("PB"); the chat id's low 32 bits are the key. */
const NAMESPACE = 0x5042;

export class ChatBusyError extends Error {
  constructor(readonly chatId: number) {
    super(`Chat ${chatId} is busy on another instance; try again`);
  }
}

/**
 * Cross-instance per-chat ordering (webhook mode behind a load balancer): each update runs while
 * holding a PostgreSQL advisory lock for its chat, so two instances never handle updates of one
 * chat at once. One statement to take it (waiting at most `waitMs`), one to release it, on a
 * connection of a small pool of its own (never the app's, which the update itself needs). A
 * wait that runs out throws: the webhook answers 500 and Telegram delivers the update again.
 * Within one process `sequentialize` already queues a chat's updates, so a process holds at most
 * one lock connection per busy chat.
 */
export function chatLock(pool: pg.Pool, options: { waitMs?: number } = {}): MiddlewareFn<BotContext> {
  const timeout = `${options.waitMs ?? 15_000}ms`;
  return async (ctx, next) => {
    const chatId = ctx.chat?.id ?? ctx.from?.id;
    if (chatId === undefined) return next();
    const key = Number(BigInt.asIntN(32, BigInt(chatId)));
    const client = await pool.connect();
    try {
      await client.query("SELECT set_config('lock_timeout', $1, false), pg_advisory_lock($2, $3)", [timeout, NAMESPACE, key]);
    } catch (error) {
      client.release();
      if ((error as { code?: string }).code === "55P03") throw new ChatBusyError(chatId);
      throw error;
    }
    let healthy = true;
    try {
      await next();
    } finally {
      // A connection whose unlock failed is dropped: closing it releases the lock too.
      await client.query("SELECT pg_advisory_unlock($1, $2)", [NAMESPACE, key]).catch(() => (healthy = false));
      client.release(healthy ? undefined : true);
    }
  };
}
