import { createConversation } from "@grammyjs/conversations";
import type { Composer } from "grammy";
import type { Deps } from "../../deps.js";
import type { BaseContext, BotContext, ConvContext } from "../context.js";
import type { I18n } from "../i18n.js";
import { massOrderConversation } from "./mass.js";
import { orderConversation } from "./order.js";
import { ticketReplyConversation } from "./ticket-reply.js";
import { ticketConversation } from "./ticket.js";
import { topUpConversation } from "./topup.js";

export const CONVERSATIONS = ["order", "topup", "ticket", "ticketReply", "mass"] as const;
export type ConversationName = (typeof CONVERSATIONS)[number];

export function installConversations<C extends BotContext>(composer: Composer<C>, deps: Deps, i18n: I18n): void {
  const all = [orderConversation, topUpConversation, ticketConversation, ticketReplyConversation, massOrderConversation];
  const names: ConversationName[] = ["order", "topup", "ticket", "ticketReply", "mass"];
  all.forEach((build, i) => {
    composer.use(createConversation<BaseContext, ConvContext>(build(deps, i18n) as never, names[i]!) as never);
  });
}
