import { DomainError } from "../../shared/errors.js";
import { isPending } from "../../outbox/enqueue.js";
import { ticketForAdminCopy } from "../../tickets/link-admin-copy.js";
import { replyToTicket } from "../../tickets/reply-to-ticket.js";
import type { BotContext } from "../context.js";
import { errorText } from "../errors.js";
import { adminLocale } from "../notifications/admin-targets.js";
import { deliverNow } from "../notifications/deliver-now.js";

/** An admin replied to a ticket's message in the admin chat: the reply goes to the customer. */
export async function answerTicketFromAdminChat(ctx: BotContext): Promise<boolean> {
  const message = ctx.message!;
  const ticketId = await ticketForAdminCopy(ctx.deps.db, message.reply_to_message!.message_id);
  if (ticketId === null) return false;
  const t = ctx.i18n.translator(adminLocale(ctx.deps.config));
  try {
    const { message: saved } = await replyToTicket(ctx.deps, { ticketId, actor: ctx.actor!, text: message.text!, telegramMessageId: message.message_id });
    // Through the outbox, like a dashboard answer: sent now, or retried by the job if Telegram fails.
    await deliverNow(ctx.deps, ctx.api, ctx.i18n, { ticketMessageIds: [saved.id] });
    const pending = await isPending(ctx.deps.db, "notify-customer-ticket", { ticketMessageId: saved.id });
    const key = pending ? "admin-ticket-reply-failed" : "admin-ticket-reply-sent";
    await ctx.reply(t(key, { id: String(ticketId) }), { reply_parameters: { message_id: message.message_id } });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    await ctx.reply(errorText(ctx.i18n, adminLocale(ctx.deps.config), error, ctx.deps.config.SHOP_CURRENCY));
  }
  return true;
}
