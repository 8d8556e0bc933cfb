import type { Db } from "../db/client.js";
import { sendJson, type Route } from "./server.js";

/** GET /healthz: 200 when the database answers, 503 otherwise. */
export function healthRoute(db: Db, info: { embedded: boolean; telegram: boolean }): Route {
  return {
    path: "/healthz",
    async handler(_req, res) {
      const started = Date.now();
      try {
        await db.$queryRaw`SELECT 1`;
        sendJson(res, 200, { status: "ok", database: { status: "up", embedded: info.embedded, latencyMs: Date.now() - started }, telegram: info.telegram ? "enabled" : "disabled" });
      } catch {
        sendJson(res, 503, { status: "error", database: { status: "down", embedded: info.embedded }, telegram: info.telegram ? "enabled" : "disabled" });
      }
    },
  };
}
