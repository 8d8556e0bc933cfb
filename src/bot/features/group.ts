import { Composer } from "grammy";
import { placeGroupQuickOrder } from "../../groups/place-group-quick-order.js";
import { registerGroup } from "../../groups/register-group.js";
import { DomainError, InsufficientBalanceError } from "../../shared/errors.js";
import type { BotContext } from "../context.js";
import { errorText } from "../errors.js";
import { money } from "../format.js";
import { asLocale } from "../i18n.js";
import { deliverNow } from "../notifications/deliver-now.js";

/** Reseller groups: an admin registers the group; members order with `.N`. */
export const groupFeature = new Composer<BotContext>();
const groups = groupFeature.chatType(["group", "supergroup"]);

groups.command("registergroup", async (ctx) => {
  if (!ctx.isAdmin) {
    ctx.deps.logger.warn({ userId: ctx.from?.id, chatId: ctx.chat.id }, "Non-admin tried /registergroup");
    return;
  }
  const [rate, creditLimit, serviceId] = ctx.match.trim().split(/\s+/);
  if (!rate || !creditLimit) return ctx.reply(ctx.t("group-register-usage"));
  try {
    const group = await registerGroup(ctx.deps, {
      chatId: BigInt(ctx.chat.id),
      title: ctx.chat.title,
      rate,
      creditLimit,
      actor: ctx.actor!,
      serviceId: serviceId ? Number(serviceId) : undefined,
    });
    const cur = ctx.deps.config.SHOP_CURRENCY;
    await ctx.reply(ctx.t("group-registered", { title: group.title ?? "", rate: money(group.rate, cur), limit: money(creditLimit, cur) }));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    await ctx.reply(errorText(ctx.i18n, ctx.locale, error));
  }
});

/**
 * `.N` → a manual order for N units billed to the group, answered in reply to the message.
 * Messages sent while the bot was offline arrive later as ordinary updates; the (chat, message)
 * pair makes each one an order exactly once.
 */
groups.hears(/^\.(\d{1,9})$/, async (ctx) => {
  const from = ctx.from;
  if (!from || from.is_bot) return;
  const group = await ctx.deps.db.group.findUnique({ where: { chatId: BigInt(ctx.chat.id) } });
  if (!group?.active) return;
  const reply = { reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true } };
  try {
    const { order, created } = await placeGroupQuickOrder(ctx.deps, {
      chatId: BigInt(ctx.chat.id),
      messageId: ctx.msg.message_id,
      telegramUser: { telegramId: BigInt(from.id), username: from.username ?? null, firstName: from.first_name },
      quantity: ctx.match[1],
    });
    if (!created) return;
    const user = await ctx.deps.db.user.findUniqueOrThrow({ where: { id: order.userId } });
    const t = ctx.i18n.translator(asLocale(user.language));
    await ctx.reply(t("group-order-placed", { id: String(order.id), quantity: String(order.quantity), charge: money(order.charge, ctx.deps.config.SHOP_CURRENCY) }), reply);
    await deliverNow(ctx.deps, ctx.api, ctx.i18n, { orderIds: [order.id] });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const sender = await ctx.deps.db.user.findUnique({ where: { telegramId: BigInt(from.id) }, select: { language: true } });
    const locale = asLocale(sender?.language ?? ctx.locale);
    const text = error instanceof InsufficientBalanceError ? ctx.i18n.t(locale, "group-credit-exceeded") : errorText(ctx.i18n, locale, error);
    await ctx.reply(text, reply);
  }
});
