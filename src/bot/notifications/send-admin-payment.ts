import type { Api } from "grammy";
import type { Deps } from "../../deps.js";
import { money, who } from "../format.js";
import type { I18n } from "../i18n.js";
import { adminLocale, adminTargets } from "./admin-targets.js";
import { NoRecipientError } from "./no-recipient.js";

/** One line in the admin chat for each top-up approved without an admin (forwarded SMS or Stars). */
export async function sendAdminPayment(deps: Deps, api: Api, i18n: I18n, payload: { topUpId: number; smsId?: number }): Promise<void> {
  const topUp = await deps.db.topUp.findUniqueOrThrow({ where: { id: payload.topUpId }, include: { user: true } });
  const targets = adminTargets(deps.config);
  if (targets.length === 0) throw new NoRecipientError("No ADMIN_CHAT_ID or ADMIN_IDS configured");
  const t = i18n.translator(adminLocale(deps.config));
  const amount = money(adminLocale(deps.config), topUp.amount, deps.config.SHOP_CURRENCY);
  const text = topUp.method === "STARS"
    ? t("admin-topup-stars", { id: String(topUp.id), user: who(topUp.user), amount, stars: String(topUp.stars ?? 0) })
    : t("admin-topup-auto", {
    id: String(topUp.id),
    user: who(topUp.user),
    method: t(`method-${topUp.method}`),
    amount,
    trxId: topUp.trxId,
    sms: String(payload.smsId ?? "—"),
  });
  for (const chatId of targets) await api.sendMessage(chatId, text);
}
