import type { Api } from "grammy";
import type { Deps } from "../../deps.js";
import type { OutboxPayloads } from "../../outbox/kinds.js";
import { count, localName, money, technical, who } from "../format.js";
import type { I18n } from "../i18n.js";
import { orderButtons } from "../keyboards/admin.js";
import { adminLocale, adminTargets } from "./admin-targets.js";
import { NoRecipientError } from "./no-recipient.js";

/**
 * Order events for admins: a new manual order (Take / Done / Cancel), a FAILED or UNKNOWN order
 * (Resubmit / placed as #… / Cancel + refund), a stuck order, a refill the provider turned down
 * after accepting the request. Admins see the exact internal status.
 */
export async function sendAdminOrder(deps: Deps, api: Api, i18n: I18n, payload: OutboxPayloads["notify-admin-order"]): Promise<void> {
  const order = await deps.db.order.findUniqueOrThrow({ where: { id: payload.orderId }, include: { user: true, service: true, provider: true } });
  const targets = adminTargets(deps.config);
  if (targets.length === 0) throw new NoRecipientError("No ADMIN_CHAT_ID or ADMIN_IDS configured");
  const locale = adminLocale(deps.config);
  const t = i18n.translator(locale);
  const reason = payload.reason ?? order.failureReason ?? order.stuckReason ?? null;
  const args = {
    id: order.id,
    user: who(order.user),
    service: localName(order.service, locale),
    quantity: count(locale, order.quantity),
    link: order.link || "—",
    charge: money(locale, order.charge, deps.config.SHOP_CURRENCY),
    status: t(`admin-status-${order.status}`),
    provider: order.provider?.name ?? "—",
    reason: reason === null ? "—" : i18n.has(locale, `admin-reason-${reason}`) ? t(`admin-reason-${reason}`) : reason,
    notes: order.adminNotes ?? "—",
  };
  const key = { manual_new: "admin-order-manual", failed: "admin-order-failed", unknown: "admin-order-unknown", stuck: "admin-order-stuck", refill_rejected: "admin-order-refill-rejected" }[payload.event];
  // The exact state under the translated text: internal status, reason code and the provider's own words.
  const state = [order.status, reason, order.providerError].filter(Boolean).join(" · ");
  const text = payload.event === "manual_new" ? t(key, args) : `${t(key, args)}\n${technical(state)}`;
  const buttons = orderButtons(t, order);
  for (const chatId of targets) await api.sendMessage(chatId, text, { reply_markup: buttons, link_preview_options: { is_disabled: true } });
}
