import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { mainMenu } from "../keyboards/main-menu.js";

export const startFeature = new Composer<BotContext>();

startFeature.command(["start", "menu", "help"], async (ctx) => {
  await ctx.reply(ctx.t("start-welcome", { name: ctx.from?.first_name ?? "" }), { reply_markup: mainMenu(ctx.t) });
});
