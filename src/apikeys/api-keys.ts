import type { Deps } from "../deps.js";
import { randomBytes } from "node:crypto";
import { hashSecret } from "../shared/hash-secret.js";
import type { ApiKey, User } from "@prisma/client";
import type { Actor } from "../audit/actor.js";
import { writeAudit } from "../audit/write-audit.js";
import { transaction } from "../db/transaction.js";
import { NotFoundError, ValidationError } from "../shared/errors.js";
import { requireActiveCustomer } from "../users/require-active-customer.js";
import { cachedKeyUser, forgetVerifiedKeys, keyGeneration, rememberKeyUser, type ApiKeyUser } from "./verified-keys.js";

const KEY_PATTERN = /^pb_[A-Za-z0-9_-]{32}$/;
/** lastUsedAt is a hint for admins, not an audit trail: write it at most once a minute per key. */
const LAST_USED_RESOLUTION_MS = 60_000;

export interface IssueApiKeyInput {
  userId: number;
  name?: string;
  /** Who issued it, when not the user themselves (an admin): written to the audit log. */
  actor?: Actor;
}

export interface IssuedApiKey {
  /** The whole key: shown once, never stored. */
  key: string;
  apiKey: ApiKey;
}

export type { ApiKeyUser };

export const hashApiKey = hashSecret;

export async function issueApiKey(deps: Deps, input: IssueApiKeyInput): Promise<IssuedApiKey> {
  const { db } = deps;
  const name = input.name?.trim() || null;
  if (name && name.length > 64) throw new ValidationError("name", "name_too_long", "A key name has at most 64 characters");
  await requireActiveCustomer(db, input.userId);
  const key = `pb_${randomBytes(24).toString("base64url")}`;
  const apiKey = await transaction(db, async (tx) => {
    const created = await tx.apiKey.create({ data: { userId: input.userId, prefix: key.slice(0, 8), hash: hashApiKey(key), name } });
    if (input.actor) {
      await writeAudit(tx, input.actor, { action: "apikey.issue", entity: "ApiKey", entityId: created.id, after: { userId: input.userId, prefix: created.prefix, name } });
    }
    return created;
  });
  return { key, apiKey };
}

export interface RevokeApiKeyInput {
  apiKeyId: number;
  /** When set, the key must belong to this user (a customer revoking their own key). */
  ownerUserId?: number;
  actor?: Actor;
}

/** Revokes a key at once; revoking twice answers with the same revoked key. */
export async function revokeApiKey(deps: Deps, input: RevokeApiKeyInput): Promise<ApiKey> {
  const { db } = deps;
  const revoked = await transaction(db, async (tx) => {
    const key = await tx.apiKey.findUnique({ where: { id: input.apiKeyId } });
    if (!key || (input.ownerUserId !== undefined && key.userId !== input.ownerUserId)) throw new NotFoundError("ApiKey", input.apiKeyId);
    if (key.revokedAt) return key;
    const revoked = await tx.apiKey.update({ where: { id: key.id }, data: { revokedAt: deps.now() } });
    if (input.actor) {
      await writeAudit(tx, input.actor, { action: "apikey.revoke", entity: "ApiKey", entityId: key.id, before: { revokedAt: null }, after: { revokedAt: revoked.revokedAt } });
    }
    return revoked;
  });
  forgetVerifiedKeys();
  return revoked;
}

/** The active, unblocked owner of a key, or null for anything else (malformed, unknown, revoked, blocked). */
export async function verifyApiKey(deps: Deps, key: string, now: Date = deps.now()): Promise<ApiKeyUser | null> {
  const { db } = deps;
  if (!KEY_PATTERN.test(key)) return null;
  const hash = hashApiKey(key);
  const cached = cachedKeyUser(hash, now);
  if (cached) return cached;
  const readAt = keyGeneration();
  const found = await db.apiKey.findUnique({ where: { hash }, include: { user: true } });
  if (!found || found.revokedAt || found.user.blocked) return null;
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiKey.update({ where: { id: found.id }, data: { lastUsedAt: now } });
  }
  const user: ApiKeyUser = { ...found.user, apiKey: { id: found.id, prefix: found.prefix } };
  rememberKeyUser(hash, user, now, readAt);
  return user;
}
