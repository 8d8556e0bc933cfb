import type { ApiKey, User } from "@prisma/client";

export type ApiKeyUser = User & { apiKey: Pick<ApiKey, "id" | "prefix"> };

/**
 * Keys verified in this process, by hash, for a short time: a request then costs no statement for
 * its key. A change made through this process (revoking a key, blocking a user, changing a role)
 * drops the cache at once, so the next request is checked against the database; the same change
 * made by another process reaches this one within VERIFIED_KEY_TTL_MS (the entry expires).
 */
export const VERIFIED_KEY_TTL_MS = 2_000;
const MAX_KEYS = 10_000;

const verified = new Map<string, { user: ApiKeyUser; until: number }>();
/** Moves with every forget: a check that read the database before it must not store its answer. */
let generation = 0;

export function keyGeneration(): number {
  return generation;
}

export function cachedKeyUser(hash: string, now: Date): ApiKeyUser | null {
  const hit = verified.get(hash);
  if (!hit) return null;
  if (now.getTime() >= hit.until || now.getTime() < hit.until - VERIFIED_KEY_TTL_MS) {
    verified.delete(hash);
    return null;
  }
  return hit.user;
}

/** `readAt`: keyGeneration() before the database was read. */
export function rememberKeyUser(hash: string, user: ApiKeyUser, now: Date, readAt: number): void {
  if (readAt !== generation) return;
  if (verified.size >= MAX_KEYS) verified.delete(verified.keys().next().value!);
  verified.set(hash, { user, until: now.getTime() + VERIFIED_KEY_TTL_MS });
}

/** After any change to keys or to who may use them: every key is checked again on its next use. */
export function forgetVerifiedKeys(): void {
  generation += 1;
  verified.clear();
}
