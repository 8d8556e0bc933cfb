import type { Config } from "../config.js";
import { sign, verifySignature } from "./signing.js";

export const SESSION_COOKIE = "pb_admin";
export const SESSION_TTL_SECONDS = 12 * 3600;

/** A stateless signed session: `<userId>.<expiresEpochSeconds>.<hmac>`. The user's role is re-checked on every request. */
export function sessionCookie(config: Config, userId: number, now: Date): string {
  const payload = `${userId}.${Math.floor(now.getTime() / 1000) + SESSION_TTL_SECONDS}`;
  const secure = config.PUBLIC_URL?.startsWith("https:") ? "; Secure" : "";
  return `${SESSION_COOKIE}=${payload}.${sign(config, "session", payload)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${SESSION_TTL_SECONDS}${secure}`;
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`;
}

/** The user id in a valid, unexpired session cookie, else null. */
export function readSession(config: Config, cookieHeader: string | null | undefined, now: Date): number | null {
  const value = parseCookies(cookieHeader).get(SESSION_COOKIE);
  if (!value) return null;
  const [userId, expires, signature] = value.split(".");
  if (!userId || !expires || !signature || !/^\d+$/.test(userId) || !/^\d+$/.test(expires)) return null;
  if (!verifySignature(config, "session", `${userId}.${expires}`, signature)) return null;
  if (Number(expires) * 1000 <= now.getTime()) return null;
  return Number(userId);
}

export function parseCookies(header: string | null | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) cookies.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return cookies;
}
