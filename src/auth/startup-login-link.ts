import type { Deps } from "../deps.js";
import { createAdminLoginLink } from "./login-link.js";

const DEMO_ADMIN = "demo_admin";

/**
 * A login link to print at start when Telegram is disabled (nobody can ask the bot for one):
 * for the first configured admin, or — only on the embedded, non-production default — for a local
 * demo admin with no Telegram id (which syncAdmins leaves alone). Null when neither applies.
 */
export async function startupLoginLink(deps: Deps): Promise<string | null> {
  if (deps.config.BOT_TOKEN) return null;
  const first = deps.config.ADMIN_IDS[0];
  if (first !== undefined) {
    const admin = await deps.db.user.findUnique({ where: { telegramId: first }, select: { id: true, role: true } });
    return admin?.role === "ADMIN" ? createAdminLoginLink(deps, admin.id) : null;
  }
  if (!deps.config.embedded || deps.config.NODE_ENV === "production") return null;
  const demo =
    (await deps.db.user.findFirst({ where: { username: DEMO_ADMIN, telegramId: null, role: "ADMIN" }, select: { id: true } })) ??
    (await deps.db.user.create({ data: { username: DEMO_ADMIN, firstName: "Demo admin", role: "ADMIN", account: { create: {} } }, select: { id: true } }));
  return createAdminLoginLink(deps, demo.id);
}
