import type { MiddlewareFn } from "grammy";
import { ValidationError } from "../../shared/errors.js";
import { hasControlCharacters } from "../../shared/input-hygiene.js";
import type { BotContext } from "../context.js";
import { errorText } from "../errors.js";

/**
 * A message (or button press) carrying NUL or another control character (line breaks are fine) is
 * answered with a clear line and goes no further: no conversation step, no write.
 */
export function inputHygiene(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const text = ctx.message?.text ?? ctx.message?.caption;
    const data = ctx.callbackQuery?.data;
    const dirty = (text !== undefined && hasControlCharacters(text, { multiline: true })) || (data !== undefined && hasControlCharacters(data));
    if (!dirty) return next();
    const message = errorText(ctx.i18n, ctx.locale, new ValidationError(text !== undefined ? "text" : "data", "control_characters", "control characters"), ctx.deps.config.SHOP_CURRENCY);
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: message });
    else if (ctx.chat?.type === "private") await ctx.reply(message);
  };
}
