import { Prisma, type User } from "@prisma/client";
import type { MiddlewareFn } from "grammy";
import type { CatalogueCache } from "../../catalogue/catalogue-cache.js";
import { sqlOf } from "../../db/sql-client.js";
import type { Deps } from "../../deps.js";
import type { BotContext } from "../context.js";
import { chatSessionKeys, SessionConflictError, type SessionStore } from "../storage.js";

type Row = Partial<User> & { fresh: number; catalogueVersion: bigint | null; sessions: [string, string][] | null };

/**
 * Each update starts with one statement and ends with at most one more:
 * - it records the update id (INSERT … ON CONFLICT DO NOTHING): each update is handled at most
 *   once, whatever delivers it again (a webhook retry, a restart before the offset was confirmed,
 *   two instances): the first to record its id handles it;
 * - in the same statement it reads what every step needs: the sender's user row, the private
 *   chat's session and conversation rows, and the catalogue version (catalogue-cache.ts);
 * - at the end, what the session and the conversations changed is written in one statement
 *   (compare-and-set, storage.ts), nothing when they changed nothing.
 * Runs after the chat lock, so the rows read here are the chat's latest.
 */
export function beginUpdate(deps: Deps, sessions: SessionStore, catalogue: CatalogueCache): MiddlewareFn<BotContext> {
  // node-postgres (sql-client): this statement runs for every update, and Prisma's runtime costs
  // several times its CPU for a raw query.
  const sql = sqlOf(deps.db);
  return async (ctx, next) => {
    const from = ctx.from && !ctx.from.is_bot ? BigInt(ctx.from.id) : null;
    const keys = ctx.chat?.type === "private" ? chatSessionKeys(ctx.chat.id) : [];
    const [row] = await sql.rows<Row>(Prisma.sql`
      WITH recorded AS (INSERT INTO "ProcessedUpdate" ("updateId") VALUES (${BigInt(ctx.update.update_id)}) ON CONFLICT DO NOTHING RETURNING 1)
      SELECT (SELECT count(*) FROM recorded)::int AS "fresh",
             (SELECT "version" FROM "CatalogueVersion" WHERE "id" = 1) AS "catalogueVersion",
             (SELECT json_agg(json_build_array(s."key", s."value")) FROM "Session" s WHERE s."key" = ANY(${keys}::text[])) AS "sessions",
             u.*
        FROM (SELECT 1) one LEFT JOIN "User" u ON u."telegramId" = ${from}::bigint`);
    if (!row || row.fresh === 0) {
      deps.logger.info({ updateId: ctx.update.update_id }, "Skipping an update that was already handled");
      return;
    }
    ctx.knownUser = from === null ? undefined : userOf(row);
    ctx.catalogue = catalogue.at(row.catalogueVersion ?? 0n);
    const stored = new Map(row.sessions ?? []);
    sessions.begin(new Map(keys.map((k) => [k, stored.get(k) ?? null])));
    try {
      await next();
      await sessions.flush(keys).catch((error: unknown) => {
        if (error instanceof SessionConflictError) return deps.logger.warn({ key: error.key, updateId: ctx.update.update_id }, "Session write lost a race; refused");
        deps.logger.error({ err: error, updateId: ctx.update.update_id, chatId: ctx.chat?.id }, "Bot handler failed");
      });
    } finally {
      sessions.end(keys);
    }
  };
}

/** The user columns of the row (u.*), or null when the sender has no user yet. */
function userOf(row: Row): User | null {
  if (row.id === null || row.id === undefined) return null;
  const { fresh: _f, catalogueVersion: _c, sessions: _s, ...user } = row;
  return user as User;
}
