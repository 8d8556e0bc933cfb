import { createHash } from "node:crypto";
import type { ConversationData, ConversationStorage, VersionedState } from "@grammyjs/conversations";
import type { StorageAdapter } from "grammy";
import { Prisma } from "@prisma/client";
import type { Db } from "../db/client.js";
import { sqlOf, type SqlClient } from "../db/sql-client.js";
import type { BaseContext, SessionData } from "./context.js";

/** A session write that lost a race: the row changed since this update read it. */
export class SessionConflictError extends Error {
  constructor(readonly key: string) {
    super(`Session ${key} changed since it was read; this update's write was refused`);
  }
}

const REMEMBERED = 10_000;

/** The Session keys of a chat: grammY's session and the conversations' state. */
export function chatSessionKeys(chatId: number): [session: string, conversation: string] {
  return [`session:${chatId}`, `conversation:${chatId}`];
}

export function sessionKey(ctx: { chatId?: number }): string | undefined {
  return ctx.chatId === undefined ? undefined : chatSessionKeys(ctx.chatId)[0];
}

function conversationKey(ctx: { chatId?: number }): string | undefined {
  return ctx.chatId === undefined ? undefined : chatSessionKeys(ctx.chatId)[1];
}

/** What one update does to one key: the value to write, or null to delete the row. */
type Change = { after: string | null };

/**
 * The Session table as grammY storage, written compare-and-set: a write (or delete) only lands on
 * the value this process read for that key, so a write that lost a race to another instance is
 * detected (SessionConflictError) instead of overwriting the other's step. Per-chat ordering
 * (sequentialize in a process, the chat lock across instances) makes this the exception.
 *
 * Within an update (`open` … `flush`, runtime/begin-update.ts) the chat's rows come from the
 * update's first statement and the writes of the session and the conversations go out together
 * in one statement at its end; outside one, each call is its own statement.
 */
export class SessionStore {
  /** Raw value last read per key (null: no row); bounded, an evicted key falls back to a plain upsert. */
  private readonly seen = new Map<string, string | null>();
  /** Keys of the updates in progress: what was read with the update, what it changed. */
  private readonly open = new Map<string, { read: string | null; change?: Change }>();

  private readonly sql: SqlClient;

  constructor(private readonly db: Db) {
    this.sql = sqlOf(db);
  }

  /** Starts an update of these keys with their rows as the update's first statement read them. */
  begin(rows: ReadonlyMap<string, string | null>): void {
    for (const [key, raw] of rows) {
      this.remember(key, raw);
      this.open.set(key, { read: raw });
    }
  }

  /** Ends the update of these keys; its changes are dropped (flush first to keep them). */
  end(keys: readonly string[]): void {
    for (const key of keys) this.open.delete(key);
  }

  async read(key: string): Promise<string | null> {
    const open = this.open.get(key);
    if (open) return open.change ? open.change.after : open.read;
    const row = await this.db.session.findUnique({ where: { key }, select: { value: true } });
    this.remember(key, row?.value ?? null);
    return row?.value ?? null;
  }

  async write(key: string, raw: string | null): Promise<void> {
    const open = this.open.get(key);
    if (open) {
      open.change = { after: raw };
      return;
    }
    await this.apply([[key, raw]]);
  }

  /** Writes what the update changed, in one statement (none when nothing changed). */
  async flush(keys: readonly string[]): Promise<void> {
    const changes: [string, string | null][] = [];
    for (const key of keys) {
      const open = this.open.get(key);
      if (open?.change) changes.push([key, open.change.after]);
      this.open.delete(key);
    }
    await this.apply(changes);
  }

  private async apply(changes: [string, string | null][]): Promise<void> {
    const ops: { key: string; op: "upsert" | "insert" | "update" | "delete"; before: string | null; after: string | null }[] = [];
    const mustLand: string[] = [];
    for (const [key, after] of changes) {
      const before = this.seen.get(key);
      if (before === after) continue;
      this.seen.delete(key);
      if (after === null) {
        if (before === null) continue;
        ops.push({ key, op: "delete", before: before === undefined ? null : digest(before), after });
        if (before !== undefined) mustLand.push(key);
      } else if (before === undefined) {
        ops.push({ key, op: "upsert", before: null, after });
      } else {
        ops.push({ key, op: before === null ? "insert" : "update", before: before === null ? null : digest(before), after });
        mustLand.push(key);
      }
    }
    if (ops.length === 0) return;
    // node-postgres (sql-client), like the update's first statement (runtime/begin-update.ts).
    // The digests are compared with IS NOT DISTINCT FROM, not `=`: with `=` PostgreSQL may hash-join
    // on the digest and compute it for every session row it scans (a plan kept for the connection
    // while the table was small made each write slower as sessions accumulated: the bot bench's
    // throughput fell by a quarter within a run); this way only the row matched by key is hashed.
    const landed = new Set(
      (
        await this.sql.rows<{ key: string }>(Prisma.sql`
          WITH input AS (SELECT * FROM jsonb_to_recordset(${JSON.stringify(ops)}::jsonb) AS i("key" text, "op" text, "before" text, "after" text)),
           upserted AS (INSERT INTO "Session" ("key", "value") SELECT "key", "after" FROM input WHERE "op" = 'upsert'
                          ON CONFLICT ("key") DO UPDATE SET "value" = EXCLUDED."value" RETURNING "key"),
           inserted AS (INSERT INTO "Session" ("key", "value") SELECT "key", "after" FROM input WHERE "op" = 'insert'
                          ON CONFLICT ("key") DO NOTHING RETURNING "key"),
           updated AS (UPDATE "Session" s SET "value" = i."after" FROM input i
                        WHERE i."op" = 'update' AND s."key" = i."key" AND sha256(convert_to(s."value", 'UTF8')) IS NOT DISTINCT FROM decode(i."before", 'hex') RETURNING s."key"),
           deleted AS (DELETE FROM "Session" s USING input i
                        WHERE i."op" = 'delete' AND s."key" = i."key" AND (i."before" IS NULL OR sha256(convert_to(s."value", 'UTF8')) IS NOT DISTINCT FROM decode(i."before", 'hex')) RETURNING s."key")
           SELECT "key" FROM upserted UNION ALL SELECT "key" FROM inserted UNION ALL SELECT "key" FROM updated UNION ALL SELECT "key" FROM deleted`)
      ).map((r) => r.key),
    );
    for (const op of ops) if (landed.has(op.key) || !mustLand.includes(op.key)) this.remember(op.key, op.after);
    const lost = mustLand.find((key) => !landed.has(key));
    if (lost !== undefined) throw new SessionConflictError(lost);
  }

  private remember(key: string, raw: string | null): void {
    this.seen.delete(key);
    this.seen.set(key, raw);
    if (this.seen.size > REMEMBERED) this.seen.delete(this.seen.keys().next().value!);
  }
}

/**
 * The value read, as the compare-and-set sends it: its SHA-256 instead of the value itself (a
 * conversation's state is kilobytes, sent and escaped once more on every step otherwise).
 */
function digest(raw: string): string {
  return createHash("sha256").update(raw, "utf8").digest("hex");
}

/** One key of the store as a grammY storage adapter (JSON values). */
function adapterOf<T>(store: SessionStore): StorageAdapter<T> {
  return {
    read: async (key) => {
      const raw = await store.read(key);
      return raw === null ? undefined : (JSON.parse(raw) as T);
    },
    write: (key, value) => store.write(key, JSON.stringify(value)),
    delete: (key) => store.write(key, null),
  };
}

export function sessionStorage(store: SessionStore): StorageAdapter<SessionData> {
  return adapterOf<SessionData>(store);
}

/**
 * Conversations live in the Session table, so a restart resumes them. State written by another
 * conversation version is dropped and flagged, so the user is told to start again instead of
 * meeting silence.
 */
export function conversationStorage(
  store: SessionStore,
  version: string | number,
  keyOf: (ctx: BaseContext) => string | undefined = conversationKey,
): ConversationStorage<BaseContext, ConversationData> {
  const adapter = adapterOf<VersionedState<ConversationData>>(store);
  return {
    type: "context",
    version,
    adapter: {
      async read(ctx) {
        const k = keyOf(ctx);
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
        const k = keyOf(ctx);
        if (k) await adapter.write(k, state);
      },
      async delete(ctx) {
        const k = keyOf(ctx);
        if (k) await adapter.delete(k);
      },
    },
  };
}
