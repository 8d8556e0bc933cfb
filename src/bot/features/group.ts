import { Composer } from "grammy";
import type { Language } from "@prisma/client";
import { placeGroupQuickOrder, setGroupPlayerId } from "../../groups/place-group-quick-order.js";
import { registerGroup } from "../../groups/register-group.js";
import { DomainError, InsufficientBalanceError } from "../../shared/errors.js";
import type { BotContext } from "../context.js";
import { errorText } from "../errors.js";
import { count, money } from "../format.js";
import { asLocale, clientLocale } from "../i18n.js";
import { parseWholeNumber } from "../../shared/numbers.js";
import { deliverNow } from "../notifications/deliver-now.js";
import { placementNotifies } from "../../orders/write-orders.js";

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
      serviceId: serviceId ? (parseWholeNumber(serviceId) ?? -1) : undefined,
    });
    const cur = ctx.deps.config.SHOP_CURRENCY;
    const account = await ctx.deps.db.account.findUniqueOrThrow({ where: { id: group.accountId } });
    await ctx.reply(ctx.t("group-registered", { title: group.title ?? "", rate: money(ctx.locale, group.rate, cur), limit: money(ctx.locale, account.creditLimit, cur) }));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    await ctx.reply(errorText(ctx.i18n, ctx.locale, error, ctx.deps.config.SHOP_CURRENCY));
  }
});

/** A member's default player id for `.N` orders in this group. */
groups.command("playerid", async (ctx) => {
  const from = ctx.from;
  if (!from || from.is_bot) return;
  const profile = { telegramId: BigInt(from.id), username: from.username ?? null, firstName: from.first_name, language: clientLocale(from.language_code) };
  const reply = { reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true } };
  const locale = await senderLocale(ctx, from.id);
  try {
    const playerId = await setGroupPlayerId(ctx.deps, { chatId: BigInt(ctx.chat.id), telegramUser: profile, playerId: ctx.match.trim() });
    await ctx.reply(ctx.i18n.t(locale, "group-player-set", { player: playerId }), reply);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    await ctx.reply(errorText(ctx.i18n, locale, error, ctx.deps.config.SHOP_CURRENCY), reply);
  }
});

/** A group member's own language (group chats have no shop user on the context). */
async function senderLocale(ctx: BotContext, telegramId: number): Promise<Language> {
  const sender = await ctx.deps.db.user.findUnique({ where: { telegramId: BigInt(telegramId) }, select: { language: true } });
  return sender?.language ?? clientLocale(ctx.from?.language_code) ?? ctx.locale;
}

/** `.N` or `.N <player id>`, in Bengali or Latin digits (`.১০`, `.1,000 123456789`). */
const QUICK_ORDER = /^\.\s?([0-9\u09e6-\u09ef][0-9\u09e6-\u09ef,]{0,14})(?:\s+([0-9\u09e6-\u09ef]{1,30}))?$/u;

/**
 * `.N` → a manual order for N units billed to the group, answered in reply to the message.
 * Messages sent while the bot was offline arrive later as ordinary updates; the (chat, message)
 * pair makes each one an order exactly once.
 */
groups.hears(QUICK_ORDER, async (ctx) => {
  const from = ctx.from;
  if (!from || from.is_bot) return;
  const group = await ctx.deps.db.group.findUnique({ where: { chatId: BigInt(ctx.chat.id) } });
  if (!group?.active) return;
  const reply = { reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true } };
  try {
    const { order, created } = await placeGroupQuickOrder(ctx.deps, {
      chatId: BigInt(ctx.chat.id),
      messageId: ctx.msg.message_id,
      telegramUser: { telegramId: BigInt(from.id), username: from.username ?? null, firstName: from.first_name, language: clientLocale(from.language_code) },
      quantity: ctx.match[1],
      playerId: ctx.match[2],
    });
    if (!created) return;
    const user = await ctx.deps.db.user.findUniqueOrThrow({ where: { id: order.userId } });
    const locale = asLocale(user.language);
    const t = ctx.i18n.translator(locale);
    const charge = money(locale, order.charge, ctx.deps.config.SHOP_CURRENCY);
    await ctx.reply(t("group-order-placed", { id: order.id, quantity: count(locale, order.quantity), charge, player: order.link }), reply);
    if (placementNotifies(order)) await deliverNow(ctx.deps, ctx.api, ctx.i18n, { orderIds: [order.id] });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const locale = await senderLocale(ctx, from.id);
    const text = error instanceof InsufficientBalanceError ? ctx.i18n.t(locale, "group-credit-exceeded") : errorText(ctx.i18n, locale, error, ctx.deps.config.SHOP_CURRENCY);
    await ctx.reply(text, reply);
  }
});
