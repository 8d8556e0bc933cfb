import type { Api } from "grammy";
import type { Deps } from "../../deps.js";
import type { OutboxPayloads } from "../../outbox/kinds.js";
import { localName, money, who } from "../format.js";
import type { I18n } from "../i18n.js";
import { orderButtons } from "../keyboards/admin.js";
import { ADMIN_LOCALE, adminTargets } from "./admin-targets.js";
import { NoRecipientError } from "./no-recipient.js";

/**
 * Order events for admins: a new manual order (Take / Done / Cancel), a FAILED or UNKNOWN order
 * (Resubmit / placed as #… / Cancel + refund), a stuck order. Admins see the exact internal status.
 */
export async function sendAdminOrder(deps: Deps, api: Api, i18n: I18n, payload: OutboxPayloads["notify-admin-order"]): Promise<void> {
  const order = await deps.db.order.findUniqueOrThrow({ where: { id: payload.orderId }, include: { user: true, service: true, provider: true } });
  const targets = adminTargets(deps.config);
  if (targets.length === 0) throw new NoRecipientError("No ADMIN_CHAT_ID or ADMIN_IDS configured");
  const t = i18n.translator(ADMIN_LOCALE);
  const args = {
    id: String(order.id),
    user: who(order.user),
    service: localName(order.service, ADMIN_LOCALE),
    quantity: String(order.quantity),
    link: order.link || "—",
    charge: money(order.charge, deps.config.SHOP_CURRENCY),
    status: order.status,
    provider: order.provider?.name ?? "—",
    error: order.providerError ?? "—",
    reason: payload.reason ?? order.failureReason ?? order.stuckReason ?? "—",
    notes: order.adminNotes ?? "—",
  };
  const key = { manual_new: "admin-order-manual", failed: "admin-order-failed", unknown: "admin-order-unknown", stuck: "admin-order-stuck" }[payload.event];
  const buttons = orderButtons(t, order);
  for (const chatId of targets) await api.sendMessage(chatId, t(key, args), { reply_markup: buttons, link_preview_options: { is_disabled: true } });
}
