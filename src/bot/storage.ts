import type { ConversationData, ConversationStorage, VersionedState } from "@grammyjs/conversations";
import { PrismaAdapter } from "@grammyjs/storage-prisma";
import type { StorageAdapter } from "grammy";
import type { Db } from "../db/client.js";
import type { BaseContext, SessionData } from "./context.js";

export function sessionStorage(db: Db): StorageAdapter<SessionData> {
  return new PrismaAdapter<SessionData>(db.session);
}

export function sessionKey(ctx: { chatId?: number }): string | undefined {
  return ctx.chatId === undefined ? undefined : `session:${ctx.chatId}`;
}

/**
 * Conversations live in the Session table, so a restart resumes them. State written by another
 * conversation version is dropped and flagged, so the user is told to start again instead of
 * meeting silence.
 */
export function conversationStorage(db: Db, version: string | number): ConversationStorage<BaseContext, ConversationData> {
  const adapter = new PrismaAdapter<VersionedState<ConversationData>>(db.session);
  const key = (ctx: BaseContext) => (ctx.chatId === undefined ? undefined : `conversation:${ctx.chatId}`);
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
