import type { Language } from "@prisma/client";
import type { Deps } from "../../deps.js";
import { DomainError } from "../../shared/errors.js";
import { replyToTicket } from "../../tickets/reply-to-ticket.js";
import type { BotConversation, ConvContext } from "../context.js";
import { errorText } from "../errors.js";
import type { I18n } from "../i18n.js";
import { sendTicketToAdmins } from "../notifications/ticket-to-admins.js";
import { waitText } from "./wait.js";

/** The customer writes more on a ticket (after an admin's answer). */
export function ticketReplyConversation(deps: Deps, i18n: I18n) {
  return async function ticketReply(conversation: BotConversation, ctx: ConvContext, ticketId: number, locale: Language): Promise<void> {
    const t = i18n.translator(locale);
    await ctx.reply(t("ticket-reply-ask", { id: String(ticketId) }));
    const { text } = await waitText(conversation, t("hint-send-text"));
    const result = await conversation.external(async (outside) => {
      try {
        const { message } = await replyToTicket(deps, { ticketId, actor: outside.actor!, text });
        await sendTicketToAdmins(deps, i18n, outside.api, ticketId, message.id);
        return t("ticket-reply-sent", { id: String(ticketId) });
      } catch (error) {
        if (error instanceof DomainError) return errorText(i18n, locale, error, deps.config.SHOP_CURRENCY);
        throw error;
      }
    });
    await ctx.reply(result);
  };
}
