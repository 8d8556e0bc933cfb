import { autoRetry } from "@grammyjs/auto-retry";
import { conversations } from "@grammyjs/conversations";
import { sequentialize } from "@grammyjs/runner";
import { Bot, Composer, session, type BotConfig } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type pg from "pg";
import type { Deps } from "../deps.js";
import type { BaseContext, BotContext, ConvContext } from "./context.js";
import { conversationsComposer } from "./conversations/install.js";
import { starsFeature } from "./features/stars.js";
import { adminFeature } from "./features/admin.js";
import { broadcastFeature, broadcastPrivateFeature } from "./features/broadcast.js";
import { apiKeyFeature } from "./features/apikey.js";
import { balanceFeature } from "./features/balance.js";
import { catalogueFeature } from "./features/catalogue.js";
import { escapeFeature } from "./features/escape.js";
import { fallbackFeature } from "./features/fallback.js";
import { groupFeature } from "./features/group.js";
import { languageFeature } from "./features/language.js";
import { orderConfirmFeature } from "./features/order-confirm.js";
import { orderFlowFeature } from "./features/order-flow.js";
import { ordersFeature } from "./features/orders.js";
import { stuckActionsFeature } from "./features/stuck-actions.js";
import { startFeature } from "./features/start.js";
import { supportFeature } from "./features/support.js";
import { loadI18n, type I18n } from "./i18n.js";
import { DEFAULT_FLOOD_LIMIT, floodLimit, type FloodLimit } from "./middleware/flood-limit.js";
import { inputHygiene } from "./middleware/input-hygiene.js";
import { loadUser } from "./middleware/load-user.js";
import { CatalogueCache } from "../catalogue/catalogue-cache.js";
import { beginUpdate } from "./runtime/begin-update.js";
import { chatLock } from "./runtime/chat-lock.js";
import { SessionConflictError, SessionStore, conversationStorage, sessionKey, sessionStorage } from "./storage.js";

/** Bump when a conversation's steps change: users in the middle of the old one are asked to start again. */
export const CONVERSATION_VERSION = 3;

export interface CreateBotOptions {
  /** Defaults to config.BOT_TOKEN. */
  token?: string;
  /** Skips getMe (tests, or a known bot). */
  botInfo?: UserFromGetMe;
  /** Defaults to config.TELEGRAM_API_ROOT. */
  apiRoot?: string;
  /** A fake Bot API for tests. */
  fetch?: typeof fetch;
  conversationVersion?: string | number;
  /** `false` disables the per-user flood limit. */
  floodLimit?: FloodLimit | false;
  i18n?: I18n;
  /** Several instances behind one webhook: a pool for the per-chat advisory locks (runtime/chat-lock.ts). */
  chatLocks?: pg.Pool;
}

export type PanelBot = Bot<BotContext> & { i18n: I18n };

export async function createBot(deps: Deps, options: CreateBotOptions = {}): Promise<PanelBot> {
  const token = options.token ?? deps.config.BOT_TOKEN;
  if (!token) throw new Error("BOT_TOKEN is not set");
  const i18n = options.i18n ?? (await loadI18n((key, locale) => deps.logger.warn({ key, locale }, "Missing translation")));
  const config: BotConfig<BotContext> = {
    botInfo: options.botInfo,
    client: {
      apiRoot: options.apiRoot ?? deps.config.TELEGRAM_API_ROOT,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    },
  };
  const bot = new Bot<BotContext>(token, config) as PanelBot;
  bot.i18n = i18n;
  // Telegram's 429 answers carry retry_after: wait that long and try again.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 120 }));

  // Updates of one chat run one after another (runner and webhook alike).
  bot.use(sequentialize<BotContext>((ctx) => (ctx.chat?.id ?? ctx.from?.id)?.toString()));
  // ... and across instances, when there can be several (a chat that stays busy throws: redelivered).
  if (options.chatLocks) bot.use(chatLock(options.chatLocks));
  bot.use(async (ctx, next) => {
    ctx.deps = deps;
    await next();
  });
  // Outside the error boundary: if the database cannot record the update, the error reaches the
  // transport (a webhook answers 500 and Telegram delivers the update again).
  const sessions = new SessionStore(deps.db);
  bot.use(beginUpdate(deps, sessions, new CatalogueCache(deps.db)));
  const main = new Composer<BotContext>();
  bot.errorBoundary((err) => {
    const ctx = err.ctx;
    if (err.error instanceof SessionConflictError) return deps.logger.warn({ key: err.error.key, updateId: ctx.update.update_id }, "Session write lost a race; refused");
    deps.logger.error({ err: err.error, updateId: ctx.update.update_id, chatId: ctx.chat?.id }, "Bot handler failed");
  }).use(main);
  bot.catch((err) => deps.logger.error({ err: err.error, updateId: err.ctx.update.update_id }, "Update could not be handled"));

  main.use(loadUser(deps, i18n));
  main.use(inputHygiene());
  if (options.floodLimit !== false) main.use(floodLimit(options.floodLimit ?? DEFAULT_FLOOD_LIMIT));

  main.use(adminFeature);
  main.use(broadcastFeature(deps, i18n, sessions, options.conversationVersion ?? CONVERSATION_VERSION));
  main.use(groupFeature);
  // Before the conversations: a payment must be credited even while a conversation is open.
  main.use(starsFeature);

  const privateChat = main.chatType("private");
  privateChat.use(session({ initial: () => ({ pending: {} }), storage: sessionStorage(sessions), getSessionKey: sessionKey }));
  privateChat.use(conversations<BaseContext, ConvContext>({ storage: conversationStorage(sessions, options.conversationVersion ?? CONVERSATION_VERSION) }));
  privateChat.use(escapeFeature);
  privateChat.use(conversationsComposer(deps, i18n));
  privateChat.use(orderFlowFeature);
  privateChat.use(broadcastPrivateFeature);
  privateChat.use(startFeature, languageFeature, catalogueFeature, orderConfirmFeature, ordersFeature, stuckActionsFeature, balanceFeature, supportFeature, apiKeyFeature);
  privateChat.use(fallbackFeature);
  return bot;
}
