import type { Ticket } from "@prisma/client";
import type { Actor } from "../audit/actor.js";
import { writeAudit } from "../audit/write-audit.js";
import type { Deps } from "../deps.js";
import { transaction } from "../db/transaction.js";
import { NotFoundError } from "../shared/errors.js";

export interface CloseTicketInput {
  ticketId: number;
  actor: Actor;
}

/** Closes a ticket (its owner or an admin). Closing a closed ticket changes nothing. */
export async function closeTicket(deps: Deps, input: CloseTicketInput): Promise<Ticket> {
  return transaction(deps.db, async (tx) => {
    const ticket = await tx.ticket.findUnique({ where: { id: input.ticketId } });
    const isOwner = ticket !== null && input.actor.userId !== undefined && ticket.userId === input.actor.userId;
    if (!ticket || (!input.actor.isAdmin && !isOwner)) throw new NotFoundError("Ticket", input.ticketId);
    if (ticket.status === "CLOSED") return ticket;
    const closed = await tx.ticket.update({ where: { id: ticket.id }, data: { status: "CLOSED" } });
    if (input.actor.isAdmin && !isOwner) {
      await writeAudit(tx, input.actor, { action: "ticket.close", entity: "Ticket", entityId: ticket.id, before: { status: ticket.status }, after: { status: "CLOSED" } });
    }
    return closed;
  });
}
