import { setLanguage } from "../../users/set-language.js";
import type { Language } from "@prisma/client";
import { Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../context.js";
import { LOCALES } from "../i18n.js";
import { mainMenu, menuTexts } from "../keyboards/main-menu.js";
import { commandsFor } from "../runtime/commands.js";

export const languageFeature = new Composer<BotContext>();

const choose = async (ctx: BotContext) => {
  const k = new InlineKeyboard();
  for (const l of LOCALES) k.text(ctx.i18n.t(l, "language-name"), `lang:${l}`);
  await ctx.reply(ctx.t("language-choose"), { reply_markup: k });
};

languageFeature.command("language", choose);
languageFeature.on("message:text").filter((ctx) => menuTexts(ctx.i18n, "menu-language").includes(ctx.message.text), choose);

languageFeature.callbackQuery(/^lang:(bn|en)$/, async (ctx) => {
  const language = ctx.match[1] as Language;
  // The user's own preference: nothing else depends on it.
  ctx.user = await setLanguage(ctx.deps, ctx.user!.id, language);
  ctx.locale = language;
  ctx.t = ctx.i18n.translator(language);
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t("language-set"), { reply_markup: mainMenu(ctx.t) });
  // Cosmetic: the command list in this chat follows the chosen language.
  await ctx.api
    .setMyCommands(commandsFor(ctx.t), { scope: { type: "chat", chat_id: ctx.chat!.id } })
    .catch((err) => ctx.deps.logger.warn({ err }, "setMyCommands for a chat failed"));
});
