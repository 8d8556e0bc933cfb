import type { Db } from "../db/client.js";

/** Admins are the numeric Telegram ids in configuration: make exactly those users ADMIN. */
export async function syncAdmins(db: Db, adminTelegramIds: readonly bigint[]): Promise<void> {
  await db.$transaction(async (tx) => {
    for (const telegramId of adminTelegramIds) {
      await tx.user.upsert({
        where: { telegramId },
        create: { telegramId, role: "ADMIN", account: { create: {} } },
        update: { role: "ADMIN" },
      });
    }
    await tx.user.updateMany({
      where: { role: "ADMIN", telegramId: { notIn: [...adminTelegramIds] } },
      data: { role: "CUSTOMER" },
    });
  });
}
