import type { Language, Service } from "@prisma/client";
import { refillTerms, refillWindowDays } from "../../orders/lifecycle/index.js";
import { Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../context.js";
import { estimateText } from "../estimate-text.js";
import { localName, money } from "../format.js";
import type { Translate } from "../i18n.js";
import { menuTexts } from "../keyboards/main-menu.js";
import { asSeenBy } from "../../orders/pricing.js";
import { loadBuyerTerms } from "../../orders/load-reseller-terms.js";

const PAGE = 8;

export const catalogueFeature = new Composer<BotContext>();

export function priceText(t: Translate, locale: Language, s: Pick<Service, "price" | "priceUnit" | "packageSize">, currency: string): string {
  const price = money(locale, s.price, currency);
  if (s.priceUnit === "PER_1000") return t("price-per-1000", { price });
  if (s.priceUnit === "PER_PACKAGE") return t("price-per-package", { price, size: String(s.packageSize ?? 1) });
  return t("price-per-unit", { price });
}

/** Services with the price this user pays (a reseller's own prices). */
async function seenBy(ctx: BotContext, services: Service[]): Promise<Service[]> {
  if (ctx.user?.role !== "RESELLER") return services;
  const terms = await loadBuyerTerms(ctx.deps.db, ctx.user, services.map((s) => s.id));
  return services.map((s) => asSeenBy(s, terms));
}

async function categories(ctx: BotContext, edit: boolean, page = 0) {
  const all = await ctx.catalogue.categories();
  const list = all.slice(page * PAGE, (page + 1) * PAGE);
  const total = all.length;
  if (total === 0) return ctx.reply(ctx.t("catalogue-empty"));
  const k = new InlineKeyboard();
  for (const c of list) k.text(localName(c, ctx.locale), `cat:${c.id}:0`).row();
  if (page > 0) k.text("◀️", `cats:${page - 1}`);
  if ((page + 1) * PAGE < total) k.text("▶️", `cats:${page + 1}`);
  const text = ctx.t("catalogue-title");
  return edit ? ctx.editMessageText(text, { reply_markup: k }) : ctx.reply(text, { reply_markup: k });
}

catalogueFeature.command("services", (ctx) => categories(ctx, false));
catalogueFeature.on("message:text").filter((ctx) => menuTexts(ctx.i18n, "menu-services").includes(ctx.message.text), (ctx) => categories(ctx, false));
catalogueFeature.callbackQuery(/^cats(?::(\d+))?$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  await categories(ctx, true, Number(ctx.match[1] ?? 0));
});

catalogueFeature.callbackQuery(/^cat:(\d+):(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const categoryId = Number(ctx.match[1]);
  const page = Number(ctx.match[2]);
  const category = await ctx.catalogue.category(categoryId);
  if (!category?.active) return categories(ctx, true);
  const all = await ctx.catalogue.services(categoryId);
  const services = all.slice(page * PAGE, (page + 1) * PAGE);
  const total = all.length;
  const k = new InlineKeyboard();
  for (const s of await seenBy(ctx, services)) k.text(`${localName(s, ctx.locale)} · ${money(ctx.locale, s.price, ctx.deps.config.SHOP_CURRENCY)}`, `svc:${s.id}`).row();
  if (page > 0) k.text("◀️", `cat:${categoryId}:${page - 1}`);
  if ((page + 1) * PAGE < total) k.text("▶️", `cat:${categoryId}:${page + 1}`);
  k.row().text(ctx.t("btn-back"), "cats");
  await ctx.editMessageText(ctx.t("category-services", { name: localName(category, ctx.locale) }), { reply_markup: k });
});

catalogueFeature.callbackQuery(/^svc:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const found = await ctx.catalogue.service(Number(ctx.match[1]));
  if (!found?.active) return ctx.reply(ctx.t("err-service-unavailable"));
  const [s] = await seenBy(ctx, [found]);
  if (!s) return;
  const description = (ctx.locale === "en" ? s.descriptionEn : s.descriptionBn) ?? "";
  const text = ctx.t("service-details", {
    id: String(s.id),
    name: localName(s, ctx.locale),
    price: priceText(ctx.t, ctx.locale, s, ctx.deps.config.SHOP_CURRENCY),
    min: String(s.min),
    max: String(s.max),
    refill: s.refill ? ctx.t("refill-days", { days: refillWindowDays(s, refillTerms(ctx.deps.config)) }) : ctx.t("refill-no"),
    description,
  });
  const estimate = estimateText(ctx.t, await ctx.catalogue.estimate(s.id));
  const k = new InlineKeyboard().text(ctx.t("btn-order"), `ord:${s.id}`).row().text(ctx.t("btn-back"), `cat:${s.categoryId}:0`);
  await ctx.editMessageText(`${text.trim()}

${estimate}`, { reply_markup: k });
});

