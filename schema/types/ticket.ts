import { closeTicket } from "../../src/tickets/close-ticket.js";
import { replyToTicket } from "../../src/tickets/reply-to-ticket.js";
import { builder } from "../builder.js";
import { actorOf } from "../context.js";
import { ADMIN, TicketAuthorEnum, TicketStatusEnum, TicketTypeEnum } from "../enums.js";
import { domainErrors } from "../errors.js";
import { positiveId } from "../validation.js";

export const TicketMessage = builder.prismaObject("TicketMessage", {
  fields: (t) => ({
    id: t.exposeInt("id"),
    author: t.expose("author", { type: TicketAuthorEnum }),
    authorId: t.exposeInt("authorId", { nullable: true }),
    text: t.exposeString("text"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

export const Ticket = builder.prismaObject("Ticket", {
  fields: (t) => ({
    id: t.exposeInt("id"),
    type: t.expose("type", { type: TicketTypeEnum }),
    status: t.expose("status", { type: TicketStatusEnum }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    user: t.relation("user"),
    messages: t.relation("messages", { query: { orderBy: { id: "asc" } } }),
    orderIds: t.intList({ select: { orders: { select: { orderId: true } } }, resolve: (ticket) => ticket.orders.map((o) => o.orderId) }),
  }),
});

builder.queryFields((t) => ({
  tickets: t.prismaConnection({
    type: "Ticket",
    cursor: "id",
    authScopes: ADMIN,
    args: { status: t.arg({ type: TicketStatusEnum, required: false }) },
    resolve: (query, _r, args, ctx) =>
      ctx.deps.db.ticket.findMany({ ...query, where: args.status ? { status: args.status } : {}, orderBy: { id: "desc" } }),
  }),
  ticket: t.prismaField({
    type: "Ticket",
    nullable: true,
    authScopes: ADMIN,
    args: { id: t.arg.int() },
    resolve: (query, _r, { id }, ctx) => ctx.deps.db.ticket.findUnique({ ...query, where: { id } }),
  }),
}));

builder.mutationFields((t) => ({
  replyToTicket: t.prismaField({
    type: "Ticket",
    authScopes: ADMIN,
    errors: domainErrors,
    description: "Answers a ticket; the customer gets the reply in Telegram.",
    args: { ticketId: t.arg.int({ validate: positiveId }), text: t.arg.string() },
    resolve: async (_q, _r, args, ctx) => (await replyToTicket(ctx.deps, { ticketId: args.ticketId, text: args.text, actor: actorOf(ctx) })).ticket,
  }),
  closeTicket: t.prismaField({
    type: "Ticket",
    authScopes: ADMIN,
    errors: domainErrors,
    args: { ticketId: t.arg.int({ validate: positiveId }) },
    resolve: (_q, _r, args, ctx) => closeTicket(ctx.deps, { ticketId: args.ticketId, actor: actorOf(ctx) }),
  }),
}));
