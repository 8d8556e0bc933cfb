import type { Deps } from "../deps.js";
import { broadcastCounts } from "./progress.js";

/** Progress edits at most this often while sending (Telegram limits edits too); state changes always show. */
const EVERY_MS = 3_000;

/**
 * Posts or edits the broadcast's progress message in its chat. A failure to show progress never
 * stops the sending: it is logged and tried again at the next change.
 */
export async function showProgress(deps: Deps, broadcastId: number, options: { force?: boolean } = {}): Promise<void> {
  const transport = deps.broadcasts;
  if (!transport) return;
  const b = await deps.db.broadcast.findUnique({ where: { id: broadcastId }, include: { createdBy: { select: { language: true } } } });
  if (!b?.progressChatId) return;
  const now = deps.now();
  if (!options.force && b.progressShownAt && now.getTime() - b.progressShownAt.getTime() < EVERY_MS) return;
  // Claim this refresh (one instance edits at a time; a lost race skips it).
  const { count } = await deps.db.broadcast.updateMany({ where: { id: b.id, progressShownAt: b.progressShownAt }, data: { progressShownAt: now } });
  if (count !== 1) return;
  const counts = (await broadcastCounts(deps.db, [b.id])).get(b.id)!;
  const inAdminChat = deps.config.ADMIN_CHAT_ID !== undefined && b.progressChatId === deps.config.ADMIN_CHAT_ID;
  try {
    const messageId = await transport.showProgress({
      broadcastId: b.id,
      status: b.status,
      counts,
      chatId: b.progressChatId,
      messageId: b.progressMessageId,
      language: inAdminChat ? deps.config.ADMIN_LANGUAGE : b.createdBy.language,
    });
    if (messageId !== null && messageId !== b.progressMessageId) await deps.db.broadcast.update({ where: { id: b.id }, data: { progressMessageId: messageId } });
  } catch (err) {
    deps.logger.warn({ err, broadcastId: b.id }, "Broadcast progress could not be shown");
  }
}
