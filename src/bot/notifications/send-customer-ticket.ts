import { InlineKeyboard, type Api } from "grammy";
import type { Deps } from "../../deps.js";
import { asLocale, type I18n } from "../i18n.js";
import { NoRecipientError } from "./no-recipient.js";

/** An admin's answer to a ticket, with buttons to reply again or close it. */
export async function sendCustomerTicket(deps: Deps, api: Api, i18n: I18n, payload: { ticketMessageId: number }): Promise<void> {
  const message = await deps.db.ticketMessage.findUniqueOrThrow({
    where: { id: payload.ticketMessageId },
    include: { ticket: { include: { user: { select: { telegramId: true, language: true } } } } },
  });
  const { ticket } = message;
  if (ticket.user.telegramId === null) throw new NoRecipientError(`User ${ticket.userId} has no Telegram chat`);
  const t = i18n.translator(asLocale(ticket.user.language));
  const buttons = new InlineKeyboard().text(t("btn-ticket-reply"), `tkr:${ticket.id}`).text(t("btn-ticket-close"), `tkc:${ticket.id}`);
  await api.sendMessage(Number(ticket.user.telegramId), t("ticket-admin-reply", { id: String(ticket.id), text: message.text }), { reply_markup: buttons });
}
