import { randomBytes } from "node:crypto";
import type { Config } from "../config.js";
import type { Db } from "../db/client.js";
import type { Deps } from "../deps.js";
import { sign, verifySignature } from "./signing.js";

export const SESSION_COOKIE = "pb_admin";
export const SESSION_TTL_SECONDS = 12 * 3600;

/**
 * Dashboard sessions are rows (AdminSession): the cookie is `<session id>.<hmac>`, so a session can
 * be revoked (logout, "log out everywhere", losing the admin role) and a leaked database row alone
 * is not a cookie. The user's role is re-read on every request (session-admin.ts).
 */
export async function openSession(deps: Pick<Deps, "db" | "config" | "now">, userId: number): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  await deps.db.adminSession.create({ data: { id, userId, expiresAt: new Date(deps.now().getTime() + SESSION_TTL_SECONDS * 1000) } });
  const secure = deps.config.PUBLIC_URL?.startsWith("https:") ? "; Secure" : "";
  return `${SESSION_COOKIE}=${id}.${sign(deps.config, "session", id)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${SESSION_TTL_SECONDS}${secure}`;
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`;
}

/** The session id in a well-signed session cookie (not yet checked against its row), else null. */
export function sessionIdFromCookie(config: Config, cookieHeader: string | null | undefined): string | null {
  const value = parseCookies(cookieHeader).get(SESSION_COOKIE);
  if (!value) return null;
  const [id, signature, extra] = value.split(".");
  if (!id || !signature || extra !== undefined || !/^[A-Za-z0-9_-]{32}$/.test(id)) return null;
  return verifySignature(config, "session", id, signature) ? id : null;
}

export async function revokeSession(db: Db, sessionId: string, now: Date): Promise<void> {
  await db.adminSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}

/** "Log out everywhere": every live session of this user. */
export async function revokeAllSessions(db: Db, userId: number, now: Date): Promise<number> {
  return (await db.adminSession.updateMany({ where: { userId, revokedAt: null, expiresAt: { gt: now } }, data: { revokedAt: now } })).count;
}

export function parseCookies(header: string | null | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) cookies.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return cookies;
}
