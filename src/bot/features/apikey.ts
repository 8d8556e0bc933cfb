import { Composer, InlineKeyboard } from "grammy";
import { issueApiKey, revokeApiKey } from "../../apikeys/api-keys.js";
import { DomainError } from "../../shared/errors.js";
import type { BotContext } from "../context.js";
import { errorText } from "../errors.js";
import { day } from "../format.js";
import { menuTexts } from "../keyboards/main-menu.js";

/** API keys for resellers: the key is shown once (only its hash is stored); rotate or revoke. */
export const apiKeyFeature = new Composer<BotContext>();

async function activeKeys(ctx: BotContext) {
  return ctx.deps.db.apiKey.findMany({ where: { userId: ctx.user!.id, revokedAt: null }, orderBy: { id: "asc" } });
}

async function overview(ctx: BotContext) {
  const keys = await activeKeys(ctx);
  const k = new InlineKeyboard();
  if (keys.length === 0) {
    k.text(ctx.t("btn-apikey-create"), "ak:new");
    return ctx.reply(ctx.t("apikey-none"), { reply_markup: k });
  }
  k.text(ctx.t("btn-apikey-rotate"), "ak:rotate").text(ctx.t("btn-apikey-revoke"), "ak:revoke");
  const lines = keys.map((key) => ctx.t("apikey-line", { prefix: key.prefix, date: day(ctx.locale, key.createdAt) }));
  return ctx.reply([ctx.t("apikey-title"), ...lines].join("\n"), { reply_markup: k });
}

async function revokeAll(ctx: BotContext) {
  for (const key of await activeKeys(ctx)) await revokeApiKey(ctx.deps, { apiKeyId: key.id, ownerUserId: ctx.user!.id });
}

apiKeyFeature.command("apikey", overview);
apiKeyFeature.on("message:text").filter((ctx) => menuTexts(ctx.i18n, "menu-apikey").includes(ctx.message.text), overview);

apiKeyFeature.callbackQuery(/^ak:(new|rotate|revoke)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const action = ctx.match[1];
  try {
    if (action !== "new") await revokeAll(ctx);
    if (action === "revoke") return ctx.editMessageText(ctx.t("apikey-revoked"));
    if (action === "new" && (await activeKeys(ctx)).length > 0) return overview(ctx);
    const { key } = await issueApiKey(ctx.deps, { userId: ctx.user!.id, name: "telegram" });
    await ctx.editMessageText(ctx.t("apikey-new", { key }), { parse_mode: "HTML" });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    await ctx.reply(errorText(ctx.i18n, ctx.locale, error, ctx.deps.config.SHOP_CURRENCY));
  }
});
