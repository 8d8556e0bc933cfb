import type { Config } from "../config.js";
import type { Db, Tx } from "../db/client.js";

/**
 * Who is an admin: exactly the Telegram ids in ADMIN_IDS, plus one local demo admin (no Telegram
 * id) only on the embedded, non-production default with no ADMIN_IDS, so the dashboard can be
 * tried without Telegram. Every other ADMIN row is demoted at start.
 */
export const DEMO_ADMIN_USERNAME = "demo_admin";

export function demoAdminAllowed(config: Pick<Config, "embedded" | "NODE_ENV" | "ADMIN_IDS">): boolean {
  return config.embedded && config.NODE_ENV !== "production" && config.ADMIN_IDS.length === 0;
}

/** In ADMIN_IDS: their role comes from configuration, so it cannot be changed (or blocked) from inside. */
export function isListedAdmin(config: Pick<Config, "ADMIN_IDS">, telegramId: bigint | null): boolean {
  return telegramId !== null && config.ADMIN_IDS.includes(telegramId);
}

/** The one demo admin: the oldest demo row is reused (as ADMIN), never a new one per start. */
export async function ensureDemoAdmin(db: Db | Tx): Promise<{ id: number; blocked: boolean }> {
  const existing = await db.user.findFirst({ where: { username: DEMO_ADMIN_USERNAME, telegramId: null }, orderBy: { id: "asc" }, select: { id: true, role: true, blocked: true } });
  if (!existing) return db.user.create({ data: { username: DEMO_ADMIN_USERNAME, firstName: "Demo admin", role: "ADMIN", account: { create: {} } }, select: { id: true, blocked: true } });
  if (existing.role !== "ADMIN") await db.user.update({ where: { id: existing.id }, data: { role: "ADMIN" } });
  return { id: existing.id, blocked: existing.blocked };
}
