import type { Deps } from "../deps.js";
import { demoAdminAllowed, ensureDemoAdmin } from "../users/admin-roster.js";
import { createAdminLoginLink } from "./login-link.js";

/**
 * A login link to print at start when Telegram is disabled (nobody can ask the bot for one):
 * for the first configured admin, or — only on the embedded, non-production default — for a local
 * demo admin with no Telegram id (the one syncAdmins keeps). Null when neither applies.
 */
export async function startupLoginLink(deps: Deps): Promise<string | null> {
  if (deps.config.BOT_TOKEN) return null;
  const first = deps.config.ADMIN_IDS[0];
  if (first !== undefined) {
    const admin = await deps.db.user.findUnique({ where: { telegramId: first }, select: { id: true, role: true } });
    return admin?.role === "ADMIN" ? createAdminLoginLink(deps, admin.id) : null;
  }
  if (!demoAdminAllowed(deps.config)) return null;
  const demo = await ensureDemoAdmin(deps.db);
  return demo.blocked ? null : createAdminLoginLink(deps, demo.id);
}
