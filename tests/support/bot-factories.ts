// Builders for bot tests: a fake Bot API behind `client.fetch` that records every call, and Telegram updates.
import type { Message, Update, UserFromGetMe } from "grammy/types";
import pino from "pino";
import type { Db } from "../../src/db/client.js";
import { createBot, type CreateBotOptions, type PanelBot } from "../../src/bot/create-bot.js";
import type { Deps } from "../../src/deps.js";
import { testDeps } from "./deps.js";
import { localBotInfo } from "../../src/bot/bot-info.js";
import { NOT_BOT_API, parseBotApiRequest } from "./bot-api-request.js";

export const TEST_TOKEN = "123456:TEST-token-for-the-fake-bot-api-000";
export const BOT_INFO: UserFromGetMe = localBotInfo(123456, "panel_test_bot");

export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
}

export interface FakeTelegram {
  fetch: typeof fetch;
  calls: ApiCall[];
  /** Calls of one method, optionally to one chat. */
  callsTo(method: string, chatId?: number | bigint): ApiCall[];
  /** Texts sent or edited into a chat (sendMessage + editMessageText), in order. */
  texts(chatId: number | bigint): string[];
  /** Queues an update for the next getUpdates (long polling). */
  pushUpdate(update: Update): void;
  /** The next call of `method` answers with this Telegram error. */
  failNext(method: string, errorCode: number, description: string, retryAfter?: number): void;
  clear(): void;
}

/** A Bot API that answers every call successfully (unless told otherwise) and remembers it. */
export function fakeTelegram(): FakeTelegram {
  const calls: ApiCall[] = [];
  const failures: { method: string; body: object }[] = [];
  const queued: Update[] = [];
  let messageId = 1000;
  const fake: typeof fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    const method = url.slice(url.lastIndexOf("/") + 1);
    const payload = init?.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : {};
    calls.push({ method, payload });
    const failure = failures.findIndex((f) => f.method === method);
    if (failure >= 0) {
      const [f] = failures.splice(failure, 1);
      return Response.json(f!.body);
    }
    if (method === "getUpdates") {
      const offset = Number(payload.offset ?? 0);
      const due = queued.filter((u) => u.update_id >= offset);
      if (due.length) return Response.json({ ok: true, result: due });
      // An idle long poll: nothing new, after a short wait (keeps a polling runner from spinning).
      await new Promise((r) => setTimeout(r, 20));
    }
    return Response.json({ ok: true, result: resultFor(method, payload, () => ++messageId) });
  };
  return {
    fetch: fake,
    calls,
    callsTo: (method, chatId) => calls.filter((c) => c.method === method && (chatId === undefined || String(c.payload.chat_id) === String(chatId))),
    texts: (chatId) =>
      calls
        .filter((c) => (c.method === "sendMessage" || c.method === "editMessageText") && String(c.payload.chat_id) === String(chatId))
        .map((c) => String(c.payload.text)),
    pushUpdate: (update) => void queued.push(update),
    failNext(method, errorCode, description, retryAfter) {
      failures.push({ method, body: { ok: false, error_code: errorCode, description, ...(retryAfter ? { parameters: { retry_after: retryAfter } } : {}) } });
    },
    clear: () => void calls.splice(0),
  };
}

function resultFor(method: string, p: Record<string, unknown>, nextId: () => number): unknown {
  switch (method) {
    case "getMe":
      return BOT_INFO;
    case "getUpdates":
      return [];
    case "sendMessage":
    case "editMessageText": {
      const chatId = Number(p.chat_id ?? 0);
      const message: Message.TextMessage = {
        message_id: method === "sendMessage" ? nextId() : Number(p.message_id ?? nextId()),
        date: Math.floor(Date.now() / 1000),
        chat: chatId < 0 ? { id: chatId, type: "supergroup", title: "group" } : { id: chatId, type: "private", first_name: "user" },
        from: BOT_INFO,
        text: String(p.text ?? ""),
      };
      return message;
    }
    default:
      return true;
  }
}

export interface TestBot {
  bot: PanelBot;
  deps: Deps;
  telegram: FakeTelegram;
  /** Error-level log lines (a handler that failed logs here: tests expect none). */
  errors: Record<string, unknown>[];
}

/** The real bot on the test database with a fake Bot API; env as configuration strings (ADMIN_IDS, ADMIN_CHAT_ID, …). */
export async function buildTestBot(db: Db, env: Record<string, string> = {}, options: CreateBotOptions = {}, telegram = fakeTelegram()): Promise<TestBot> {
  const errors: Record<string, unknown>[] = [];
  const logger = pino({ level: "error" }, { write: (line: string) => void errors.push(JSON.parse(line) as Record<string, unknown>) });
  const deps = { ...testDeps(db, env), logger };
  const bot = await createBot(deps, { token: TEST_TOKEN, botInfo: BOT_INFO, fetch: telegram.fetch, floodLimit: false, ...options });
  return { bot, deps, telegram, errors };
}

// Update ids are unique across processes and runs: processed ids are kept in the shared database.
let updateId = Date.now() * 1000 + (process.pid % 1000);
export function nextUpdateId(): number {
  updateId += 1000;
  return updateId;
}

let groupMessageSeq = 1;

export interface TgUser {
  id: number;
  first_name: string;
  username?: string;
}

export function tgUser(user: { telegramId: bigint | null; firstName?: string | null; username?: string | null }): TgUser {
  return { id: Number(user.telegramId), first_name: user.firstName ?? "Test", ...(user.username ? { username: user.username } : {}) };
}

/** A private-chat text message from `from` (commands get their entity). */
export function textUpdate(from: TgUser, text: string, chat?: { id: number; type: "group" | "supergroup"; title?: string }, extra: Partial<Message> = {}): Update {
  const messageId = extra.message_id ?? groupMessageSeq++;
  const command = text.match(/^\/\w+/);
  return {
    update_id: nextUpdateId(),
    message: {
      message_id: messageId,
      date: Math.floor(Date.now() / 1000),
      chat: chat ? { id: chat.id, type: chat.type, title: chat.title ?? "Resellers" } : { id: from.id, type: "private", first_name: from.first_name },
      from: { is_bot: false, ...from },
      text,
      ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : {}),
      ...extra,
    } as Message & Update.NonChannel,
  };
}

/** A button press on a message the bot sent in `chatId` (the user's private chat by default). */
export function callbackUpdate(from: TgUser, data: string, chatId: number = from.id, messageText = "…", messageId = 1): Update {
  return {
    update_id: nextUpdateId(),
    callback_query: {
      id: String(nextUpdateId()),
      from: { is_bot: false, ...from },
      chat_instance: String(chatId),
      data,
      message: {
        message_id: messageId,
        date: Math.floor(Date.now() / 1000),
        chat: chatId < 0 ? { id: chatId, type: "supergroup", title: "Admins" } : { id: chatId, type: "private", first_name: from.first_name },
        from: BOT_INFO,
        text: messageText,
      },
    },
  };
}

/** The callback data of the last inline keyboard sent (or edited) into a chat, by button text match. */
export function buttonData(telegram: FakeTelegram, chatId: number, match: RegExp): string {
  const withKeyboards = telegram.calls.filter(
    (c) => String(c.payload.chat_id) === String(chatId) && (c.payload.reply_markup as { inline_keyboard?: unknown })?.inline_keyboard,
  );
  for (const call of withKeyboards.reverse()) {
    const rows = (call.payload.reply_markup as { inline_keyboard: { text: string; callback_data?: string }[][] }).inline_keyboard;
    for (const button of rows.flat()) if (button.callback_data && (match.test(button.callback_data) || match.test(button.text))) return button.callback_data;
  }
  throw new Error(`No button matching ${match} in chat ${chatId}`);
}

/** A fresh negative chat id for a test group or admin chat. */
let chatSeq = Date.now() * 1000 + (process.pid % 1000);
export function testChatId(): number {
  chatSeq += 1000;
  return -chatSeq;
}

export interface FakeBotApiServer {
  /** For TELEGRAM_API_ROOT / createBot's apiRoot, e.g. http://127.0.0.1:40123 */
  apiRoot: string;
  telegram: FakeTelegram;
  close(): Promise<void>;
}

/** The same fake Bot API over HTTP, for runs that go through the real network client (npm start, apiRoot). */
export async function startFakeBotApiServer(telegram = fakeTelegram()): Promise<FakeBotApiServer> {
  const { createServer } = await import("node:http");
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const body = Buffer.concat(chunks).toString("utf8");
      if (!parseBotApiRequest(req, body)) {
        res.writeHead(404, { "content-type": "application/json" });
        return res.end(NOT_BOT_API);
      }
      const answer = await telegram.fetch(`http://fake${req.url ?? "/"}`, { method: "POST", body: body || undefined });
      res.writeHead(answer.status, { "content-type": "application/json" });
      res.end(await answer.text());
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const address = server.address() as { port: number };
  return {
    apiRoot: `http://127.0.0.1:${address.port}`,
    telegram,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
