import { Composer, InlineKeyboard } from "grammy";
import { issueApiKey, revokeApiKey } from "../../apikeys/api-keys.js";
import { requestResellerAccess } from "../../resellers/reseller-access.js";
import { DomainError } from "../../shared/errors.js";
import { deliverNow } from "../notifications/deliver-now.js";
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
  const lines: string[] = [];
  if (keys.length === 0) {
    k.text(ctx.t("btn-apikey-create"), "ak:new");
    lines.push(ctx.t("apikey-none"));
  } else {
    k.text(ctx.t("btn-apikey-rotate"), "ak:rotate").text(ctx.t("btn-apikey-revoke"), "ak:revoke");
    lines.push(ctx.t("apikey-title"), ...keys.map((key) => ctx.t("apikey-line", { prefix: key.prefix, date: day(ctx.locale, key.createdAt, ctx.deps.config.SHOP_TIME_ZONE) })));
  }
  // Only resellers can order with a key: a customer is offered the way to become one.
  if (ctx.user?.role === "CUSTOMER") {
    k.row().text(ctx.t("btn-reseller-request"), "rs:request");
    lines.push("", ctx.t("reseller-ask"));
  }
  return ctx.reply(lines.join("\n"), { reply_markup: k });
}

async function revokeAll(ctx: BotContext) {
  for (const key of await activeKeys(ctx)) await revokeApiKey(ctx.deps, { apiKeyId: key.id, ownerUserId: ctx.user!.id });
}

apiKeyFeature.command("apikey", overview);
apiKeyFeature.on("message:text").filter((ctx) => menuTexts(ctx.i18n, "menu-apikey").includes(ctx.message.text), overview);

apiKeyFeature.callbackQuery("rs:request", async (ctx) => {
  await ctx.answerCallbackQuery();
  try {
    await requestResellerAccess(ctx.deps, ctx.user!.id);
    await ctx.editMessageText(ctx.t("reseller-requested"));
    await deliverNow(ctx.deps, ctx.api, ctx.i18n, { userIds: [ctx.user!.id] });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    await ctx.reply(errorText(ctx.i18n, ctx.locale, error, ctx.deps.config.SHOP_CURRENCY));
  }
});

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
