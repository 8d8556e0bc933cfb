import type { Language, TicketType } from "@prisma/client";
import { InlineKeyboard } from "grammy";
import type { Deps } from "../../deps.js";
import { DomainError } from "../../shared/errors.js";
import { AUTO_TYPES } from "../../tickets/auto-reply.js";
import { openTicket, parseOrderIds, requireOwnOrders, TICKET_TYPES } from "../../tickets/open-ticket.js";
import type { BotConversation, ConvContext } from "../context.js";
import { errorText, refusal } from "../errors.js";
import type { I18n } from "../i18n.js";
import { sendTicketToAdmins } from "../notifications/ticket-to-admins.js";
import { ticketAnswer, ticketTypeText } from "../ticket-texts.js";
import { waitChoice, waitText } from "./wait.js";

/** Type → order ids (for order problems) → message → automatic answer, or "an admin will answer". */
export function ticketConversation(deps: Deps, i18n: I18n) {
  return async function ticket(conversation: BotConversation, ctx: ConvContext, locale: Language): Promise<void> {
    const t = i18n.translator(locale);
    const types = new InlineKeyboard();
    TICKET_TYPES.forEach((type, i) => {
      types.text(ticketTypeText(t, type), `tt:${type}`);
      if (i % 2 === 1) types.row();
    });
    await ctx.reply(t("ticket-choose-type"), { reply_markup: types });
    const { match } = await waitChoice(conversation, /^tt:([A-Z_]+)$/, t("hint-use-buttons"));
    const type = match[1] as TicketType;

    let orderIds: number[] = [];
    if (AUTO_TYPES.includes(type)) {
      await ctx.reply(t("ticket-ask-orders"));
      for (;;) {
        const { ctx: answer, text } = await waitText(conversation, t("hint-send-text"));
        orderIds = parseOrderIds(text);
        if (orderIds.length === 0) {
          await answer.reply(t("ticket-ask-orders"));
          continue;
        }
        // Someone else's (or a mistyped) order is refused now, before the customer writes the rest.
        const refused = await conversation.external((outside) => refusal(i18n, locale, deps.config.SHOP_CURRENCY, () => requireOwnOrders(deps.db, outside.user!.id, orderIds)));
        if (refused === null) break;
        await answer.reply(`${refused}\n${t("ticket-ask-orders")}`);
      }
    }
    await ctx.reply(t("ticket-ask-message"));
    const { text } = await waitText(conversation, t("hint-send-text"));

    const result = await conversation.external(async (outside) => {
      try {
        const opened = await openTicket(deps, { userId: outside.user!.id, type, orderIds, text });
        await sendTicketToAdmins(deps, i18n, outside.api, opened.ticket.id, opened.message.id, opened.outcomes);
        return { ok: true as const, text: ticketAnswer(t, locale, deps.config.SHOP_CURRENCY, opened.ticket.id, opened.outcomes, opened.answered) };
      } catch (error) {
        if (error instanceof DomainError) return { ok: false as const, text: errorText(i18n, locale, error, deps.config.SHOP_CURRENCY) };
        throw error;
      }
    });
    await ctx.reply(result.text);
  };
}
