import type { Api } from "grammy";
import type { Deps } from "../../deps.js";
import { money } from "../format.js";
import { rejectReasonText } from "../keyboards/topup-reject.js";
import { asLocale, type I18n } from "../i18n.js";
import { NoRecipientError } from "./no-recipient.js";

/** Tells the customer their top-up was approved (with the new balance) or rejected. */
export async function sendCustomerTopUp(deps: Deps, api: Api, i18n: I18n, payload: { topUpId: number }): Promise<void> {
  const topUp = await deps.db.topUp.findUniqueOrThrow({ where: { id: payload.topUpId }, include: { user: true, account: true } });
  if (topUp.status === "PENDING") return;
  if (topUp.user.telegramId === null) throw new NoRecipientError(`User ${topUp.userId} has no Telegram chat`);
  const locale = asLocale(topUp.user.language);
  const t = i18n.translator(locale);
  const cur = deps.config.SHOP_CURRENCY;
  const text =
    topUp.status === "APPROVED"
      ? t("topup-approved", { id: String(topUp.id), amount: money(locale, topUp.amount, cur), balance: money(locale, topUp.account.balance, cur) })
      : t("topup-rejected", { id: String(topUp.id), amount: money(locale, topUp.amount, cur), reason: rejectReasonText(t, topUp.rejectReason) });
  await api.sendMessage(Number(topUp.user.telegramId), text);
}
