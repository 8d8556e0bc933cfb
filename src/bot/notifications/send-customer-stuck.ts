import { InlineKeyboard, type Api } from "grammy";
import type { Deps } from "../../deps.js";
import { loadDeliveryEstimate } from "../../estimates/delivery-estimate.js";
import { allowedActions } from "../../orders/lifecycle/index.js";
import type { OutboxPayloads } from "../../outbox/kinds.js";
import { estimateText } from "../estimate-text.js";
import { localName } from "../format.js";
import { asLocale, type I18n, type Translate } from "../i18n.js";
import { NoRecipientError } from "./no-recipient.js";

/** The buttons the life cycle allows a customer on this order now (Wait and Ticket always). */
export function stuckButtons(t: Translate, order: Parameters<typeof allowedActions>[0] & { id: number }): InlineKeyboard {
  const actions = allowedActions(order, "customer");
  const k = new InlineKeyboard().text(t("btn-stuck-wait"), `sw:${order.id}`);
  if (actions.includes("cancel") || actions.includes("request_cancel")) k.text(t("btn-stuck-cancel"), `sx:${order.id}`);
  return k.row().text(t("btn-stuck-ticket"), `st:${order.id}`);
}

/** "Your order is late": what is happening, the service's usual times, and what the customer may do now. */
export async function sendCustomerStuck(deps: Deps, api: Api, i18n: I18n, payload: OutboxPayloads["notify-customer-stuck"]): Promise<void> {
  const order = await deps.db.order.findUniqueOrThrow({ where: { id: payload.orderId }, include: { user: true, service: true } });
  // Moved on (done, cancelled, or no longer stuck) before the message went out: nothing to say.
  if (!order.stuck || order.stuckReason !== payload.stage) return;
  if (order.user.telegramId === null) throw new NoRecipientError(`User ${order.userId} has no Telegram chat`);
  const locale = asLocale(order.user.language);
  const t = i18n.translator(locale);
  const text = [
    t(`stuck-customer-${payload.stage.replaceAll("_", "-")}`, { id: String(order.id), service: localName(order.service, locale) }),
    estimateText(t, await loadDeliveryEstimate(deps.db, order.serviceId)),
  ].join("\n\n");
  await api.sendMessage(Number(order.user.telegramId), text, { reply_markup: stuckButtons(t, order) });
}
