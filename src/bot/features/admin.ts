import type { Order } from "@prisma/client";
import { Composer, InlineKeyboard } from "grammy";
import { createAdminLoginLink } from "../../auth/login-link.js";
import { cancelOrder } from "../../orders/cancel-order.js";
import { completeManualOrder, takeManualOrder } from "../../orders/manual-orders.js";
import { reconcileUnknownOrder } from "../../fulfilment/reconcile-unknown.js";
import { resubmitOrder } from "../../fulfilment/resubmit-orders.js";
import { syncOrder } from "../../fulfilment/sync-orders.js";
import { DomainError } from "../../shared/errors.js";
import { rejectResellerRequest, setResellerAccess } from "../../resellers/reseller-access.js";
import { parseDiscount, setResellerPricing } from "../../resellers/reseller-pricing.js";
import { approveTopUp, rejectTopUp } from "../../topups/decide-topup.js";
import type { BotContext } from "../context.js";
import { errorText } from "../errors.js";
import { ADMIN_CALLBACK, orderButtons, topUpButtons } from "../keyboards/admin.js";
import { REJECT_CALLBACK, rejectReasonButtons, rejectReasonText } from "../keyboards/topup-reject.js";
import { technical, who } from "../format.js";
import { clientLocale } from "../i18n.js";
import { adminLocale } from "../notifications/admin-targets.js";
import { deliverNow } from "../notifications/deliver-now.js";
import { answerTicketFromAdminChat } from "./admin-ticket-reply.js";

/** Prefix of the prompt asking for a provider's order id; the admin's reply to it is the answer. */
export const PLACED_PROMPT = /^🔢 #(\d+)\b/;
/** Prefix of the prompt asking why a top-up is rejected. */
const REJECT_PROMPT = /^✍️ #(\d+)\b/;

export const adminFeature = new Composer<BotContext>();

adminFeature.callbackQuery(ADMIN_CALLBACK, async (ctx) => {
  if (!ctx.isAdmin || !ctx.actor) {
    ctx.deps.logger.warn({ userId: ctx.from.id, data: ctx.callbackQuery.data, chatId: ctx.chat?.id }, "Admin button pressed by a non-admin: ignored");
    await ctx.answerCallbackQuery();
    return;
  }
  const [, what, action, rawId] = ctx.match;
  const id = Number(rawId);
  const t = ctx.i18n.translator(adminLocale(ctx.deps.config));
  const by = ctx.from.username ? `@${ctx.from.username}` : ctx.from.first_name;
  try {
    if (what === "tu") {
      if (action === "reject") {
        // The customer is told why: the admin picks a reason (or types one) before anything changes.
        await ctx.answerCallbackQuery();
        return ctx.editMessageReplyMarkup({ reply_markup: rejectReasonButtons(t, id) });
      }
      if (action !== "approve") return ctx.answerCallbackQuery();
      await approveTopUp(ctx.deps, id, ctx.actor);
      await ctx.answerCallbackQuery();
      await appendStatus(ctx, t("admin-topup-approved", { by }));
      return deliverNow(ctx.deps, ctx.api, ctx.i18n, { topUpIds: [id] });
    }
    if (what === "rs") {
      if (action === "approve") await setResellerAccess(ctx.deps, { userId: id, reseller: true, actor: ctx.actor });
      else if (action === "reject") await rejectResellerRequest(ctx.deps, { userId: id, actor: ctx.actor });
      else return ctx.answerCallbackQuery();
      await ctx.answerCallbackQuery();
      await appendStatus(ctx, t(action === "approve" ? "admin-reseller-approved" : "admin-reseller-rejected", { by }));
      return deliverNow(ctx.deps, ctx.api, ctx.i18n, { userIds: [id] });
    }
    if (action === "placed") {
      await ctx.answerCallbackQuery();
      return ctx.reply(`🔢 #${id}\n${t("admin-placed-prompt")}`, { reply_markup: { force_reply: true, selective: true } });
    }
    const order = await orderAction(ctx, action!, id);
    await ctx.answerCallbackQuery();
    await appendStatus(ctx, movedText(ctx, order, by), orderButtons(t, order));
    await deliverNow(ctx.deps, ctx.api, ctx.i18n, { orderIds: [id] });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    await ctx.answerCallbackQuery({ text: adminErrorText(ctx, error).slice(0, 190), show_alert: true });
  }
});

/** A picked reason (`adm:tr:<reason>:<id>`), or "type one": a prompt the admin answers by replying. */
adminFeature.callbackQuery(REJECT_CALLBACK, async (ctx) => {
  if (!ctx.isAdmin || !ctx.actor) {
    ctx.deps.logger.warn({ userId: ctx.from.id, data: ctx.callbackQuery.data }, "Admin button pressed by a non-admin: ignored");
    return ctx.answerCallbackQuery();
  }
  const [, reason, rawId] = ctx.match;
  const id = Number(rawId);
  const t = ctx.i18n.translator(adminLocale(ctx.deps.config));
  await ctx.answerCallbackQuery();
  if (reason === "typed") return ctx.reply(`✍️ #${id}\n${t("admin-reject-prompt")}`, { reply_markup: { force_reply: true, selective: true } });
  if (reason === "back") return ctx.editMessageReplyMarkup({ reply_markup: topUpButtons(t, id) });
  await rejectWithReason(ctx, id, reason!, true);
});

async function rejectWithReason(ctx: BotContext, topUpId: number, reason: string, onCard: boolean): Promise<void> {
  const t = ctx.i18n.translator(adminLocale(ctx.deps.config));
  const by = ctx.from?.username ? `@${ctx.from.username}` : (ctx.from?.first_name ?? "");
  try {
    await rejectTopUp(ctx.deps, topUpId, ctx.actor!, reason);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    await ctx.reply(adminErrorText(ctx, error));
    return;
  }
  const status = t("admin-topup-rejected", { by, reason: rejectReasonText(t, reason) });
  if (onCard) await appendStatus(ctx, status);
  else await ctx.reply(`#${topUpId}: ${status}`);
  await deliverNow(ctx.deps, ctx.api, ctx.i18n, { topUpIds: [topUpId] });
}

/** "Order #5 → Failed (by @x)" in the admin's language, the exact internal state on its own line. */
function movedText(ctx: BotContext, order: Order, by: string): string {
  const locale = adminLocale(ctx.deps.config);
  const t = ctx.i18n.translator(locale);
  return `${t("admin-order-moved", { id: order.id, status: t(`admin-status-${order.status}`), by })}\n${technical(order.status)}`;
}

/** A domain error for an admin: their language first, the back office's exact message second. */
function adminErrorText(ctx: BotContext, error: DomainError): string {
  return `${errorText(ctx.i18n, adminLocale(ctx.deps.config), error, ctx.deps.config.SHOP_CURRENCY)}\n${technical(error.message)}`;
}

async function orderAction(ctx: BotContext, action: string, orderId: number): Promise<Order> {
  const deps = ctx.deps;
  const actor = ctx.actor!;
  switch (action) {
    case "take":
      return takeManualOrder(deps, orderId, actor);
    case "done":
      return completeManualOrder(deps, orderId, actor);
    case "cancel":
      return cancelOrder(deps, { orderId, actor, reason: "Cancelled from the admin chat" });
    case "resubmit":
      return resubmitOrder(deps, { orderId, actor });
    case "notplaced":
      return reconcileUnknownOrder(deps, { orderId, actor, decision: { kind: "not_placed" } });
    case "notplacedrefund":
      return reconcileUnknownOrder(deps, { orderId, actor, decision: { kind: "not_placed_refund" } });
    case "sync":
      return syncOrder(deps, orderId);
    default:
      throw new Error(`Unknown admin order action ${action}`);
  }
}

async function appendStatus(ctx: BotContext, status: string, buttons?: InlineKeyboard) {
  const original = ctx.callbackQuery?.message && "text" in ctx.callbackQuery.message ? ctx.callbackQuery.message.text : undefined;
  const text = original ? `${original}\n\n${status}` : status;
  await ctx.editMessageText(text, { reply_markup: buttons ?? new InlineKeyboard() }).catch((err) => {
    ctx.deps.logger.warn({ err }, "Could not update the admin message");
  });
}

/** Replies in the admin chat: a provider order id for an UNKNOWN order, or an answer to a ticket. */
adminFeature.on("message:text").filter(
  (ctx) => ctx.message.reply_to_message?.from?.id === ctx.me.id,
  async (ctx, next) => {
    const replyTo = ctx.message.reply_to_message!;
    const adminChat = ctx.deps.config.ADMIN_CHAT_ID;
    // Admin announcements live in the admin chat (or, without one, in each admin's private chat).
    const inAdminChat = adminChat !== undefined ? BigInt(ctx.chat.id) === adminChat : ctx.chat.type === "private";
    if (!ctx.isAdmin || !ctx.actor || !inAdminChat) return next();
    const t = ctx.i18n.translator(adminLocale(ctx.deps.config));
    const placed = replyTo.text?.match(PLACED_PROMPT);
    if (placed) {
      try {
        const order = await reconcileUnknownOrder(ctx.deps, { orderId: Number(placed[1]), actor: ctx.actor, decision: { kind: "placed", providerOrderId: ctx.message.text } });
        return ctx.reply(movedText(ctx, order, ctx.from.first_name));
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        return ctx.reply(adminErrorText(ctx, error));
      }
    }
    const rejecting = replyTo.text?.match(REJECT_PROMPT);
    if (rejecting) {
      const reason = ctx.message.text.trim();
      if (reason.length === 0 || reason.length > 300) return ctx.reply(t("admin-reject-prompt"));
      return rejectWithReason(ctx, Number(rejecting[1]), reason, false);
    }
    if (await answerTicketFromAdminChat(ctx)) return;
    return next();
  },
);

adminFeature.command("dashboard", async (ctx) => {
  if (!ctx.isAdmin || !ctx.user) {
    ctx.deps.logger.warn({ userId: ctx.from?.id }, "Non-admin asked for a dashboard link");
    const locale = ctx.user?.language ?? clientLocale(ctx.from?.language_code) ?? ctx.locale;
    await ctx.reply(ctx.i18n.t(locale, "admin-dashboard-admins-only"));
    return;
  }
  try {
    const url = await createAdminLoginLink(ctx.deps, ctx.user.id);
    // The link opens an admin session: it goes to the admin alone, never into a group.
    await ctx.api.sendMessage(ctx.from!.id, ctx.t("admin-dashboard-link", { url }), { link_preview_options: { is_disabled: true } });
    if (ctx.chat?.type !== "private") await ctx.reply(ctx.t("admin-dashboard-sent-privately"));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    await ctx.reply(errorText(ctx.i18n, ctx.locale, error, ctx.deps.config.SHOP_CURRENCY));
  }
});

/** `/reseller <user id | @username> on [discount %] | off | discount <percent>` (admins, anywhere they are). */
adminFeature.command("reseller", async (ctx) => {
  if (!ctx.isAdmin || !ctx.actor) return;
  const t = ctx.i18n.translator(adminLocale(ctx.deps.config));
  const [ref, verb, arg] = ctx.match.trim().split(/\s+/);
  const user = ref ? await findUserByRef(ctx, ref) : null;
  if (!user || !verb || !["on", "off", "discount"].includes(verb) || (verb === "discount" && !arg)) return ctx.reply(t("admin-reseller-usage"));
  try {
    // A bad discount is refused before access changes: the command changes all or nothing.
    if (arg !== undefined) parseDiscount(arg);
    if (verb !== "discount") await setResellerAccess(ctx.deps, { userId: user.id, reseller: verb === "on", actor: ctx.actor });
    if (arg !== undefined) await setResellerPricing(ctx.deps.db, { userId: user.id, discountPercent: arg, actor: ctx.actor });
    const now = await ctx.deps.db.user.findUniqueOrThrow({ where: { id: user.id } });
    await ctx.reply(t("admin-reseller-done", { id: String(now.id), user: who(now), role: now.role, discount: now.resellerDiscount.toString() }));
    await deliverNow(ctx.deps, ctx.api, ctx.i18n, { userIds: [user.id] });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    await ctx.reply(error.message);
  }
});

function findUserByRef(ctx: BotContext, ref: string) {
  if (/^#?\d{1,9}$/.test(ref)) return ctx.deps.db.user.findUnique({ where: { id: Number(ref.replace("#", "")) } });
  if (/^@\w{3,32}$/.test(ref)) return ctx.deps.db.user.findFirst({ where: { username: { equals: ref.slice(1), mode: "insensitive" } } });
  return Promise.resolve(null);
}
