// A fake Bot API over HTTP on 127.0.0.1 for broadcast tests: records every call with its own
// arrival timestamp, answers 403 (blocked) for a fixed set of chats and 429 (retry_after) on a share
// of the other sendMessage calls.
import { createServer, type Server } from "node:http";
import { NOT_BOT_API, parseBotApiRequest } from "../support/bot-api-request.js";

export interface SendCall {
  chatId: string;
  at: number;
  status: "ok" | "429" | "403";
  text: string;
}

export interface FakeSendApi {
  apiRoot: string;
  /** sendMessage calls in arrival order. */
  sends: SendCall[];
  /** Texts of sendMessage / editMessageText into one chat (progress in the admin chat). */
  texts(chatId: string | number | bigint): string[];
  close(): Promise<void>;
}

export interface FakeSendApiOptions {
  blocked: Set<string>;
  /** Share of sendMessage calls to other chats answered 429. */
  rate429: number;
  retryAfter: number;
}

export async function startFakeSendApi(options: FakeSendApiOptions): Promise<FakeSendApi> {
  const sends: SendCall[] = [];
  const others: { method: string; chatId: string; text: string }[] = [];
  let messageId = 1;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const at = Date.now();
      const request = parseBotApiRequest(req, Buffer.concat(chunks).toString("utf8"));
      if (!request) {
        res.writeHead(404, { "content-type": "application/json" });
        return res.end(NOT_BOT_API);
      }
      const method = request.method;
      const p = request.payload as { chat_id?: number | string; text?: string; message_id?: number };
      const chatId = String(p.chat_id ?? "");
      const text = String(p.text ?? "");
      const answer = (body: object) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      const message = (id: number) => ({ ok: true, result: { message_id: id, date: Math.floor(at / 1000), chat: { id: Number(chatId), type: Number(chatId) < 0 ? "supergroup" : "private" }, text } });
      if (method === "sendMessage" && !chatId.startsWith("-")) {
        if (options.blocked.has(chatId)) {
          sends.push({ chatId, at, status: "403", text });
          return answer({ ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" });
        }
        if (Math.random() < options.rate429) {
          sends.push({ chatId, at, status: "429", text });
          return answer({ ok: false, error_code: 429, description: `Too Many Requests: retry after ${options.retryAfter}`, parameters: { retry_after: options.retryAfter } });
        }
        sends.push({ chatId, at, status: "ok", text });
        return answer(message(++messageId));
      }
      others.push({ method, chatId, text });
      if (method === "sendMessage") return answer(message(++messageId));
      if (method === "editMessageText") return answer(message(p.message_id ?? ++messageId));
      return answer({ ok: true, result: true });
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  return {
    apiRoot: `http://127.0.0.1:${port}`,
    sends,
    texts: (chatId) => others.filter((o) => o.chatId === String(chatId) && (o.method === "sendMessage" || o.method === "editMessageText")).map((o) => o.text),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** The most calls that arrived within any one second (sliding window over the arrival times). */
export function maxPerSecond(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let from = 0;
  for (let to = 0; to < sorted.length; to++) {
    while (sorted[to]! - sorted[from]! >= 1000) from++;
    best = Math.max(best, to - from + 1);
  }
  return best;
}
