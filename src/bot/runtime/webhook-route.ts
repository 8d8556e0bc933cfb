import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Update } from "grammy/types";
import type { Deps } from "../../deps.js";
import { sendJson, type Route } from "../../http/server.js";
import type { PanelBot } from "../create-bot.js";

const SECRET_HEADER = "x-telegram-bot-api-secret-token";
const MAX_BODY = 1024 * 1024;

export function webhookPath(webhookUrl: string): string {
  return new URL(webhookUrl).pathname.replace(/\/+$/, "") || "/telegram";
}

/**
 * POST <path of WEBHOOK_URL>: Telegram's updates. A request without the right secret header is
 * answered 401 before its body is read, and nothing is handled.
 */
export function webhookRoute(deps: Deps, bot: PanelBot): Route {
  const { WEBHOOK_URL, WEBHOOK_SECRET } = deps.config;
  if (!WEBHOOK_URL || !WEBHOOK_SECRET) throw new Error("webhookRoute needs WEBHOOK_URL and WEBHOOK_SECRET");
  const expected = digest(WEBHOOK_SECRET);
  return {
    path: webhookPath(WEBHOOK_URL),
    async handler(req, res) {
      if (req.method !== "POST") return sendJson(res, 405, { error: "Method not allowed" });
      const header = req.headers[SECRET_HEADER];
      if (typeof header !== "string" || !timingSafeEqual(digest(header), expected)) {
        req.resume();
        return sendJson(res, 401, { error: "Unauthorized" });
      }
      let update: Update;
      try {
        update = JSON.parse(await readBody(req)) as Update;
        if (!Number.isSafeInteger(update.update_id)) throw new Error("no update_id");
      } catch {
        return sendJson(res, 400, { error: "Bad update" });
      }
      // Not started yet: Telegram keeps the update and tries again.
      if (!bot.isInited()) return sendJson(res, 503, { error: "Starting" });
      try {
        await bot.handleUpdate(update);
      } catch (err) {
        // Only failures before the update was recorded get here (handler errors are caught
        // inside the bot): a redelivery is then handled normally.
        deps.logger.error({ err, updateId: update.update_id }, "Webhook update failed");
        return sendJson(res, 500, { error: "Try again" });
      }
      sendJson(res, 200, { ok: true });
    },
  };
}

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error("body too large"));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
