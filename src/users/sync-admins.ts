import type { Config } from "../config.js";
import type { Db } from "../db/client.js";
import { forgetVerifiedKeys } from "../apikeys/verified-keys.js";
import { demoAdminAllowed, ensureDemoAdmin } from "./admin-roster.js";

/**
 * Makes ADMIN exactly the users in ADMIN_IDS (creating missing ones), plus the one local demo admin
 * where allowed (see admin-roster.ts). Everyone else with ADMIN becomes a customer — including rows
 * without a Telegram id, which SQL `NOT IN` alone would skip.
 */
export async function syncAdmins(db: Db, config: Pick<Config, "embedded" | "NODE_ENV" | "ADMIN_IDS">): Promise<void> {
  const ids = [...config.ADMIN_IDS];
  await db.$transaction(async (tx) => {
    for (const telegramId of ids) {
      await tx.user.upsert({
        where: { telegramId },
        create: { telegramId, role: "ADMIN", account: { create: {} } },
        update: { role: "ADMIN" },
      });
    }
    const demo = demoAdminAllowed(config) ? await ensureDemoAdmin(tx) : null;
    await tx.user.updateMany({
      where: {
        role: "ADMIN",
        OR: [{ telegramId: null }, { telegramId: { notIn: ids } }],
        ...(demo ? { NOT: { id: demo.id } } : {}),
      },
      data: { role: "CUSTOMER" },
    });
  });
  forgetVerifiedKeys();
}
