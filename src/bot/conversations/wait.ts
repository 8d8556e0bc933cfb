import type { BotConversation, ConvContext } from "../context.js";

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
