import type { Ticket, TicketMessage } from "@prisma/client";
import type { Actor } from "../audit/actor.js";
import { writeAudit } from "../audit/write-audit.js";
import type { Deps } from "../deps.js";
import { transaction } from "../db/transaction.js";
import { enqueue } from "../outbox/enqueue.js";
import { NotFoundError, ValidationError } from "../shared/errors.js";
import { MAX_TICKET_TEXT } from "./open-ticket.js";

export interface ReplyToTicketInput {
  ticketId: number;
  actor: Actor;
  text: string;
  /** The Telegram message this reply is (or will be) shown as in the admin chat. */
  telegramMessageId?: number;
}

export interface TicketReply {
  ticket: Ticket & { user: { telegramId: bigint | null; language: "bn" | "en" } };
  message: TicketMessage;
}

/**
 * An admin answers (ticket → ANSWERED) or the customer writes more (→ OPEN, reopening a closed
 * ticket). Anyone else gets "not found", so ticket ids reveal nothing.
 */
export async function replyToTicket(deps: Deps, input: ReplyToTicketInput): Promise<TicketReply> {
  const text = input.text.trim();
  if (text.length === 0) throw new ValidationError("text", "ticket_text_required", "The reply is empty");
  if (text.length > MAX_TICKET_TEXT) {
    throw new ValidationError("text", "ticket_text_too_long", `At most ${MAX_TICKET_TEXT} characters`, { max: MAX_TICKET_TEXT });
  }
  return transaction(deps.db, async (tx) => {
    const ticket = await tx.ticket.findUnique({ where: { id: input.ticketId } });
    const isOwner = ticket !== null && input.actor.userId !== undefined && ticket.userId === input.actor.userId;
    if (!ticket || (!input.actor.isAdmin && !isOwner)) throw new NotFoundError("Ticket", input.ticketId);
    const asAdmin = input.actor.isAdmin === true && !isOwner;
    const message = await tx.ticketMessage.create({
      data: {
        ticketId: ticket.id,
        author: asAdmin ? "ADMIN" : "CUSTOMER",
        authorId: input.actor.userId ?? null,
        text,
        telegramMessageId: input.telegramMessageId ?? null,
      },
    });
    const updated = await tx.ticket.update({
      where: { id: ticket.id },
      data: { status: asAdmin ? "ANSWERED" : "OPEN" },
      include: { user: { select: { telegramId: true, language: true } } },
    });
    if (asAdmin) {
      await enqueue(tx, "notify-customer-ticket", { ticketMessageId: message.id }, deps.now());
      await writeAudit(tx, input.actor, { action: "ticket.reply", entity: "Ticket", entityId: ticket.id, before: { status: ticket.status }, after: { status: "ANSWERED", messageId: message.id } });
    }
    return { ticket: updated, message };
  });
}
