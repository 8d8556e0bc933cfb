// The try page's engine: simulated customers and a simulated reseller group talk to the REAL bot
// (createBot: same middleware, conversations, sessions in PostgreSQL). Their inputs become Telegram
// updates for bot.handleUpdate; the bot's answers go to a capture Bot API and into the ChatStore.
// No bot feature is implemented here.
import type { Message, Update } from "grammy/types";
import { createBot, type PanelBot } from "../bot/create-bot.js";
import type { Deps } from "../deps.js";
import { registerGroup } from "../groups/register-group.js";
import { DomainError } from "../shared/errors.js";
import { createCaptureApi, chatOf, TRY_BOT_INFO, TRY_BOT_TOKEN, type CaptureApi } from "./capture-api.js";
import { escapeHtml } from "./html.js";
import { PERSONAS, SIMULATED_GROUP, type Persona } from "./ids.js";
import { ChatStore } from "./store.js";

export interface TryChat {
  chatId: number;
  kind: "private" | "group";
  title: string;
  /** Who may speak in it (the persona for a private chat; every persona in the group). */
  members: { id: number; name: string }[];
  registered?: boolean;
}

export interface TrySimulator {
  store: ChatStore;
  capture: CaptureApi;
  /** The capture-only bot the page drives (never talks to Telegram). */
  bot: PanelBot;
  chats: TryChat[];
  sendText(chatId: number, fromId: number, text: string): Promise<void>;
  press(chatId: number, fromId: number, messageId: number, data: string): Promise<void>;
  /** Ends the page's open long polls (call before the HTTP server closes). */
  close(): void;
}

export class TryInputError extends Error {
  override name = "TryInputError";
}

/** Update ids must stay unique across restarts (processed ids are kept 48 h): start from the clock. */
function updateIds(): () => number {
  let next = Date.now() * 1000;
  return () => ++next;
}

/** Message ids: one counter for every simulated chat, above any `.N` message id already recorded (quick orders are unique per chat + message). */
async function messageIds(deps: Deps): Promise<(chatId: number) => number> {
  const recorded = await deps.db.order.aggregate({ where: { groupChatId: BigInt(SIMULATED_GROUP.id) }, _max: { groupMessageId: true } });
  let next = recorded._max.groupMessageId ?? 0;
  return () => ++next;
}

/** The simulated group is registered like an admin's /registergroup would (once; kept across restarts). */
async function ensureGroupRegistered(deps: Deps): Promise<boolean> {
  const existing = await deps.db.group.findUnique({ where: { chatId: BigInt(SIMULATED_GROUP.id) } });
  if (existing) return existing.active;
  try {
    await registerGroup(deps, { chatId: BigInt(SIMULATED_GROUP.id), title: SIMULATED_GROUP.title, rate: "0.85", creditLimit: "5000", actor: { label: "system:try-page", isAdmin: true } });
    deps.logger.info({ chatId: SIMULATED_GROUP.id }, "Try page: registered the simulated reseller group");
    return true;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    deps.logger.warn({ err: error }, "Try page: the simulated group could not be registered; its .N quick orders will be ignored");
    return false;
  }
}

export async function startTrySimulator(deps: Deps): Promise<TrySimulator> {
  const nextUpdateId = updateIds();
  const store = new ChatStore(await messageIds(deps));
  const capture = createCaptureApi(store);
  const bot = await createBot(deps, { token: TRY_BOT_TOKEN, botInfo: TRY_BOT_INFO, fetch: capture.fetch, apiRoot: "http://try-page.invalid" });
  const registered = await ensureGroupRegistered(deps);

  const members = PERSONAS.map((p) => ({ id: p.id, name: p.firstName }));
  const chats: TryChat[] = [
    ...PERSONAS.map((p): TryChat => ({ chatId: p.id, kind: "private", title: p.firstName, members: [{ id: p.id, name: p.firstName }] })),
    { chatId: SIMULATED_GROUP.id, kind: "group", title: SIMULATED_GROUP.title, members, registered },
  ];

  const speaker = (chatId: number, fromId: number): Persona => {
    const chat = chats.find((c) => c.chatId === chatId);
    if (!chat) throw new TryInputError("Unknown simulated chat");
    const persona = PERSONAS.find((p) => p.id === fromId && chat.members.some((m) => m.id === p.id));
    if (!persona) throw new TryInputError("That user is not in this chat");
    return persona;
  };
  const fromOf = (p: Persona) => ({ id: p.id, is_bot: false as const, first_name: p.firstName, username: p.username });

  return {
    store,
    capture,
    bot,
    chats,
    async sendText(chatId, fromId, rawText) {
      const persona = speaker(chatId, fromId);
      const text = rawText.slice(0, 4096);
      if (!text.trim()) throw new TryInputError("Empty message");
      const stored = store.add({ chatId, from: "user", sender: persona.firstName, html: escapeHtml(text), text });
      if (store.chat(chatId).keyboard?.oneTime) store.setKeyboard(chatId, null);
      const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
      const message = {
        message_id: stored.messageId,
        date: stored.date,
        chat: chatOf(chatId),
        from: fromOf(persona),
        text,
        ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : {}),
      } as Message & Update.NonChannel;
      await bot.handleUpdate({ update_id: nextUpdateId(), message });
    },
    close: () => store.close(),
    async press(chatId, fromId, messageId, data) {
      const persona = speaker(chatId, fromId);
      const message = store.find(chatId, messageId);
      if (!message || message.deleted || message.from !== "bot") throw new TryInputError("That message is gone");
      if (!message.inlineKeyboard?.flat().some((b) => b.callback_data === data)) throw new TryInputError("No such button on that message");
      const queryId = String(nextUpdateId());
      capture.expectCallback(queryId, chatId);
      await bot.handleUpdate({
        update_id: nextUpdateId(),
        callback_query: {
          id: queryId,
          from: fromOf(persona),
          chat_instance: `try${chatId}`,
          data,
          message: { message_id: messageId, date: message.date, chat: chatOf(chatId), from: TRY_BOT_INFO, text: message.text } as Message,
        },
      });
    },
  };
}


