// A Bot API that never leaves the process: the bot's calls to simulated chats are recorded in the
// ChatStore and answered as Telegram would (message objects with ids, chats, dates). Used as the
// `fetch` of the try page's bot, and as the target of calls diverted from the real bot's api.
import type { Transformer } from "grammy";
import type { Chat, Message, UserFromGetMe } from "grammy/types";
import { messageHtml } from "./html.js";
import { isSimulatedId, PERSONAS, SIMULATED_GROUP } from "./ids.js";
import type { ChatStore, InlineButton, ReplyKeyboardState } from "./store.js";
import { localBotInfo } from "../bot/bot-info.js";

export const TRY_BOT_TOKEN = "4503000000:panelbot-try-page-capture-only-token";

export const TRY_BOT_INFO: UserFromGetMe = localBotInfo(4_503_000_000, "panelbot_try_bot");

export type ApiAnswer = { ok: true; result: unknown } | { ok: false; error_code: number; description: string };

type Payload = Record<string, unknown>;

export function chatOf(chatId: number): Chat {
  if (chatId === SIMULATED_GROUP.id) return { id: chatId, type: "supergroup", title: SIMULATED_GROUP.title };
  const persona = PERSONAS.find((p) => p.id === chatId);
  return { id: chatId, type: "private", first_name: persona?.firstName ?? "User", ...(persona ? { username: persona.username } : {}) };
}

function inlineKeyboard(markup: unknown): InlineButton[][] | undefined {
  const rows = (markup as { inline_keyboard?: InlineButton[][] } | undefined)?.inline_keyboard;
  if (!Array.isArray(rows)) return undefined;
  return rows.map((row) => row.map((b) => ({ text: String(b.text), ...(b.callback_data ? { callback_data: String(b.callback_data) } : {}), ...(b.url ? { url: String(b.url) } : {}) })));
}

function replyKeyboard(markup: unknown): ReplyKeyboardState | null | undefined {
  const m = markup as { keyboard?: ({ text: string } | string)[][]; remove_keyboard?: boolean; one_time_keyboard?: boolean; input_field_placeholder?: string } | undefined;
  if (m?.remove_keyboard) return null;
  if (!Array.isArray(m?.keyboard)) return undefined;
  return {
    rows: m.keyboard.map((row) => row.map((b) => (typeof b === "string" ? b : String(b.text)))),
    oneTime: Boolean(m.one_time_keyboard),
    ...(m.input_field_placeholder ? { placeholder: m.input_field_placeholder } : {}),
  };
}

export interface CaptureApi {
  /** Answers one Bot API call as Telegram would. */
  call(method: string, payload: Payload): ApiAnswer;
  /** For createBot's `fetch` option. */
  fetch: typeof fetch;
  /** An API transformer for the real bot: calls whose chat_id is simulated are answered here, never sent. */
  divert: Transformer;
  /** Remembers which simulated chat a callback query id came from (answerCallbackQuery carries no chat id). */
  expectCallback(queryId: string, chatId: number): void;
}

/**
 * Calls to chats that are not simulated (only the capture-only bot makes them, e.g. a notification
 * for a real admin or customer) fail without being sent: the notification stays in the outbox for the
 * real bot's notifier (or waits for Telegram to be configured) instead of being dropped.
 */
export function createCaptureApi(store: ChatStore): CaptureApi {
  const message = (chatId: number, messageId: number, text: string, extra: Partial<Message> = {}): Message =>
    ({ message_id: messageId, date: Math.floor(Date.now() / 1000), chat: chatOf(chatId), from: TRY_BOT_INFO, text, ...extra }) as Message;

  const call = (method: string, p: Payload): ApiAnswer => {
    const chatId = p.chat_id === undefined ? undefined : Number(p.chat_id);
    if (chatId !== undefined && !isSimulatedId(chatId)) {
      // Not 5xx/429 (the bot's auto-retry would hold the update for minutes) and not "chat not found"
      // (a customer's notification would be dropped as undeliverable): a plain failure, retried later.
      return { ok: false, error_code: 400, description: "Bad Request: not a simulated chat (the try page's bot never talks to Telegram)" };
    }
    switch (method) {
      case "getMe":
        return { ok: true, result: TRY_BOT_INFO };
      case "sendMessage": {
        const text = String(p.text ?? "");
        if (!text.trim()) return { ok: false, error_code: 400, description: "Bad Request: message text is empty" };
        const replyTo = (p.reply_parameters as { message_id?: number } | undefined)?.message_id ?? (p.reply_to_message_id as number | undefined);
        const keyboard = replyKeyboard(p.reply_markup);
        const inline = inlineKeyboard(p.reply_markup);
        const stored = store.add({
          chatId: chatId!,
          from: "bot",
          sender: TRY_BOT_INFO.first_name,
          html: messageHtml(text, p.parse_mode),
          text,
          ...(replyTo && store.find(chatId!, replyTo) ? { replyTo } : {}),
          ...(inline ? { inlineKeyboard: inline } : {}),
        });
        if (keyboard !== undefined) store.setKeyboard(chatId!, keyboard);
        return { ok: true, result: message(chatId!, stored.messageId, text, inline ? { reply_markup: { inline_keyboard: inline } } as Partial<Message> : {}) };
      }
      case "editMessageText":
      case "editMessageReplyMarkup": {
        if (chatId === undefined) return { ok: false, error_code: 400, description: "Bad Request: chat_id is empty" };
        const messageId = Number(p.message_id);
        const existing = store.find(chatId, messageId);
        if (!existing || existing.deleted) return { ok: false, error_code: 400, description: "Bad Request: message to edit not found" };
        const inline = inlineKeyboard(p.reply_markup);
        const html = method === "editMessageText" ? messageHtml(String(p.text ?? ""), p.parse_mode) : existing.html;
        if (html === existing.html && JSON.stringify(inline) === JSON.stringify(existing.inlineKeyboard)) {
          return { ok: false, error_code: 400, description: "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message" };
        }
        store.update(chatId, messageId, { html, text: method === "editMessageText" ? String(p.text ?? "") : existing.text, inlineKeyboard: inline, edited: true });
        return { ok: true, result: message(chatId, messageId, String(p.text ?? ""), { edit_date: Math.floor(Date.now() / 1000) } as Partial<Message>) };
      }
      case "deleteMessage": {
        const updated = chatId === undefined ? undefined : store.update(chatId, Number(p.message_id), { deleted: true });
        return updated ? { ok: true, result: true } : { ok: false, error_code: 400, description: "Bad Request: message to delete not found" };
      }
      case "deleteMessages": {
        for (const id of (p.message_ids as number[] | undefined) ?? []) store.update(chatId!, Number(id), { deleted: true });
        return { ok: true, result: true };
      }
      case "answerCallbackQuery": {
        // The callback's chat is known to the simulator (it made the query id); see TrySimulator.
        return { ok: true, result: true };
      }
      default:
        // setMyCommands, sendChatAction, getChat… : accepted and ignored.
        return { ok: true, result: true };
    }
  };

  const fetchImpl: typeof fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    const method = url.slice(url.lastIndexOf("/") + 1);
    const body = init?.body;
    const payload = typeof body === "string" && body ? (JSON.parse(body) as Payload) : {};
    callbackNotices(method, payload);
    return Response.json(call(method, payload));
  };

  // answerCallbackQuery has no chat_id: the simulator registers which chat each query id came from.
  const queryChats = new Map<string, number>();
  function callbackNotices(method: string, payload: Payload): void {
    if (method !== "answerCallbackQuery") return;
    const id = String(payload.callback_query_id ?? "");
    const chatId = queryChats.get(id);
    queryChats.delete(id);
    if (chatId !== undefined && typeof payload.text === "string" && payload.text) store.notice(chatId, payload.text, Boolean(payload.show_alert));
  }

  const divert: Transformer = async (prev, method, payload, signal) => {
    const p = payload as unknown as Payload;
    if (p && isSimulatedId(p.chat_id as number | undefined)) {
      return call(method, p) as Awaited<ReturnType<typeof prev>>;
    }
    return prev(method, payload, signal);
  };

  return {
    call,
    fetch: fetchImpl,
    divert,
    expectCallback(queryId, chatId) {
      queryChats.set(queryId, chatId);
      if (queryChats.size > 1000) queryChats.delete(queryChats.keys().next().value!);
    },
  };
}
