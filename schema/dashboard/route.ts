import type { ServerResponse } from "node:http";
import { consumeLoginToken } from "../../src/auth/login-link.js";
import { sessionAdmin } from "../../src/auth/session-admin.js";
import { clearedSessionCookie, openSession, revokeAllSessions, revokeSession } from "../../src/auth/session.js";
import type { Deps } from "../../src/deps.js";
import { BODY_LIMITS, createRequestLimiter, limitedRoute } from "../../src/http/limits.js";
import { isSameOrigin } from "../../src/http/same-origin.js";
import type { Route } from "../../src/http/server.js";
import { PAGE_SECURITY_HEADERS, staticFolder } from "../../src/http/static-assets.js";

/** The page itself; its scripts and styles are served by adminAssetsRoute (/admin/assets/…). */
const PAGES = new Set(["/admin", "/admin/"]);

const staticFile = staticFolder(new URL("./static/", import.meta.url));

const pageHtml = (text: string) => `<!doctype html><meta charset="utf-8"><title>panelbot</title><p>${text}</p>`;

function page(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...PAGE_SECURITY_HEADERS, "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  res.end(pageHtml(text));
}

/**
 * The dashboard's static files, the login-link endpoint (/admin/login?token=…) and logout
 * (same-origin POST /admin/logout; ?everywhere=1 ends every session of that admin). Every request counts against a per-caller budget (a page load is one request here; its assets are public, at /admin/assets).
 */
export function adminRoute(deps: Deps, options: { perMinute?: number } = {}): Route {
  const limiter = createRequestLimiter(options.perMinute ?? 60);
  return limitedRoute({ path: "/admin", maxBodyBytes: BODY_LIMITS.admin, limiter, refusal: (_status, message) => ({ contentType: "text/html; charset=utf-8", body: pageHtml(message) }) }, async (req, res) => {
    const url = new URL(req.url ?? "/", "http://local");
    if (url.pathname === "/admin/login" && req.method === "GET") {
      const userId = await consumeLoginToken(deps, url.searchParams.get("token") ?? "");
      if (userId === null) return page(res, 403, "This login link is invalid, expired or already used. Ask the bot for a new one with /dashboard.");
      res.writeHead(303, { ...PAGE_SECURITY_HEADERS, location: "/admin/", "set-cookie": await openSession(deps, userId), "cache-control": "no-store" });
      return void res.end();
    }
    if (url.pathname === "/admin/logout" && req.method === "POST") {
      // A cross-site page must not be able to end (or, everywhere, end all of) an admin's sessions.
      if (!isSameOrigin(req)) return page(res, 403, "Log out from the dashboard itself.");
      const admin = await sessionAdmin(deps, req.headers.cookie);
      if (admin && url.searchParams.get("everywhere") === "1") await revokeAllSessions(deps.db, admin.id, deps.now());
      else if (admin) await revokeSession(deps.db, admin.sessionId, deps.now());
      res.writeHead(303, { ...PAGE_SECURITY_HEADERS, location: "/admin/", "set-cookie": clearedSessionCookie(), "cache-control": "no-store" });
      return void res.end();
    }
    if (!PAGES.has(url.pathname) || (req.method !== "GET" && req.method !== "HEAD")) return page(res, 404, "Not found");
    res.writeHead(200, { ...PAGE_SECURITY_HEADERS, "content-type": "text/html; charset=utf-8", "cache-control": "no-cache" });
    res.end(req.method === "HEAD" ? undefined : staticFile("index.html"));
  });
}
