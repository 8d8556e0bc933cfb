import type { OrderStatus } from "@prisma/client";
import { Composer } from "grammy";
import { customerCancel } from "../../fulfilment/customer-cancel.js";
import { customerStatus } from "../../orders/status-view.js";
import { DomainError, InvalidStateError } from "../../shared/errors.js";
import type { BotContext } from "../context.js";
import { errorText } from "../errors.js";
import { money } from "../format.js";

/** The buttons under a "your order is late" message: Wait, Cancel and refund, Open a ticket. */
export const stuckActionsFeature = new Composer<BotContext>();

stuckActionsFeature.callbackQuery(/^sw:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery({ text: ctx.t("stuck-wait-ok") });
});

stuckActionsFeature.callbackQuery(/^st:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.conversation.enter("ticket", ctx.locale);
});

// The life cycle decides (customerCancel reads allowedActions); a repeated tap finds the order
// already cancelled and is told why, so the refund happens once.
stuckActionsFeature.callbackQuery(/^sx:(\d+)$/, async (ctx) => {
  const orderId = Number(ctx.match[1]);
  let text: string;
  try {
    const done = await customerCancel(ctx.deps, { orderId, actor: ctx.actor!, ownerUserId: ctx.user!.id });
    text =
      done.kind === "canceled"
        ? ctx.t("stuck-cancel-done", { id: String(orderId), refund: money(ctx.locale, done.order.refunded, ctx.deps.config.SHOP_CURRENCY) })
        : ctx.t("stuck-cancel-requested", { id: String(orderId) });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const why = error instanceof InvalidStateError ? (error.details as { status?: OrderStatus; reason?: string }) : {};
    if (why.reason === "awaiting_admin") text = ctx.t("stuck-cancel-checking", { id: String(orderId) });
    else if (why.reason === "cannot_cancel" && why.status) text = ctx.t("stuck-cancel-refused", { id: String(orderId), status: ctx.t(`status-${customerStatus(why.status)}`) });
    else text = errorText(ctx.i18n, ctx.locale, error, ctx.deps.config.SHOP_CURRENCY);
  }
  await ctx.answerCallbackQuery();
  await ctx.reply(text);
});
