import { Composer } from "grammy";
import { DomainError, ForbiddenError } from "../../shared/errors.js";
import { checkStarsCheckout, creditStarsPayment, refundStarsTopUp } from "../../topups/stars.js";
import type { BotContext } from "../context.js";
import { errorText } from "../errors.js";
import { money } from "../format.js";
import { asLocale } from "../i18n.js";
import { adminLocale } from "../notifications/admin-targets.js";
import { deliverNow } from "../notifications/deliver-now.js";

/** Telegram Stars top-ups: pre-checkout answer, the credit on payment, and an admin's refund. */
export const starsFeature = new Composer<BotContext>();

starsFeature.on("pre_checkout_query", async (ctx) => {
  const q = ctx.preCheckoutQuery;
  const { STARS_RATE: rate, TOPUP_MIN: min, TOPUP_MAX: max } = ctx.deps.config;
  const telegramId = BigInt(q.from.id);
  try {
    if (!rate) throw new ForbiddenError("Stars top-ups are off");
    await checkStarsCheckout(ctx.deps, { telegramId, payload: q.invoice_payload, currency: q.currency, totalAmount: q.total_amount }, rate, { min, max });
  } catch (error) {
    // Telegram waits 10 s for this answer: always give one, with the reason in the customer's language.
    const user = await ctx.deps.db.user.findUnique({ where: { telegramId }, select: { language: true } });
    await ctx.answerPreCheckoutQuery(false, { error_message: errorText(ctx.i18n, asLocale(user?.language), error, ctx.deps.config.SHOP_CURRENCY) });
    if (!(error instanceof DomainError)) throw error;
    return;
  }
  await ctx.answerPreCheckoutQuery(true);
});

starsFeature.on("message:successful_payment", async (ctx) => {
  const p = ctx.message.successful_payment;
  const { topUp } = await creditStarsPayment(ctx.deps, {
    telegramId: BigInt(ctx.from.id),
    payload: p.invoice_payload,
    currency: p.currency,
    totalAmount: p.total_amount,
    chargeId: p.telegram_payment_charge_id,
  });
  await deliverNow(ctx.deps, ctx.api, ctx.i18n, { topUpIds: [topUp.id] });
});

/** `/refundstars 123` (admins): debits the balance back and returns the Stars. */
starsFeature.command("refundstars", async (ctx) => {
  if (!ctx.isAdmin || !ctx.actor) return;
  const t = ctx.i18n.translator(adminLocale(ctx.deps.config));
  const id = Number(ctx.match.trim());
  if (!Number.isInteger(id) || id <= 0) return ctx.reply(t("stars-refund-usage"));
  try {
    const topUp = await refundStarsTopUp(ctx.deps, id, ctx.actor, (userId, chargeId) => ctx.api.refundStarPayment(userId, chargeId));
    await ctx.reply(t("stars-refunded", { id: String(id), amount: money(adminLocale(ctx.deps.config), topUp.amount, ctx.deps.config.SHOP_CURRENCY), stars: String(topUp.stars ?? 0) }));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    await ctx.reply(errorText(ctx.i18n, adminLocale(ctx.deps.config), error, ctx.deps.config.SHOP_CURRENCY));
  }
});
