import { conversations, createConversation } from "@grammyjs/conversations";
import type { Language } from "@prisma/client";
import { Composer } from "grammy";
import { cancelBroadcast, pauseBroadcast, resumeBroadcast, startBroadcast } from "../../broadcasts/control-broadcast.js";
import type { Deps } from "../../deps.js";
import { DomainError } from "../../shared/errors.js";
import { BROADCAST_CALLBACK } from "../broadcasts/progress-text.js";
import type { BaseContext, BotContext, ConvContext } from "../context.js";
import { broadcastConversation } from "../conversations/broadcast.js";
import { errorText } from "../errors.js";
import type { I18n } from "../i18n.js";
import { adminLocale } from "../notifications/admin-targets.js";
import { conversationStorage, type SessionStore } from "../storage.js";

/** The admin chat speaks the configured admin language; an admin's private chat, the admin's own. */
function localeOf(ctx: BotContext): Language {
  return ctx.chat?.type === "private" ? ctx.locale : adminLocale(ctx.deps.config);
}

const inAdminChat = (ctx: BotContext) => ctx.deps.config.ADMIN_CHAT_ID !== undefined && ctx.chat?.id !== undefined && BigInt(ctx.chat.id) === ctx.deps.config.ADMIN_CHAT_ID;

/**
 * /broadcast in the admin chat (a group: its conversation is kept per admin, so the others' messages
 * are not taken as answers) and the Send / Cancel / Pause / Resume buttons wherever they are.
 * In an admin's private chat /broadcast enters the same conversation through the private chat's
 * conversations (conversations/install.ts).
 */
export function broadcastFeature(deps: Deps, i18n: I18n, sessions: SessionStore, version: string | number): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.callbackQuery(BROADCAST_CALLBACK, async (ctx) => {
    if (!ctx.isAdmin || !ctx.actor) {
      ctx.deps.logger.warn({ userId: ctx.from.id, data: ctx.callbackQuery.data }, "Broadcast button pressed by a non-admin: ignored");
      return ctx.answerCallbackQuery();
    }
    const [, action, rawId] = ctx.match;
    const input = { broadcastId: Number(rawId), actor: ctx.actor };
    const t = ctx.i18n.translator(localeOf(ctx));
    try {
      if (action === "start") {
        // The "Send?" message becomes the progress message.
        await startBroadcast(ctx.deps, { ...input, progressChatId: BigInt(ctx.chat!.id), progressMessageId: ctx.callbackQuery.message?.message_id ?? null });
      } else if (action === "pause") await pauseBroadcast(ctx.deps, input);
      else if (action === "resume") await resumeBroadcast(ctx.deps, input);
      else {
        const b = await cancelBroadcast(ctx.deps, input);
        // A draft has no progress message: say so on the "Send?" message itself.
        if (!b.startedAt) await ctx.editMessageText(t("broadcast-canceled", { id: b.id })).catch(() => {});
      }
      await ctx.answerCallbackQuery();
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      await ctx.answerCallbackQuery({ text: errorText(ctx.i18n, localeOf(ctx), error, ctx.deps.config.SHOP_CURRENCY).slice(0, 190), show_alert: true });
    }
  });

  const adminChat = feature.filter(inAdminChat);
  adminChat.use(
    conversations<BaseContext, ConvContext>({
      storage: conversationStorage(sessions, version, (ctx) => (ctx.chatId === undefined || !ctx.from ? undefined : `conversation:${ctx.chatId}:${ctx.from.id}`)),
    }),
  );
  // A command leaves the admin's conversation first (as in private chats); /cancel just that.
  adminChat.use(async (ctx, next) => {
    if (ctx.message?.text?.startsWith("/") && Object.keys(ctx.conversation.active()).length > 0) {
      await ctx.conversation.exitAll();
      if (/^\/cancel(@\w+)?$/.test(ctx.message.text)) return void (await ctx.reply(ctx.i18n.t(localeOf(ctx), "cancelled")));
    }
    await next();
  });
  adminChat.use(createConversation<BotContext, ConvContext>(broadcastConversation(deps, i18n), "broadcast"));
  adminChat.filter((ctx) => ctx.isAdmin).command("broadcast", (ctx) => ctx.conversation.enter("broadcast", localeOf(ctx)));
  return feature;
}

/** /broadcast in an admin's private chat (installed after the private chat's conversations). */
export const broadcastPrivateFeature = new Composer<BotContext>();
broadcastPrivateFeature.filter((ctx) => ctx.isAdmin).command("broadcast", (ctx) => ctx.conversation.enter("broadcast", ctx.locale));
