import type { Deps } from "../deps.js";
import type { Route } from "../http/server.js";
import { docsPage } from "./docs-page.js";
import { API_V2_PATH } from "./route.js";

const EXAMPLE_LINKS: Record<string, string> = {
  any: "https://www.instagram.com/p/example/",
  instagram: "https://www.instagram.com/p/example/",
  facebook: "https://www.facebook.com/example",
  tiktok: "https://www.tiktok.com/@example",
  youtube: "https://www.youtube.com/watch?v=example",
  telegram: "https://t.me/example",
};

/** GET /api: the public API v2 documentation (no login). */
export function apiDocsRoute(deps: Deps): Route {
  return {
    path: "/api",
    async handler(req, res) {
      const path = (req.url ?? "/").split("?")[0];
      if (path !== "/api" && path !== "/api/") {
        res.writeHead(404, { "content-type": "application/json; charset=utf-8" });
        return void res.end(JSON.stringify({ error: "Not found" }));
      }
      const base = deps.config.PUBLIC_URL?.replace(/\/+$/, "") ?? `http://${req.headers.host ?? "127.0.0.1"}`;
      // A real service makes the add example work as printed on this shop.
      const s = await deps.db.service.findFirst({
        where: { active: true, category: { active: true }, type: { equals: "Default", mode: "insensitive" }, linkKind: "URL", platform: { in: Object.keys(EXAMPLE_LINKS) } },
        orderBy: { id: "asc" },
      });
      const html = docsPage({
        url: `${base}${API_V2_PATH}`,
        currency: deps.config.SHOP_CURRENCY,
        refills: { windowDays: deps.config.REFILL_WINDOW_DAYS, maxPerOrder: deps.config.REFILL_MAX_PER_ORDER, cooldownHours: deps.config.REFILL_COOLDOWN_HOURS },
        example: { service: s?.id ?? 1, quantity: s?.min ?? 100, link: EXAMPLE_LINKS[s?.platform ?? "any"]! },
      });
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff" });
      res.end(html);
    },
  };
}
