import type { ConversationData, ConversationStorage, VersionedState } from "@grammyjs/conversations";
import type { StorageAdapter } from "grammy";
import type { Db } from "../db/client.js";
import type { BaseContext, SessionData } from "./context.js";

/** A session write that lost a race: the row changed since this update read it. */
export class SessionConflictError extends Error {
  constructor(readonly key: string) {
    super(`Session ${key} changed since it was read; this update's write was refused`);
  }
}

const REMEMBERED = 10_000;

/**
 * The Session table as grammY storage, written compare-and-set: a write (or delete) only lands on
 * the value this process read for that key, so a write that lost a race to another instance is
 * detected (SessionConflictError) instead of overwriting the other's step. Per-chat ordering
 * (sequentialize in a process, the chat lock across instances) makes this the exception.
 */
export class CasSessionStorage<T> implements StorageAdapter<T> {
  /** Raw value last read per key (null: no row); bounded, an evicted key falls back to a plain upsert. */
  private readonly seen = new Map<string, string | null>();

  constructor(private readonly db: Db) {}

  async read(key: string): Promise<T | undefined> {
    const row = await this.db.session.findUnique({ where: { key }, select: { value: true } });
    this.remember(key, row?.value ?? null);
    return row ? (JSON.parse(row.value) as T) : undefined;
  }

  async write(key: string, value: T): Promise<void> {
    const raw = JSON.stringify(value);
    const before = this.seen.get(key);
    if (before === raw) return;
    let landed: boolean;
    if (before === undefined) {
      await this.db.session.upsert({ where: { key }, create: { key, value: raw }, update: { value: raw } });
      landed = true;
    } else if (before === null) {
      landed = (await this.db.session.createMany({ data: [{ key, value: raw }], skipDuplicates: true })).count === 1;
    } else {
      landed = (await this.db.session.updateMany({ where: { key, value: before }, data: { value: raw } })).count === 1;
    }
    this.seen.delete(key);
    if (!landed) throw new SessionConflictError(key);
    this.remember(key, raw);
  }

  async delete(key: string): Promise<void> {
    const before = this.seen.get(key);
    this.seen.delete(key);
    if (before === null) return;
    const { count } = await this.db.session.deleteMany({ where: before === undefined ? { key } : { key, value: before } });
    if (before !== undefined && count === 0) throw new SessionConflictError(key);
  }

  private remember(key: string, raw: string | null): void {
    this.seen.delete(key);
    this.seen.set(key, raw);
    if (this.seen.size > REMEMBERED) this.seen.delete(this.seen.keys().next().value!);
  }
}

export function sessionStorage(db: Db): StorageAdapter<SessionData> {
  return new CasSessionStorage<SessionData>(db);
}

export function sessionKey(ctx: { chatId?: number }): string | undefined {
  return ctx.chatId === undefined ? undefined : `session:${ctx.chatId}`;
}

/**
 * Conversations live in the Session table, so a restart resumes them. State written by another
 * conversation version is dropped and flagged, so the user is told to start again instead of
 * meeting silence.
 */
export function conversationStorage(
  db: Db,
  version: string | number,
  key: (ctx: BaseContext) => string | undefined = (ctx) => (ctx.chatId === undefined ? undefined : `conversation:${ctx.chatId}`),
): ConversationStorage<BaseContext, ConversationData> {
  const adapter = new CasSessionStorage<VersionedState<ConversationData>>(db);
  return {
    type: "context",
    version,
    adapter: {
      async read(ctx) {
        const k = key(ctx);
        if (!k) return undefined;
        const stored = await adapter.read(k);
        if (stored && stored.version[1] !== version) {
          ctx.conversationExpired = Object.values(stored.state ?? {}).some((list) => list.length > 0);
          await adapter.delete(k);
          return undefined;
        }
        return stored;
      },
      async write(ctx, state) {
        const k = key(ctx);
        if (k) await adapter.write(k, state);
      },
      async delete(ctx) {
        const k = key(ctx);
        if (k) await adapter.delete(k);
      },
    },
  };
}
