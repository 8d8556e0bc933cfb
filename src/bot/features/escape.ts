import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { allMenuTexts } from "../keyboards/main-menu.js";

/** Callback prefixes that start something new: they end whatever conversation was going on. */
const STARTERS = /^(cat|svc|ord|lang|tkr|ak|st):/;

/**
 * A command, a main-menu button or a new-flow button always works, even in the middle of a
 * conversation or an order: the conversation (or the order's draft) is left first.
 */
export const escapeFeature = new Composer<BotContext>();

escapeFeature.use(async (ctx, next) => {
  const text = ctx.message?.text;
  const data = ctx.callbackQuery?.data;
  const escapes =
    (text !== undefined && (text.startsWith("/") || allMenuTexts(ctx.i18n).has(text))) || (data !== undefined && STARTERS.test(data));
  if (escapes && Object.keys(ctx.conversation.active()).length > 0) await ctx.conversation.exitAll();
  if (escapes && ctx.session.order) delete ctx.session.order;
  await next();
});

escapeFeature.command("cancel", async (ctx) => {
  await ctx.reply(ctx.t("cancelled"));
});
