import type { Language } from "@prisma/client";
import { DomainError } from "../../shared/errors.js";
import type { BotConversation, ConvContext } from "../context.js";
import { errorText } from "../errors.js";
import type { I18n } from "../i18n.js";

/**
 * Waits for a text message. Buttons pressed meanwhile are passed on to the rest of the bot;
 * other messages (stickers, photos) get `hint`.
 */
export async function waitText(conversation: BotConversation, hint: string): Promise<{ ctx: ConvContext; text: string }> {
  for (;;) {
    const ctx = await conversation.wait();
    const text = ctx.message?.text;
    if (text !== undefined) return { ctx, text };
    if (!ctx.message) await conversation.skip({ next: true });
    await ctx.reply(hint);
  }
}

/** Waits for a tap on one of this conversation's buttons (callback data matching `pattern`). */
export async function waitChoice(conversation: BotConversation, pattern: RegExp, hint: string): Promise<{ ctx: ConvContext; match: RegExpMatchArray }> {
  for (;;) {
    const ctx = await conversation.wait();
    const match = ctx.callbackQuery?.data?.match(pattern);
    if (match) {
      await ctx.answerCallbackQuery();
      return { ctx, match };
    }
    if (!ctx.message) await conversation.skip({ next: true });
    await ctx.reply(hint);
  }
}

/** Asks until `parse` accepts the answer; each refusal is explained in the user's language. */
export async function ask<T>(conversation: BotConversation, i18n: I18n, locale: Language, currency: string, parse: (text: string) => T): Promise<T> {
  const t = i18n.translator(locale);
  for (;;) {
    const { ctx, text } = await waitText(conversation, t("hint-send-text"));
    try {
      return parse(text);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      await ctx.reply(errorText(i18n, locale, error, currency));
    }
  }
}
