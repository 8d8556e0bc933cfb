import type { Api } from "grammy";
import type { Deps } from "../../deps.js";
import { money, who } from "../format.js";
import type { I18n } from "../i18n.js";
import { topUpButtons } from "../keyboards/admin.js";
import { adminLocale, adminTargets } from "./admin-targets.js";
import { NoRecipientError } from "./no-recipient.js";

/** A new top-up request in the admin chat, with Approve / Reject. */
export async function sendAdminTopUp(deps: Deps, api: Api, i18n: I18n, payload: { topUpId: number }): Promise<void> {
  const topUp = await deps.db.topUp.findUniqueOrThrow({ where: { id: payload.topUpId }, include: { user: true } });
  if (topUp.status !== "PENDING") return;
  const targets = adminTargets(deps.config);
  if (targets.length === 0) throw new NoRecipientError("No ADMIN_CHAT_ID or ADMIN_IDS configured");
  const t = i18n.translator(adminLocale(deps.config));
  const text = t("admin-topup", {
    id: String(topUp.id),
    user: who(topUp.user),
    method: t(`method-${topUp.method}`),
    amount: money(adminLocale(deps.config), topUp.amount, deps.config.SHOP_CURRENCY),
    trxId: topUp.trxId,
    sender: topUp.senderNumber ?? "—",
  });
  for (const chatId of targets) await api.sendMessage(chatId, text, { reply_markup: topUpButtons(t, topUp.id) });
}
