// The dashboard's assets (/admin/assets/…): every module the page imports is served with its
// content type and the page's security headers; names outside the whitelist, traversal and
// writes are 404 and read nothing.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { adminAssetsRoute } from "../../schema/dashboard/assets-route.js";
import { rawRequest, serve } from "../support/http.js";

const STATIC = new URL("../../schema/dashboard/static/", import.meta.url);

/** app.js and every module it imports, transitively, as paths under /admin/assets/. */
function moduleGraph(): string[] {
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const source = readFileSync(new URL(path, STATIC), "utf8");
    for (const [, spec] of source.matchAll(/^import [^"]*"(\.{1,2}\/[^"]+)";$/gm)) visit(new URL(spec!, new URL(path, "http://x/")).pathname.slice(1));
  };
  visit("app.js");
  return [...seen];
}

describe("dashboard assets", () => {
  it("serves app.js and every module it imports as JavaScript under the page's CSP", async () => {
    const { url } = await serve([adminAssetsRoute()]);
    const modules = moduleGraph();
    expect(modules.length, `modules found: ${modules}`).toBeGreaterThan(8);
    for (const path of [...modules, "app.css", "vendor/uplot.js", "vendor/uplot.css"]) {
      const res = await fetch(`${url}/admin/assets/${path}`);
      expect(res.status, `GET /admin/assets/${path}`).toBe(200);
      expect(res.headers.get("content-type"), path).toBe(path.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8");
      expect(res.headers.get("content-security-policy"), path).toMatch(/script-src 'self'/);
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect((await res.text()).length, path).toBeGreaterThan(0);
    }
  });

  it("answers 404 to names outside the whitelist, to traversal and to writes", async () => {
    const { url } = await serve([adminAssetsRoute()]);
    const refused = ["index.html", "lib/nothing-here.js", "pages/../app.js.map", "../route.ts", "..%2froute.ts", "lib/%2e%2e/%2e%2e/route.ts", "lib/Dom.js", "vendor/uplot.iife.js", "%2e%2e/%2e%2e/%2e%2e/package.json"];
    for (const name of refused) {
      const res = await rawRequest(`${url}/admin/assets/${name}`, { method: "GET" });
      expect(res.status, `GET /admin/assets/${name} answered ${res.status}: ${res.body.slice(0, 80)}`).toBe(404);
    }
    const post = await rawRequest(`${url}/admin/assets/app.js`, { method: "POST", body: Buffer.from("{}") });
    expect(post.status).toBe(404);
  });
});
