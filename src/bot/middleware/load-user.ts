import type { MiddlewareFn } from "grammy";
import type { Deps } from "../../deps.js";
import { stripControlCharacters } from "../../shared/input-hygiene.js";
import { ensureTelegramUser } from "../../users/ensure-telegram-user.js";
import { recordBotReachability } from "../../users/bot-reachability.js";
import type { BotContext } from "../context.js";
import { clientLocale, DEFAULT_LOCALE, type I18n } from "../i18n.js";

/**
 * Puts deps, texts, the sender's shop user and admin flag on the context. Group members become
 * shop users only when they act (a quick order, a button), not for every chat message.
 */
export function loadUser(deps: Deps, i18n: I18n): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    ctx.deps = deps;
    ctx.i18n = i18n;
    const from = ctx.from;
    ctx.isAdmin = from !== undefined && deps.config.ADMIN_IDS.includes(BigInt(from.id));
    const wanted = from !== undefined && !from.is_bot && (ctx.chat?.type === "private" || ctx.callbackQuery !== undefined || ctx.isAdmin);
    if (wanted) {
      ctx.user = ctx.knownUser ?? await ensureTelegramUser(deps, {
        telegramId: BigInt(from.id),
        username: from.username ?? null,
        firstName: stripControlCharacters(from.first_name),
        language: clientLocale(from.language_code),
      });
      // Anything the user does in their private chat means they can be written to; "stop bot" means not.
      const member = ctx.myChatMember?.chat.type === "private" ? ctx.myChatMember.new_chat_member.status : undefined;
      if (ctx.chat?.type === "private") ctx.user = await recordBotReachability(deps, ctx.user, member !== "kicked");
      ctx.actor = { userId: ctx.user.id, label: `telegram:${from.id}`, isAdmin: ctx.isAdmin };
    }
    ctx.locale = ctx.user?.language ?? DEFAULT_LOCALE;
    ctx.t = i18n.translator(ctx.locale);
    await next();
  };
}
