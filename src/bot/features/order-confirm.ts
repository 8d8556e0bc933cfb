import { Composer } from "grammy";
import { placeOrder } from "../../orders/place-order.js";
import { placementNotifies } from "../../orders/write-orders.js";
import { DomainError, InsufficientBalanceError, PriceChangedError } from "../../shared/errors.js";
import type { BotContext } from "../context.js";
import { errorText } from "../errors.js";
import { money } from "../format.js";
import { deliverNow } from "../notifications/deliver-now.js";

export const orderConfirmFeature = new Composer<BotContext>();

/**
 * Confirm carries the idempotency key made when the summary was shown and the price shown. It
 * places the order only when both match this user's own pending summary; placeOrder refuses it
 * (PriceChangedError, nothing charged) unless it still costs the charge shown. A replayed tap
 * answers with the order already placed; anything else does nothing.
 */
orderConfirmFeature.callbackQuery(/^oc:([A-Za-z0-9_-]{8,32}):(\d+\.\d{4})$/, async (ctx) => {
  const key = ctx.match[1]!;
  const shownCharge = ctx.match[2]!;
  const pending = ctx.session.pending[key];
  if (!pending || pending.charge !== shownCharge) {
    ctx.deps.logger.warn({ userId: ctx.from.id, key }, "Confirm for an unknown or altered summary ignored");
    await ctx.answerCallbackQuery({ text: ctx.t("order-stale") });
    return;
  }
  if (pending.orderId !== undefined) {
    await ctx.answerCallbackQuery({ text: ctx.t("order-already-placed", { id: String(pending.orderId) }) });
    return;
  }
  try {
    const { order, created } = await placeOrder(ctx.deps, {
      userId: ctx.user!.id,
      serviceId: pending.serviceId,
      link: pending.link,
      quantity: pending.quantity,
      extra: pending.extra ?? (pending.comments ? { comments: pending.comments } : undefined),
      idempotencyKey: `tg:${key}`,
      expectedCharge: pending.charge,
    });
    ctx.session.pending[key] = { ...pending, orderId: order.id };
    await ctx.answerCallbackQuery();
    if (!created) return;
    await ctx.editMessageText(ctx.t("order-placed", { id: String(order.id), price: money(ctx.locale, order.charge, ctx.deps.config.SHOP_CURRENCY) }));
    if (placementNotifies(order)) await deliverNow(ctx.deps, ctx.api, ctx.i18n, { orderIds: [order.id] });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    await ctx.answerCallbackQuery();
    if (error instanceof PriceChangedError) {
      delete ctx.session.pending[key];
      await ctx.editMessageText(ctx.t("order-price-changed", { price: money(ctx.locale, error.charge, ctx.deps.config.SHOP_CURRENCY) }));
      return;
    }
    const hint = error instanceof InsufficientBalanceError ? `\n\n${ctx.t("topup-hint")}` : "";
    await ctx.reply(errorText(ctx.i18n, ctx.locale, error, ctx.deps.config.SHOP_CURRENCY) + hint);
  }
});

orderConfirmFeature.callbackQuery(/^ox:([A-Za-z0-9_-]{8,32})$/, async (ctx) => {
  const pending = ctx.session.pending[ctx.match[1]!];
  await ctx.answerCallbackQuery();
  if (!pending || pending.orderId !== undefined) return;
  delete ctx.session.pending[ctx.match[1]!];
  await ctx.editMessageText(ctx.t("order-cancelled"));
});
