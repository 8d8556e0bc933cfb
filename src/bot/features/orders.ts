import { Composer, InlineKeyboard } from "grammy";
import { customerStatus } from "../../orders/status-view.js";
import type { BotContext } from "../context.js";
import { day, localName, money } from "../format.js";
import { menuTexts } from "../keyboards/main-menu.js";

const PAGE = 10;

export const ordersFeature = new Composer<BotContext>();

/** The customer's orders, newest first, with the status a customer sees (never FAILED or UNKNOWN). */
async function ordersPage(ctx: BotContext, page: number, edit: boolean) {
  const where = { userId: ctx.user!.id };
  const [orders, total] = await Promise.all([
    ctx.deps.db.order.findMany({ where, orderBy: { id: "desc" }, skip: page * PAGE, take: PAGE, include: { service: true } }),
    ctx.deps.db.order.count({ where }),
  ]);
  if (total === 0) return ctx.reply(ctx.t("orders-empty"));
  const pages = Math.max(1, Math.ceil(total / PAGE));
  const lines = orders.map((o) =>
    ctx.t("orders-line", {
      id: String(o.id),
      service: localName(o.service, ctx.locale),
      quantity: String(o.quantity),
      status: ctx.t(`status-${customerStatus(o.status)}`),
      charge: money(ctx.locale, o.charge, ctx.deps.config.SHOP_CURRENCY),
      date: day(ctx.locale, o.createdAt),
    }),
  );
  const text = [ctx.t("orders-title", { page: String(page + 1), pages: String(pages) }), ...lines].join("\n\n");
  const k = new InlineKeyboard();
  if (page > 0) k.text("◀️", `op:${page - 1}`);
  if (page + 1 < pages) k.text("▶️", `op:${page + 1}`);
  return edit ? ctx.editMessageText(text, { reply_markup: k }) : ctx.reply(text, { reply_markup: k });
}

ordersFeature.command("orders", (ctx) => ordersPage(ctx, 0, false));
ordersFeature.on("message:text").filter((ctx) => menuTexts(ctx.i18n, "menu-orders").includes(ctx.message.text), (ctx) => ordersPage(ctx, 0, false));
ordersFeature.callbackQuery(/^op:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ordersPage(ctx, Number(ctx.match[1]), true);
});
