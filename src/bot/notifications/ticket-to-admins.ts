import type { Api } from "grammy";
import type { Deps } from "../../deps.js";
import { linkAdminCopy } from "../../tickets/link-admin-copy.js";
import { clip, who } from "../format.js";
import type { I18n } from "../i18n.js";
import { adminOutcomeText, ticketTypeText } from "../ticket-texts.js";
import type { TicketOutcome } from "../../tickets/ticket-outcomes.js";
import { adminLocale, adminTargets } from "./admin-targets.js";

/**
 * Shows a ticket message (with the automatic answer in the admin's language, when given) in the admin chat; admins answer by replying to it. Sending is best
 * effort (the ticket is saved and listed in the dashboard either way).
 */
export async function sendTicketToAdmins(deps: Deps, i18n: I18n, api: Api, ticketId: number, ticketMessageId: number, outcomes?: TicketOutcome[]): Promise<void> {
  const ticket = await deps.db.ticket.findUniqueOrThrow({
    where: { id: ticketId },
    include: { user: true, orders: { select: { orderId: true } }, messages: { where: { author: "AUTO" }, orderBy: { id: "desc" }, take: 1 } },
  });
  const message = await deps.db.ticketMessage.findUniqueOrThrow({ where: { id: ticketMessageId } });
  const locale = adminLocale(deps.config);
  const t = i18n.translator(locale);
  const lines = [
    t("admin-ticket", {
      id: String(ticket.id),
      type: ticketTypeText(t, ticket.type),
      user: who(ticket.user),
      orders: ticket.orders.map((o) => `#${o.orderId}`).join(", ") || "—",
      status: t(`ticket-status-${ticket.status}`),
    }),
    clip(message.text, 3000),
  ];
  const auto = ticket.messages[0];
  if (outcomes && outcomes.length > 0) lines.push(`🤖 ${outcomes.map((o) => adminOutcomeText(t, locale, deps.config.SHOP_CURRENCY, o)).join("\n")}`);
  else if (auto && message.author === "CUSTOMER" && auto.id > message.id) lines.push(`🤖 ${clip(auto.text, 800)}`);
  lines.push(t("admin-ticket-reply-hint"));
  let linked = false;
  for (const chatId of adminTargets(deps.config)) {
    try {
      const sent = await api.sendMessage(chatId, lines.join("\n\n"));
      if (!linked) await linkAdminCopy(deps.db, message.id, sent.message_id);
      linked = true;
    } catch (error) {
      deps.logger.warn({ err: error, ticketId, chatId }, "Could not show a ticket in the admin chat");
    }
  }
}
