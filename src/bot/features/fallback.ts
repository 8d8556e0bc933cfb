import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { mainMenu } from "../keyboards/main-menu.js";

/** Whatever nothing else handled: never silence. */
export const fallbackFeature = new Composer<BotContext>();

fallbackFeature.on("callback_query", async (ctx) => {
  await ctx.answerCallbackQuery({ text: ctx.conversationExpired ? ctx.t("conversation-expired") : ctx.t("button-expired") });
});

fallbackFeature.on("message", async (ctx) => {
  const key = ctx.conversationExpired ? "conversation-expired" : "unknown-input";
  await ctx.reply(ctx.t(key), { reply_markup: mainMenu(ctx.t) });
});
