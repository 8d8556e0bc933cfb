import type { Deps } from "../deps.js";
import { revokeSession, sessionIdFromCookie } from "./session.js";

export interface SessionAdmin {
  id: number;
  telegramId: bigint | null;
  sessionId: string;
}

/**
 * The admin behind a dashboard session cookie, or null: the session row must be live and its user,
 * read now, an unblocked ADMIN. A session whose user lost the role (or was blocked) is revoked, so
 * it stays dead even if the role comes back.
 */
export async function sessionAdmin(deps: Deps, cookieHeader: string | null | undefined): Promise<SessionAdmin | null> {
  const sessionId = sessionIdFromCookie(deps.config, cookieHeader);
  if (sessionId === null) return null;
  const now = deps.now();
  const session = await deps.db.adminSession.findUnique({
    where: { id: sessionId },
    select: { expiresAt: true, revokedAt: true, user: { select: { id: true, role: true, blocked: true, telegramId: true } } },
  });
  if (!session || session.revokedAt !== null || session.expiresAt <= now) return null;
  const { user } = session;
  if (user.blocked || user.role !== "ADMIN") {
    await revokeSession(deps.db, sessionId, now);
    return null;
  }
  return { id: user.id, telegramId: user.telegramId, sessionId };
}
