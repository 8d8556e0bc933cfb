import type { MiddlewareFn } from "grammy";
import type { CatalogueCache } from "../../catalogue/catalogue-cache.js";
import { poolOf } from "../../db/client.js";
import type { Deps } from "../../deps.js";
import { USER_COLUMNS, userFromRow, type UserRow } from "../../users/user-row.js";
import type { BotContext } from "../context.js";
import { chatSessionKeys, SessionConflictError, type SessionStore } from "../storage.js";

type Row = UserRow & { fresh: number; catalogueVersion: string | null; sessions: [string, string][] | null };

// Plain node-postgres: this statement runs for every update, and Prisma's runtime costs several
// times its CPU for a raw query.
const FIRST_STATEMENT = `
  WITH recorded AS (INSERT INTO "ProcessedUpdate" ("updateId") VALUES ($1::bigint) ON CONFLICT DO NOTHING RETURNING 1)
  SELECT (SELECT count(*) FROM recorded)::int AS "fresh",
         (SELECT "version"::text FROM "CatalogueVersion" WHERE "id" = 1) AS "catalogueVersion",
         (SELECT json_agg(json_build_array(s."key", s."value")) FROM "Session" s WHERE s."key" = ANY($2::text[])) AS "sessions",
         ${USER_COLUMNS}
    FROM (SELECT 1) one LEFT JOIN "User" u ON u."telegramId" = $3::bigint`;

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
  const pool = poolOf(deps.db);
  return async (ctx, next) => {
    const from = ctx.from && !ctx.from.is_bot ? String(ctx.from.id) : null;
    const keys = ctx.chat?.type === "private" ? chatSessionKeys(ctx.chat.id) : [];
    const { rows: [row] } = await pool.query<Row>(FIRST_STATEMENT, [String(ctx.update.update_id), keys, from]);
    if (!row || row.fresh === 0) {
      deps.logger.info({ updateId: ctx.update.update_id }, "Skipping an update that was already handled");
      return;
    }
    ctx.knownUser = from === null ? undefined : userFromRow(row);
    ctx.catalogue = catalogue.at(BigInt(row.catalogueVersion ?? 0));
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
