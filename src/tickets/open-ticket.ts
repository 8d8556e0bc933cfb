import type { Ticket, TicketMessage, TicketType } from "@prisma/client";
import type { Db } from "../db/client.js";
import type { Deps } from "../deps.js";
import { transaction } from "../db/transaction.js";
import { NotFoundError, ValidationError } from "../shared/errors.js";
import { numbersIn } from "../shared/numbers.js";
import { AUTO_TYPES, autoReplyFor } from "./auto-reply.js";
import { describeOutcome, needsAdmin, type TicketOutcome } from "./ticket-outcomes.js";

export const TICKET_TYPES: readonly TicketType[] = ["REFILL", "CANCEL", "SPEED_UP", "RESTART", "FAKE_COMPLETION", "PAYMENT", "OTHER"];
export const MAX_TICKET_ORDERS = 20;
export const MAX_TICKET_TEXT = 2000;

export interface OpenTicketInput {
  userId: number;
  type: TicketType;
  orderIds: number[];
  text: string;
}

export interface OpenedTicket {
  ticket: Ticket;
  /** The customer's message (its admin-chat copy is linked to it afterwards). */
  message: TicketMessage;
  /** Per-order automatic answers; empty when the type has none (payment, other). */
  outcomes: TicketOutcome[];
  /** The automatic answer settled everything: the ticket is ANSWERED. */
  answered: boolean;
}

/** Order ids as a customer types them: "#12, 15 17". */
export function parseOrderIds(text: string): number[] {
  return numbersIn(text).filter((n) => Number.isSafeInteger(n) && n > 0 && n < 2 ** 31);
}

/** Refuses (not found) the first id that is not one of this customer's orders: checked as soon as they are typed. */
export async function requireOwnOrders(db: Db, userId: number, orderIds: number[]): Promise<void> {
  if (orderIds.length > MAX_TICKET_ORDERS) {
    throw new ValidationError("orderIds", "ticket_too_many_orders", `At most ${MAX_TICKET_ORDERS} orders per ticket`, { max: MAX_TICKET_ORDERS });
  }
  const own = await db.order.findMany({ where: { id: { in: orderIds }, userId }, select: { id: true } });
  const missing = orderIds.find((id) => !own.some((o) => o.id === id));
  if (missing !== undefined) throw new NotFoundError("Order", missing);
}

/**
 * Opens a support ticket and answers it at once where the rules allow (product.md "Support
 * tickets with auto-replies"): cancel → cancel and refund or ask the provider; refill → ask the
 * provider; speed up / restart / fake completion → live progress, left open for an admin.
 */
export async function openTicket(deps: Deps, input: OpenTicketInput): Promise<OpenedTicket> {
  const { db } = deps;
  if (!TICKET_TYPES.includes(input.type)) throw new ValidationError("type", "ticket_type_invalid", "Unknown ticket type");
  const text = input.text.trim();
  if (text.length === 0) throw new ValidationError("text", "ticket_text_required", "Write what the problem is");
  if (text.length > MAX_TICKET_TEXT) {
    throw new ValidationError("text", "ticket_text_too_long", `At most ${MAX_TICKET_TEXT} characters`, { max: MAX_TICKET_TEXT });
  }
  const orderIds = [...new Set(input.orderIds)];
  const isAuto = AUTO_TYPES.includes(input.type);
  if (isAuto && orderIds.length === 0) throw new ValidationError("orderIds", "ticket_orders_required", "Name at least one of your orders");
  await requireOwnOrders(db, input.userId, orderIds);

  const { ticket, message } = await transaction(db, async (tx) => {
    const ticket = await tx.ticket.create({
      data: { userId: input.userId, type: input.type, orders: { create: orderIds.map((orderId) => ({ orderId })) } },
    });
    const message = await tx.ticketMessage.create({ data: { ticketId: ticket.id, author: "CUSTOMER", authorId: input.userId, text } });
    return { ticket, message };
  });
  if (!isAuto) return { ticket, message, outcomes: [], answered: false };

  const actor = { userId: input.userId, label: `ticket:${ticket.id}`, isAdmin: false };
  const outcomes: TicketOutcome[] = [];
  for (const orderId of orderIds) outcomes.push(await autoReplyFor(deps, input.type, orderId, actor));
  const answered = !outcomes.some(needsAdmin);
  const updated = await transaction(db, async (tx) => {
    await tx.ticketMessage.create({ data: { ticketId: ticket.id, author: "AUTO", text: outcomes.map(describeOutcome).join("\n") } });
    return tx.ticket.update({ where: { id: ticket.id }, data: { status: answered ? "ANSWERED" : "OPEN" } });
  });
  return { ticket: updated, message, outcomes, answered };
}
