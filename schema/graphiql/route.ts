// GraphiQL without the internet: graphql-yoga's default page loads its scripts from unpkg, so the
// page and its files are served here (graphiql 3's UMD build with React 18, from npm packages),
// under the same security headers as /admin (our own origin only, no inline script or style).
import type { ServerResponse } from "node:http";
import type { Plugin } from "graphql-yoga";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Route } from "../../src/http/server.js";
import { PAGE_SECURITY_HEADERS, staticFolder } from "../../src/http/static-assets.js";

export const GRAPHIQL_ASSETS_PATH = "/graphql/assets";

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));
const ownFile = staticFolder(new URL("./static/", import.meta.url));

const ASSETS: Record<string, { type: string; read: () => Buffer }> = {
  "react.js": { type: "text/javascript; charset=utf-8", read: () => readFileSync(join(packageDir("react"), "umd", "react.production.min.js")) },
  "react-dom.js": { type: "text/javascript; charset=utf-8", read: () => readFileSync(join(packageDir("react-dom"), "umd", "react-dom.production.min.js")) },
  "graphiql.js": { type: "text/javascript; charset=utf-8", read: () => readFileSync(join(packageDir("graphiql"), "graphiql.min.js")) },
  "graphiql.css": { type: "text/css; charset=utf-8", read: () => readFileSync(join(packageDir("graphiql"), "graphiql.min.css")) },
  "start.js": { type: "text/javascript; charset=utf-8", read: () => ownFile("start.js") },
  "page.css": { type: "text/css; charset=utf-8", read: () => ownFile("page.css") },
};
const cache = new Map<string, Buffer>();

/** The page's files at /graphql/assets/<name> (public library code; the page itself is for admins). */
export function graphiqlAssetsRoute(): Route {
  return {
    path: GRAPHIQL_ASSETS_PATH,
    handler(req, res) {
      const name = new URL(req.url ?? "/", "http://local").pathname.slice(GRAPHIQL_ASSETS_PATH.length + 1);
      const asset = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
      if (!asset || (req.method !== "GET" && req.method !== "HEAD")) return notFound(res);
      let body = cache.get(name);
      if (!body) cache.set(name, (body = asset.read()));
      res.writeHead(200, { ...PAGE_SECURITY_HEADERS, "content-type": asset.type, "cache-control": "public, max-age=86400" });
      res.end(req.method === "HEAD" ? undefined : body);
    },
  };
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { ...PAGE_SECURITY_HEADERS, "content-type": "text/plain; charset=utf-8" });
  res.end("Not found");
}

/** The GraphiQL page (graphql-yoga's `renderGraphiQL`): our files only; options as a JSON data block. */
export function renderGraphiQL(options: { title?: string; defaultQuery?: string; endpoint?: string }): string {
  const data = JSON.stringify({ endpoint: options.endpoint ?? "/graphql", defaultQuery: options.defaultQuery ?? "" }).replaceAll("<", "\\u003c");
  const title = (options.title ?? "GraphiQL").replace(/[<>&"]/g, "");
  const asset = (name: string) => `${GRAPHIQL_ASSETS_PATH}/${name}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="stylesheet" href="${asset("graphiql.css")}">
<link rel="stylesheet" href="${asset("page.css")}">
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script type="application/json" id="graphiql-options">${data}</script>
<script src="${asset("react.js")}"></script>
<script src="${asset("react-dom.js")}"></script>
<script src="${asset("graphiql.js")}"></script>
<script src="${asset("start.js")}"></script>
</body>
</html>`;
}

/** The page gets the same security headers as /admin (yoga builds its response). */
export const graphiqlPagePlugin: Plugin = {
  onResponse({ response }) {
    if (!(response.headers.get("content-type") ?? "").startsWith("text/html")) return;
    for (const [name, value] of Object.entries(PAGE_SECURITY_HEADERS)) response.headers.set(name, value);
  },
};
