import type { Db } from "../db/client.js";

/** Remembers which admin-chat message shows a ticket message, so an admin can answer by replying to it. */
export async function linkAdminCopy(db: Db, ticketMessageId: number, telegramMessageId: number): Promise<void> {
  await db.ticketMessage.update({ where: { id: ticketMessageId }, data: { telegramMessageId } });
}

/** The ticket an admin-chat message belongs to, if it is the copy of a ticket message. */
export async function ticketForAdminCopy(db: Db, telegramMessageId: number): Promise<number | null> {
  const m = await db.ticketMessage.findFirst({ where: { telegramMessageId }, orderBy: { id: "desc" }, select: { ticketId: true } });
  return m?.ticketId ?? null;
}
