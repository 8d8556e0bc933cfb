// The dashboard's code and styles at /admin/assets/…: our ES modules (no build step) and the
// charting library from its npm package (no CDN). Public code like GraphiQL's assets, so outside
// the /admin request budget (a page load is a dozen module requests); only names matching the
// patterns below are read, so no path can leave the folder.
import type { ServerResponse } from "node:http";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Route } from "../../src/http/server.js";
import { PAGE_SECURITY_HEADERS, staticFolder } from "../../src/http/static-assets.js";

export const ADMIN_ASSETS_PATH = "/admin/assets";

const OWN_FILE = /^(?:app\.(?:js|css)|(?:lib|pages|strings)\/[a-z][a-z0-9-]*\.js)$/;
const TYPES: Record<string, string> = { js: "text/javascript; charset=utf-8", css: "text/css; charset=utf-8" };

const require = createRequire(import.meta.url);
const uplotDir = () => join(dirname(require.resolve("uplot/package.json")), "dist");
const VENDOR: Record<string, () => Buffer> = {
  "vendor/uplot.js": () => readFileSync(join(uplotDir(), "uPlot.iife.min.js")),
  "vendor/uplot.css": () => readFileSync(join(uplotDir(), "uPlot.min.css")),
};

const ownFile = staticFolder(new URL("./static/", import.meta.url));
const vendorCache = new Map<string, Buffer>();

function read(name: string): Buffer | null {
  if (Object.hasOwn(VENDOR, name)) {
    let body = vendorCache.get(name);
    if (!body) vendorCache.set(name, (body = VENDOR[name]!()));
    return body;
  }
  if (!OWN_FILE.test(name)) return null;
  try {
    return ownFile(name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

export function adminAssetsRoute(): Route {
  return {
    path: ADMIN_ASSETS_PATH,
    handler(req, res) {
      const name = new URL(req.url ?? "/", "http://local").pathname.slice(ADMIN_ASSETS_PATH.length + 1);
      const body = req.method === "GET" || req.method === "HEAD" ? read(name) : null;
      if (!body) return notFound(res);
      const type = TYPES[name.slice(name.lastIndexOf(".") + 1)]!;
      res.writeHead(200, { ...PAGE_SECURITY_HEADERS, "content-type": type, "cache-control": "no-cache" });
      res.end(req.method === "HEAD" ? undefined : body);
    },
  };
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { ...PAGE_SECURITY_HEADERS, "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
  res.end("Not found");
}
