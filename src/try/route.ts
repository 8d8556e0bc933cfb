// /try: the chat page (admins only, the dashboard's session) and its small JSON API.
import type { IncomingMessage, ServerResponse } from "node:http";
import { sessionAdmin } from "../auth/session-admin.js";
import type { Deps } from "../deps.js";
import { BODY_LIMITS, createRequestLimiter, limitedRoute } from "../http/limits.js";
import { isSameOrigin } from "../http/same-origin.js";
import { sendJson, type Route } from "../http/server.js";
import { escapeHtml } from "./html.js";
import { TryInputError, type TrySimulator } from "./simulator.js";
import { PAGE_SECURITY_HEADERS, staticFolder } from "../http/static-assets.js";

const STATIC: Record<string, { file: string; type: string }> = {
  "/try/app.js": { file: "app.js", type: "text/javascript; charset=utf-8" },
  "/try/app.css": { file: "app.css", type: "text/css; charset=utf-8" },
};

const staticFile = staticFolder(new URL("./static/", import.meta.url));

function loginHint(deps: Deps, res: ServerResponse): void {
  const file = escapeHtml(`${deps.config.DATA_DIR.replace(/\/$/, "")}/admin-login-link.txt`);
  res.writeHead(401, { ...PAGE_SECURITY_HEADERS, "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  res.end(`<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>panelbot · try it</title><link rel="stylesheet" href="/try/app.css">
<body class="hint"><main id="login"><h1>panelbot · try the bot</h1>
<p>This page is for admins. Sign in first, with the same one-time link as the dashboard:</p>
<ul>
<li>On the embedded default (no Telegram), <code>npm start</code> writes the link to <code>${file}</code> (valid 10 minutes; restart for a new one).</li>
<li>With Telegram, send <code>/dashboard</code> to the bot in the admin chat.</li>
</ul>
<p>Open the link, then come back to <a href="/try">/try</a>.</p></main></body></html>`);
}

/** Cookie sessions need CSRF protection: only JSON POSTs (a cross-site form cannot send one without a preflight), and none from another origin. */
function csrfRefused(req: IncomingMessage): boolean {
  const type = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json") return true;
  return req.headers.origin !== undefined && !isSameOrigin(req);
}

async function readJson(read: () => Promise<Buffer>): Promise<Record<string, unknown>> {
  const body = JSON.parse((await read()).toString("utf8") || "{}") as unknown;
  if (!body || typeof body !== "object") throw new TryInputError("Expected a JSON object");
  return body as Record<string, unknown>;
}

const LONG_POLL_MS = 20_000;

/** Every request (long polls included) counts against a per-caller budget before anything else. */
export function tryRoute(deps: Deps, sim: TrySimulator, options: { perMinute?: number } = {}): Route {
  const limiter = createRequestLimiter(options.perMinute ?? 600);
  return limitedRoute({ path: "/try", maxBodyBytes: BODY_LIMITS.tryApi, limiter }, async (req, res, read) => {
    const url = new URL(req.url ?? "/", "http://local");
    const path = url.pathname;
    const asset = STATIC[path];
    if (asset && (req.method === "GET" || req.method === "HEAD")) {
      res.writeHead(200, { ...PAGE_SECURITY_HEADERS, "content-type": asset.type, "cache-control": "no-cache" });
      return void res.end(req.method === "HEAD" ? undefined : staticFile(asset.file));
    }
    const admin = await sessionAdmin(deps, req.headers.cookie);
    if (path === "/try" || path === "/try/") {
      if (req.method !== "GET" && req.method !== "HEAD") return sendJson(res, 405, { error: "Method not allowed" });
      if (admin === null) return loginHint(deps, res);
      res.writeHead(200, { ...PAGE_SECURITY_HEADERS, "content-type": "text/html; charset=utf-8", "cache-control": "no-cache" });
      return void res.end(req.method === "HEAD" ? undefined : staticFile("index.html"));
    }
    if (!path.startsWith("/try/api/")) return sendJson(res, 404, { error: "Not found" });
    if (admin === null) return sendJson(res, 401, { error: "Sign in first: open the one-time login link (see /try)" });
    res.setHeader("x-content-type-options", "nosniff");

    if (path === "/try/api/chats" && req.method === "GET") {
      return sendJson(res, 200, { chats: sim.chats, currency: deps.config.SHOP_CURRENCY });
    }
    if (path === "/try/api/updates" && req.method === "GET") {
      const since = Number(url.searchParams.get("since") ?? "0");
      if (!Number.isSafeInteger(since) || since < 0) return sendJson(res, 400, { error: "since must be a number" });
      // A rev from before a restart: start over.
      const from = since > sim.store.currentRev ? 0 : since;
      if (url.searchParams.get("wait") === "1" && sim.store.currentRev <= from) {
        const closed = new Promise<void>((r) => req.once("close", () => r()));
        await Promise.race([sim.store.waitForChange(LONG_POLL_MS), closed]);
      }
      return sendJson(res, 200, { reset: from !== since, ...sim.store.changesSince(from) });
    }
    if ((path === "/try/api/send" || path === "/try/api/press") && req.method === "POST") {
      if (csrfRefused(req)) return sendJson(res, 403, { error: "Same-origin JSON requests only" });
      try {
        const body = await readJson(read);
        const chatId = Number(body.chatId);
        const fromId = Number(body.fromId);
        if (path === "/try/api/send") await sim.sendText(chatId, fromId, String(body.text ?? ""));
        else await sim.press(chatId, fromId, Number(body.messageId), String(body.data ?? ""));
        return sendJson(res, 200, { ok: true, rev: sim.store.currentRev });
      } catch (error) {
        if (error instanceof TryInputError || error instanceof SyntaxError) return sendJson(res, 400, { error: error.message });
        throw error;
      }
    }
    return sendJson(res, 404, { error: "Not found" });
  });
}
