import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Logger } from "../logger.js";

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export interface Route {
  /** Matches when the path equals `path` or starts with `path/` (for mounted apps). */
  path: string;
  /** Only the path itself, never `path/…`. */
  exact?: boolean;
  handler: RouteHandler;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(text);
}

/** One HTTP server for every web entry point (health, GraphQL, dashboard, webhook). */
export function createHttpServer(routes: Route[], logger: Logger): Server {
  return createServer(async (req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    const route = routes.find((r) => path === r.path || (!r.exact && path.startsWith(`${r.path}/`)));
    if (!route) return sendJson(res, 404, { error: "Not found" });
    try {
      await route.handler(req, res);
    } catch (error) {
      logger.error({ err: error, path }, "HTTP handler failed");
      if (!res.headersSent) sendJson(res, 500, { error: "Unexpected error" });
      else res.end();
    }
  });
}
