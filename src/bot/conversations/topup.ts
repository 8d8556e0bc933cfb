import type { Language, TopUpMethod } from "@prisma/client";
import { InlineKeyboard } from "grammy";
import type { Deps } from "../../deps.js";
import { parseAmount } from "../../topups/parse-amount.js";
import { normaliseTrxId, requestTopUp } from "../../topups/request-topup.js";
import { normaliseSenderNumber } from "../../topups/sender-number.js";
import { requireActiveCustomer } from "../../users/require-active-customer.js";
import { quoteStars, STARS_CURRENCY } from "../../topups/stars.js";
import { DomainError } from "../../shared/errors.js";
import type { BotConversation, ConvContext } from "../context.js";
import { errorText, refusal } from "../errors.js";
import { money } from "../format.js";
import type { I18n } from "../i18n.js";
import { deliverNow } from "../notifications/deliver-now.js";
import { ask, waitChoice, waitText } from "./wait.js";

export function shopNumber(deps: Deps, method: TopUpMethod): string {
  const c = deps.config;
  return method === "BKASH" ? c.BKASH_NUMBER : method === "NAGAD" ? c.NAGAD_NUMBER : c.ROCKET_NUMBER;
}

/** Method → the shop's number → amount → the customer's number → TrxID → recorded for an admin to approve (or a Stars invoice). */
export function topUpConversation(deps: Deps, i18n: I18n) {
  return async function topup(conversation: BotConversation, ctx: ConvContext, locale: Language): Promise<void> {
    const t = i18n.translator(locale);
    const { TOPUP_MIN: min, TOPUP_MAX: max, SHOP_CURRENCY: cur } = deps.config;
    // A blocked account is told at once, not after typing the amount, number and TrxID.
    const refused = await conversation.external((outside) => refusal(i18n, locale, deps.config.SHOP_CURRENCY, () => requireActiveCustomer(deps.db, outside.user!.id)));
    if (refused !== null) {
      await ctx.reply(refused);
      return;
    }
    const methods = new InlineKeyboard()
      .text(t("method-BKASH"), "tm:BKASH").text(t("method-NAGAD"), "tm:NAGAD").text(t("method-ROCKET"), "tm:ROCKET");
    const rate = deps.config.STARS_RATE;
    if (rate) methods.text(t("method-STARS"), "tm:STARS");
    await ctx.reply(t("topup-choose-method"), { reply_markup: methods });
    const { match } = await waitChoice(conversation, /^tm:(BKASH|NAGAD|ROCKET|STARS)$/, t("hint-use-buttons"));
    const method = match[1] as TopUpMethod;
    if (method === "STARS" && rate) {
      const userId = await conversation.external((outside) => outside.user!.id);
      await ctx.reply(t("topup-stars-ask-amount", { rate: money(locale, rate, cur), min: money(locale, min, cur), max: money(locale, max, cur) }));
      for (;;) {
        const { ctx: answer, text } = await waitText(conversation, t("hint-send-text"));
        try {
          const quote = quoteStars(userId, text, rate, { min, max }, deps.config.TOPUP_ADJUST_PERCENT.get("STARS"));
          const amount = money(locale, quote.amount, cur);
          await answer.replyWithInvoice(t("stars-invoice-title", { amount }), t("stars-invoice-description", { amount, stars: quote.stars }), quote.payload, STARS_CURRENCY, [
            { label: t("stars-invoice-title", { amount }), amount: quote.stars },
          ]);
          return;
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          await answer.reply(errorText(i18n, locale, error, cur));
        }
      }
    }
    await ctx.reply(t("topup-send-money", { method: t(`method-${method}`), number: shopNumber(deps, method), min: money(locale, min, cur), max: money(locale, max, cur) }));
    await ctx.reply(t("topup-ask-amount"));

    const amount = (await ask(conversation, i18n, locale, cur, (text) => parseAmount(text, min, max))).toString();
    await ctx.reply(t("topup-ask-sender", { method: t(`method-${method}`) }));
    const sender = await ask(conversation, i18n, locale, cur, normaliseSenderNumber);
    await ctx.reply(t("topup-ask-trxid", { method: t(`method-${method}`) }));

    for (;;) {
      const { ctx: answer, text } = await waitText(conversation, t("hint-send-text"));
      try {
        normaliseTrxId(text);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        await answer.reply(errorText(i18n, locale, error, deps.config.SHOP_CURRENCY));
        continue;
      }
      const result = await conversation.external(async (outside) => {
        try {
          const topUp = await requestTopUp(deps, { userId: outside.user!.id, method, amount, trxId: text, senderNumber: sender, limits: { min, max }, adjustPercent: deps.config.TOPUP_ADJUST_PERCENT.get(method) });
          await deliverNow(deps, outside.api, i18n, { topUpIds: [topUp.id] });
          return { ok: true as const, id: topUp.id, trxId: topUp.trxId, approved: topUp.status === "APPROVED" };
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          // Only a TrxID problem is worth another TrxID; anything else (blocked meanwhile) ends here.
          return { ok: false as const, retry: error.code.startsWith("trxid_"), message: errorText(i18n, locale, error, deps.config.SHOP_CURRENCY) };
        }
      });
      if (result.ok) {
        // Approved at once (the shop's phone forwarded the SMS first): the approval notice already went out.
        if (!result.approved) await answer.reply(t("topup-waiting", { id: result.id, amount: money(locale, amount, cur), method: t(`method-${method}`), trxId: result.trxId, sender }));
        return;
      }
      await answer.reply(result.message);
      if (!result.retry) return;
    }
  };
}
