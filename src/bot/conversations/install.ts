import { createConversation } from "@grammyjs/conversations";
import { Composer } from "grammy";
import type { Deps } from "../../deps.js";
import type { BotContext, ConvContext } from "../context.js";
import type { I18n } from "../i18n.js";
import { broadcastConversation } from "./broadcast.js";
import { massOrderConversation } from "./mass.js";
import { ticketReplyConversation } from "./ticket-reply.js";
import { ticketConversation } from "./ticket.js";
import { topUpConversation } from "./topup.js";

/** Every conversation, under the name `ctx.conversation.enter` uses. */
export function conversationsComposer(deps: Deps, i18n: I18n): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.use(createConversation<BotContext, ConvContext>(topUpConversation(deps, i18n), "topup"));
  composer.use(createConversation<BotContext, ConvContext>(ticketConversation(deps, i18n), "ticket"));
  composer.use(createConversation<BotContext, ConvContext>(ticketReplyConversation(deps, i18n), "ticketReply"));
  composer.use(createConversation<BotContext, ConvContext>(massOrderConversation(deps, i18n), "mass"));
  composer.use(createConversation<BotContext, ConvContext>(broadcastConversation(deps, i18n), "broadcast"));
  return composer;
}
