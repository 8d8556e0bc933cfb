import type { Deps } from "../deps.js";
import { readSession } from "./session.js";

/**
 * The admin behind a web session cookie, or null. Sessions are for admins only: one blocked or
 * removed from ADMIN_IDS loses the dashboard (and the try page) at once.
 */
export async function sessionAdmin(deps: Deps, cookieHeader: string | null | undefined): Promise<{ id: number; telegramId: bigint | null } | null> {
  const userId = readSession(deps.config, cookieHeader, deps.now());
  if (userId === null) return null;
  const user = await deps.db.user.findUnique({ where: { id: userId }, select: { id: true, role: true, blocked: true, telegramId: true } });
  if (!user || user.blocked || user.role !== "ADMIN") return null;
  return { id: user.id, telegramId: user.telegramId };
}
