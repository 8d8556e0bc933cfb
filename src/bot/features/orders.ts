import { Composer, InlineKeyboard } from "grammy";
import { requestRefill } from "../../fulfilment/request-refill.js";
import { allowedActions, lifeCycleActions, refillLimit, refillTerms, type RefillLimit } from "../../orders/lifecycle/index.js";
import { CUSTOMER_STATUSES, customerStatus, statusesShownAs } from "../../orders/status-view.js";
import { DomainError } from "../../shared/errors.js";
import { errorText } from "../errors.js";
import type { BotContext } from "../context.js";
import { count, day, localName, money } from "../format.js";
import { menuTexts } from "../keyboards/main-menu.js";

const PAGE = 10;

export const ordersFeature = new Composer<BotContext>();

const FILTERS = CUSTOMER_STATUSES;
type Filter = (typeof FILTERS)[number];

/** The customer's orders, newest first, with the status a customer sees (never FAILED or UNKNOWN); optionally one status only. */
async function ordersPage(ctx: BotContext, page: number, edit: boolean, filter?: Filter) {
  const where = { userId: ctx.user!.id, ...(filter ? { status: { in: statusesShownAs(filter) } } : {}) };
  const [orders, total] = await Promise.all([
    ctx.deps.db.order.findMany({ where, orderBy: { id: "desc" }, skip: page * PAGE, take: PAGE, include: { service: true } }),
    ctx.deps.db.order.count({ where }),
  ]);
  if (total === 0 && !filter) return ctx.reply(ctx.t("orders-empty"));
  const pages = Math.max(1, Math.ceil(total / PAGE));
  const lines = orders.map((o) =>
    ctx.t("orders-line", {
      id: String(o.id),
      service: localName(o.service, ctx.locale),
      quantity: String(o.quantity),
      status: ctx.t(`status-${customerStatus(o.status)}`),
      charge: money(ctx.locale, o.charge, ctx.deps.config.SHOP_CURRENCY),
      date: day(ctx.locale, o.createdAt, ctx.deps.config.SHOP_TIME_ZONE),
    }),
  );
  const title = ctx.t("orders-title", { page: String(page + 1), pages: String(pages) });
  const text = [filter ? `${title}\n${ctx.t(`status-${filter}`)}` : title, ...(lines.length ? lines : [ctx.t("orders-none-with-status")])].join("\n\n");
  const k = new InlineKeyboard();
  orders.forEach((o, i) => {
    k.text(`#${o.id}`, `oo:${o.id}`);
    if (i % 5 === 4) k.row();
  });
  k.row();
  const f = filter ?? "";
  if (page > 0) k.text("◀️", `op:${page - 1}:${f}`);
  if (page + 1 < pages) k.text("▶️", `op:${page + 1}:${f}`);
  k.row();
  for (const s of FILTERS) if (s !== filter) k.text(ctx.t(`status-${s}`).split(" ")[0]!, `op:0:${s}`);
  if (filter) k.text(ctx.t("orders-all"), "op:0:");
  return edit ? ctx.editMessageText(text, { reply_markup: k }) : ctx.reply(text, { reply_markup: k });
}

/** One order's card: live progress from the last sync, and the buttons the life cycle allows now. */
async function orderCard(ctx: BotContext, orderId: number) {
  const o = await ctx.deps.db.order.findFirst({ where: { id: orderId, userId: ctx.user!.id }, include: { service: true, refills: { orderBy: { id: "desc" } } } });
  if (!o) return ctx.reply(ctx.t("err-not-found", { id: String(orderId) }));
  const delivered = o.remains === null ? null : Math.max(0, o.quantity - o.remains);
  const refill = o.refills[0];
  const clock = { now: ctx.deps.now(), terms: refillTerms(ctx.deps.config) };
  const lines = [
    ctx.t("order-card", {
      id: String(o.id),
      service: localName(o.service, ctx.locale),
      status: ctx.t(`status-${customerStatus(o.status)}`),
      quantity: String(o.quantity),
      start: o.startCount === null ? "—" : String(o.startCount),
      delivered: delivered === null ? "—" : String(delivered),
      remains: o.remains === null ? "—" : String(o.remains),
      charge: money(ctx.locale, o.charge, ctx.deps.config.SHOP_CURRENCY),
    }),
  ];
  if (refill) lines.push(ctx.t(`order-card-refill-${refill.status}`, { reason: refill.error ?? "—" }));
  // The life cycle would offer a refill but the policy holds it back: say why instead of a button.
  const limit = lifeCycleActions(o, "customer").includes("refill") ? refillLimit(o, clock) : null;
  if (limit && limit.reason !== "refill_open") lines.push(refillLimitText(ctx, limit, clock.now));
  const actions = allowedActions(o, "customer", clock);
  const k = new InlineKeyboard().text("🔄", `oo:${o.id}`);
  if (actions.includes("refill")) k.text(ctx.t("btn-refill"), `or:${o.id}`);
  if (actions.includes("cancel") || actions.includes("request_cancel")) k.text(ctx.t("btn-stuck-cancel"), `sx:${o.id}`);
  k.row().text(ctx.t("btn-stuck-ticket"), `st:${o.id}`).text(ctx.t("btn-back"), "op:0:");
  return ctx.editMessageText(lines.join("\n\n"), { reply_markup: k }).catch((error: unknown) => {
    // Refreshing a card that has not changed: Telegram refuses the identical edit.
    if (!String(error).includes("message is not modified")) throw error;
  });
}

function refillLimitText(ctx: BotContext, limit: Exclude<RefillLimit, { reason: "refill_open" }>, now: Date): string {
  switch (limit.reason) {
    case "window_closed":
      return ctx.t("order-card-refill-window-closed", { date: day(ctx.locale, limit.closedAt, ctx.deps.config.SHOP_TIME_ZONE) });
    case "cap_reached":
      return ctx.t("order-card-refill-cap-reached", { max: count(ctx.locale, limit.max) });
    case "cooldown":
      return ctx.t("order-card-refill-cooldown", { hours: count(ctx.locale, hoursUntil(now, limit.until)) });
  }
}

const hoursUntil = (now: Date, until: Date) => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 3_600_000));

ordersFeature.command("orders", (ctx) => ordersPage(ctx, 0, false));
ordersFeature.on("message:text").filter((ctx) => menuTexts(ctx.i18n, "menu-orders").includes(ctx.message.text), (ctx) => ordersPage(ctx, 0, false));
ordersFeature.callbackQuery(/^op:(\d+)(?::([A-Z_]*))?$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const filter = FILTERS.find((f) => f === ctx.match[2]);
  await ordersPage(ctx, Number(ctx.match[1]), true, filter);
});
ordersFeature.callbackQuery(/^oo:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  await orderCard(ctx, Number(ctx.match[1]));
});
ordersFeature.callbackQuery(/^or:(\d+)$/, async (ctx) => {
  const orderId = Number(ctx.match[1]);
  try {
    await requestRefill(ctx.deps, { orderId, actor: ctx.actor!, ownerUserId: ctx.user!.id });
    await ctx.answerCallbackQuery({ text: ctx.t("refill-requested") });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    await ctx.answerCallbackQuery();
    await ctx.reply(errorText(ctx.i18n, ctx.locale, error, ctx.deps.config.SHOP_CURRENCY));
  }
  await orderCard(ctx, orderId);
});
