import { createHash, timingSafeEqual } from "node:crypto";
import type { Update } from "grammy/types";
import type { Deps } from "../../deps.js";
import { BODY_LIMITS, BodyTooLargeError, limitedRoute } from "../../http/limits.js";
import { sendJson, type Route } from "../../http/server.js";
import type { PanelBot } from "../create-bot.js";

const SECRET_HEADER = "x-telegram-bot-api-secret-token";

export function webhookPath(webhookUrl: string): string {
  return new URL(webhookUrl).pathname.replace(/\/+$/, "") || "/telegram";
}

/**
 * POST <path of WEBHOOK_URL>: Telegram's updates. A request without the right secret header is
 * answered 401 before its body is read, and nothing is handled. Only the exact path (no sub-paths);
 * bodies over 1 MiB are answered 413.
 */
export function webhookRoute(deps: Deps, bot: PanelBot): Route {
  const { WEBHOOK_URL, WEBHOOK_SECRET } = deps.config;
  if (!WEBHOOK_URL || !WEBHOOK_SECRET) throw new Error("webhookRoute needs WEBHOOK_URL and WEBHOOK_SECRET");
  const expected = digest(WEBHOOK_SECRET);
  return limitedRoute({ path: webhookPath(WEBHOOK_URL), exact: true, maxBodyBytes: BODY_LIMITS.webhook }, async (req, res, body) => {
    if (req.method !== "POST") return sendJson(res, 405, { error: "Method not allowed" });
    const header = req.headers[SECRET_HEADER];
    if (typeof header !== "string" || !timingSafeEqual(digest(header), expected)) {
      req.resume();
      return sendJson(res, 401, { error: "Unauthorized" });
    }
    let update: Update;
    try {
      update = JSON.parse((await body()).toString("utf8")) as Update;
      if (!Number.isSafeInteger(update.update_id)) throw new Error("no update_id");
    } catch (error) {
      if (error instanceof BodyTooLargeError) throw error;
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
  });
}

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}
