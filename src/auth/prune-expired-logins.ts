import type { Db } from "../db/client.js";

/** Deletes login links past their expiry and dashboard sessions that expired or were revoked. */
export async function pruneExpiredLogins(db: Db, now: Date): Promise<{ loginTokens: number; sessions: number }> {
  const tokens = await db.loginToken.deleteMany({ where: { expiresAt: { lt: now } } });
  const sessions = await db.adminSession.deleteMany({ where: { OR: [{ expiresAt: { lt: now } }, { revokedAt: { not: null } }] } });
  return { loginTokens: tokens.count, sessions: sessions.count };
}
