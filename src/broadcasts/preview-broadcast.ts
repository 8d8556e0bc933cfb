import type { Broadcast } from "@prisma/client";
import type { Actor } from "../audit/actor.js";
import type { Deps } from "../deps.js";
import { DomainError, ForbiddenError, InvalidStateError, NotFoundError, ValidationError } from "../shared/errors.js";
import { messageHash, messageOf } from "./message.js";
import { requireTransport } from "./require-transport.js";

/**
 * Sends the broadcast to the admin who asks, exactly as customers will get it. This is also the
 * formatting check: Telegram refusing the HTML (400 "can't parse entities") comes back as a
 * ValidationError on `text`, and only a message that reached its author as a preview can start.
 */
export async function previewBroadcast(deps: Deps, input: { broadcastId: number; actor: Actor }): Promise<Broadcast> {
  const { actor } = input;
  if (!actor.isAdmin || actor.userId === undefined) throw new ForbiddenError("Only admins preview broadcasts");
  const transport = requireTransport(deps);
  const broadcast = await deps.db.broadcast.findUnique({ where: { id: input.broadcastId } });
  if (!broadcast) throw new NotFoundError("Broadcast", input.broadcastId);
  if (broadcast.status !== "DRAFT") throw new InvalidStateError(`Broadcast ${broadcast.id} is ${broadcast.status}: only a draft is previewed`, { status: broadcast.status });
  const admin = await deps.db.user.findUnique({ where: { id: actor.userId }, select: { telegramId: true } });
  if (!admin?.telegramId) throw new DomainError("no_telegram_chat", "You have no Telegram chat with the bot to preview in");
  const message = messageOf(broadcast);
  const outcome = await transport.send(admin.telegramId, message);
  switch (outcome.kind) {
    case "sent":
      return deps.db.broadcast.update({ where: { id: broadcast.id }, data: { previewedHash: messageHash(message) } });
    case "retry_after":
      throw new DomainError("telegram_busy", `Telegram asks to wait ${outcome.seconds} s; preview again then`, { seconds: outcome.seconds });
    case "blocked":
      throw new DomainError("no_telegram_chat", "You have not started the bot in a private chat (or blocked it): open it and press Start, then preview again");
    case "failed":
      throw new ValidationError("text", "telegram_refused", `Telegram refused the message: ${outcome.description}`, { telegram: outcome.description });
  }
}
