import { InlineKeyboard } from "grammy";
import { DomainError } from "../../shared/errors.js";
import { ticketForAdminCopy } from "../../tickets/link-admin-copy.js";
import { replyToTicket } from "../../tickets/reply-to-ticket.js";
import type { BotContext } from "../context.js";
import { errorText } from "../errors.js";
import { asLocale } from "../i18n.js";
import { ADMIN_LOCALE } from "../notifications/admin-targets.js";

/** An admin replied to a ticket's message in the admin chat: the reply goes to the customer. */
export async function answerTicketFromAdminChat(ctx: BotContext): Promise<boolean> {
  const message = ctx.message!;
  const ticketId = await ticketForAdminCopy(ctx.deps.db, message.reply_to_message!.message_id);
  if (ticketId === null) return false;
  const t = ctx.i18n.translator(ADMIN_LOCALE);
  try {
    const { ticket } = await replyToTicket(ctx.deps, { ticketId, actor: ctx.actor!, text: message.text!, telegramMessageId: message.message_id });
    const ct = ctx.i18n.translator(asLocale(ticket.user.language));
    const buttons = new InlineKeyboard().text(ct("btn-ticket-reply"), `tkr:${ticketId}`).text(ct("btn-ticket-close"), `tkc:${ticketId}`);
    try {
      await ctx.api.sendMessage(Number(ticket.user.telegramId), ct("ticket-admin-reply", { id: String(ticketId), text: message.text! }), { reply_markup: buttons });
      await ctx.reply(t("admin-ticket-reply-sent", { id: String(ticketId) }), { reply_parameters: { message_id: message.message_id } });
    } catch (err) {
      ctx.deps.logger.warn({ err, ticketId }, "Could not deliver a ticket answer to the customer");
      await ctx.reply(t("admin-ticket-reply-failed", { id: String(ticketId) }));
    }
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    await ctx.reply(errorText(ctx.i18n, ADMIN_LOCALE, error));
  }
  return true;
}
