import { verifyApiKey } from "../src/apikeys/api-keys.js";
import { readSession } from "../src/auth/session.js";
import type { Deps } from "../src/deps.js";
import type { Viewer } from "./context.js";

/**
 * An API key (`Authorization: Bearer …`) names its owner; otherwise an admin session cookie from a
 * login link. A present but bad key makes the request anonymous (the cookie is not consulted).
 */
export async function resolveViewer(deps: Deps, headers: Headers): Promise<Viewer | null> {
  const now = deps.now();
  const authorization = headers.get("authorization");
  if (authorization !== null) {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
    const user = token ? await verifyApiKey(deps.db, token, now) : null;
    return user ? { userId: user.id, role: user.role, via: "apikey", label: `apikey:${user.apiKey.prefix}` } : null;
  }
  const sessionUserId = readSession(deps.config, headers.get("cookie"), now);
  if (sessionUserId === null) return null;
  const user = await deps.db.user.findUnique({ where: { id: sessionUserId }, select: { id: true, role: true, blocked: true, telegramId: true } });
  // Sessions are for admins only; one removed from ADMIN_IDS loses the dashboard at once.
  if (!user || user.blocked || user.role !== "ADMIN") return null;
  return { userId: user.id, role: user.role, via: "session", label: `web:telegram:${user.telegramId ?? user.id}` };
}
