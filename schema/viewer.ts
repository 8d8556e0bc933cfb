import { verifyApiKey } from "../src/apikeys/api-keys.js";
import { sessionAdmin } from "../src/auth/session-admin.js";
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
    const user = token ? await verifyApiKey(deps, token, now) : null;
    return user ? { userId: user.id, role: user.role, via: "apikey", label: `apikey:${user.apiKey.prefix}` } : null;
  }
  const admin = await sessionAdmin(deps, headers.get("cookie"));
  if (!admin) return null;
  return { userId: admin.id, role: "ADMIN", via: "session", label: `web:telegram:${admin.telegramId ?? admin.id}` };
}
