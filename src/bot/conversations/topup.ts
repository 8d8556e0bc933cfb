import type { Language, TopUpMethod } from "@prisma/client";
import { InlineKeyboard } from "grammy";
import type { Deps } from "../../deps.js";
import { parseAmount } from "../../topups/parse-amount.js";
import { normaliseTrxId, requestTopUp } from "../../topups/request-topup.js";
import { DomainError } from "../../shared/errors.js";
import type { BotConversation, ConvContext } from "../context.js";
import { errorText } from "../errors.js";
import { money } from "../format.js";
import type { I18n } from "../i18n.js";
import { deliverNow } from "../notifications/deliver-now.js";
import { waitChoice, waitText } from "./wait.js";

export function shopNumber(deps: Deps, method: TopUpMethod): string {
  const c = deps.config;
  return method === "BKASH" ? c.BKASH_NUMBER : method === "NAGAD" ? c.NAGAD_NUMBER : c.ROCKET_NUMBER;
}

/** Method → the shop's number → amount → TrxID → recorded for an admin to approve. */
export function topUpConversation(deps: Deps, i18n: I18n) {
  return async function topup(conversation: BotConversation, ctx: ConvContext, locale: Language): Promise<void> {
    const t = i18n.translator(locale);
    const { TOPUP_MIN: min, TOPUP_MAX: max, SHOP_CURRENCY: cur } = deps.config;
    const methods = new InlineKeyboard()
      .text(t("method-BKASH"), "tm:BKASH").text(t("method-NAGAD"), "tm:NAGAD").text(t("method-ROCKET"), "tm:ROCKET");
    await ctx.reply(t("topup-choose-method"), { reply_markup: methods });
    const { match } = await waitChoice(conversation, /^tm:(BKASH|NAGAD|ROCKET)$/, t("hint-use-buttons"));
    const method = match[1] as TopUpMethod;
    await ctx.reply(t("topup-send-money", { method: t(`method-${method}`), number: shopNumber(deps, method), min: money(min, cur), max: money(max, cur) }));
    await ctx.reply(t("topup-ask-amount"));

    let amount = "";
    for (;;) {
      const { ctx: answer, text } = await waitText(conversation, t("hint-send-text"));
      try {
        amount = parseAmount(text, min, max).toString();
        break;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        await answer.reply(errorText(i18n, locale, error));
      }
    }
    await ctx.reply(t("topup-ask-trxid", { method: t(`method-${method}`) }));

    for (;;) {
      const { ctx: answer, text } = await waitText(conversation, t("hint-send-text"));
      try {
        normaliseTrxId(text);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        await answer.reply(errorText(i18n, locale, error));
        continue;
      }
      const result = await conversation.external(async (outside) => {
        try {
          const topUp = await requestTopUp(deps, { userId: outside.user!.id, method, amount, trxId: text, limits: { min, max } });
          await deliverNow(deps, outside.api, i18n, { topUpIds: [topUp.id] });
          return { ok: true as const, id: topUp.id, trxId: topUp.trxId };
        } catch (error) {
          if (error instanceof DomainError) return { ok: false as const, message: errorText(i18n, locale, error) };
          throw error;
        }
      });
      if (result.ok) {
        await answer.reply(t("topup-waiting", { id: String(result.id), amount: money(amount, cur), method: t(`method-${method}`), trxId: result.trxId }));
        return;
      }
      await answer.reply(result.message);
    }
  };
}
