import type { Api } from "grammy";
import type { Deps } from "../../deps.js";
import { linkAdminCopy } from "../../tickets/link-admin-copy.js";
import { clip, who } from "../format.js";
import type { I18n } from "../i18n.js";
import { ticketTypeText } from "../ticket-texts.js";
import { ADMIN_LOCALE, adminTargets } from "./admin-targets.js";

/**
 * Shows a ticket message in the admin chat; admins answer by replying to it. Sending is best
 * effort (the ticket is saved and listed in the dashboard either way).
 */
export async function sendTicketToAdmins(deps: Deps, i18n: I18n, api: Api, ticketId: number, ticketMessageId: number): Promise<void> {
  const ticket = await deps.db.ticket.findUniqueOrThrow({
    where: { id: ticketId },
    include: { user: true, orders: { select: { orderId: true } }, messages: { where: { author: "AUTO" }, orderBy: { id: "desc" }, take: 1 } },
  });
  const message = await deps.db.ticketMessage.findUniqueOrThrow({ where: { id: ticketMessageId } });
  const t = i18n.translator(ADMIN_LOCALE);
  const lines = [
    t("admin-ticket", {
      id: String(ticket.id),
      type: ticketTypeText(t, ticket.type),
      user: who(ticket.user),
      orders: ticket.orders.map((o) => `#${o.orderId}`).join(", ") || "—",
      status: ticket.status,
    }),
    clip(message.text, 3000),
  ];
  const auto = ticket.messages[0];
  if (auto && message.author === "CUSTOMER" && auto.id > message.id) lines.push(`🤖 ${clip(auto.text, 800)}`);
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
