import type { Order, User } from "@prisma/client";
import type { Api } from "grammy";
import type { Deps } from "../../deps.js";
import type { OutboxPayloads } from "../../outbox/kinds.js";
import { asLocale, type I18n } from "../i18n.js";
import { localName, money } from "../format.js";
import { NoRecipientError } from "./no-recipient.js";

/**
 * The customer's confirmation for a finished order, in their language: in reply to the `.N`
 * message for group orders, in the private chat otherwise.
 */
export async function sendDelivery(deps: Deps, api: Api, i18n: I18n, payload: OutboxPayloads["notify-delivery"]): Promise<void> {
  const order = await deps.db.order.findUniqueOrThrow({ where: { id: payload.orderId }, include: { user: true, service: true } });
  const locale = asLocale(order.user.language);
  const t = i18n.translator(locale);
  const cur = deps.config.SHOP_CURRENCY;
  const args = {
    id: String(order.id),
    service: localName(order.service, locale),
    quantity: String(order.quantity),
    charge: money(locale, order.charge, cur),
    refund: money(locale, order.refunded, cur),
  };
  if (payload.event === "provider_canceled") {
    // Only while still held (FAILED): a resubmit or refund meanwhile has its own message.
    if (order.status !== "FAILED") return;
    return sendToCustomer(api, order, t("notify-provider-canceled", { ...args, held: money(locale, order.charge.sub(order.refunded), cur) }));
  }
  let text: string;
  if (order.status === "COMPLETED") text = order.groupChatId !== null ? t("notify-completed-group", args) : t("notify-completed", args);
  else if (order.status === "PARTIAL") text = t("notify-partial", args);
  else if (order.status === "CANCELED") text = t("notify-canceled", args);
  else return; // not finished (yet): nothing to announce
  await sendToCustomer(api, order, text);
  await deps.db.order.update({ where: { id: order.id }, data: { deliveryNotifiedAt: deps.now() } });
}

/** In reply to the `.N` message for group orders, in the private chat otherwise. */
async function sendToCustomer(api: Api, order: Order & { user: User }, text: string): Promise<void> {
  if (order.groupChatId !== null) {
    await api.sendMessage(Number(order.groupChatId), text, {
      reply_parameters: { message_id: order.groupMessageId ?? 0, allow_sending_without_reply: true },
    });
    return;
  }
  if (order.user.telegramId === null) throw new NoRecipientError(`User ${order.userId} has no Telegram chat`);
  await api.sendMessage(Number(order.user.telegramId), text);
}
