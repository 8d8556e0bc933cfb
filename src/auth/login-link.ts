import { randomBytes } from "node:crypto";
import type { Deps } from "../deps.js";
import { writeAudit } from "../audit/write-audit.js";
import { transaction } from "../db/transaction.js";
import { ForbiddenError, NotFoundError } from "../shared/errors.js";
import { sign, verifySignature } from "./signing.js";

export const LOGIN_LINK_TTL_MS = 10 * 60_000;
export const LOGIN_PATH = "/admin/login";

/**
 * A one-time link that opens an admin web session. The token is `<id>.<hmac(id)>`: the row makes
 * it single-use and short-lived, the signature means a leaked database row alone cannot be used.
 */
export async function createAdminLoginLink(deps: Deps, adminUserId: number): Promise<string> {
  const user = await deps.db.user.findUnique({ where: { id: adminUserId }, select: { role: true, blocked: true } });
  if (!user) throw new NotFoundError("User", adminUserId);
  if (user.role !== "ADMIN" || user.blocked) throw new ForbiddenError("Only admins get a dashboard link");
  const id = randomBytes(18).toString("base64url");
  await deps.db.loginToken.create({ data: { id, userId: adminUserId, expiresAt: new Date(deps.now().getTime() + LOGIN_LINK_TTL_MS) } });
  const base = deps.config.PUBLIC_URL ?? `http://127.0.0.1:${deps.config.PORT}`;
  const url = new URL(LOGIN_PATH, base);
  url.searchParams.set("token", `${id}.${sign(deps.config, "login", id)}`);
  return url.toString();
}

/** Spends a login token once; answers with the admin's user id, or null for any bad, used or expired token. */
export async function consumeLoginToken(deps: Deps, token: string): Promise<number | null> {
  const [id, signature, extra] = token.split(".");
  if (!id || !signature || extra !== undefined || !verifySignature(deps.config, "login", id, signature)) return null;
  const now = deps.now();
  return transaction(deps.db, async (tx) => {
    const spent = await tx.loginToken.updateMany({ where: { id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (spent.count !== 1) return null;
    const row = await tx.loginToken.findUniqueOrThrow({ where: { id }, include: { user: { select: { id: true, role: true, blocked: true, telegramId: true } } } });
    if (row.user.role !== "ADMIN" || row.user.blocked) return null;
    await writeAudit(tx, { userId: row.user.id, label: `telegram:${row.user.telegramId ?? row.user.id}`, isAdmin: true }, {
      action: "admin.web_login",
      entity: "User",
      entityId: row.user.id,
    });
    return row.user.id;
  });
}
