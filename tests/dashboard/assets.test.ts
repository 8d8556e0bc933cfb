// The dashboard's assets (/admin/assets/…): every module the page imports is served with its
// content type and the page's security headers; names outside the whitelist, traversal and
// writes are 404 and read nothing.
import { readFileSync } from "node:fs";
import { BroadcastAudience, BroadcastStatus, LedgerKind, OrderStatus, Role, TicketAuthor, TicketStatus, TicketType } from "@prisma/client";
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

describe("dashboard words", () => {
  it("Bengali and English have the same keys, and every key the pages use is in both", async () => {
    const en: Record<string, string> = (await import("../../schema/dashboard/static/strings/en.js" as string)).default;
    const bn: Record<string, string> = (await import("../../schema/dashboard/static/strings/bn.js" as string)).default;
    expect(Object.keys(bn).filter((k) => !(k in en)), "in Bengali only").toEqual([]);
    expect(Object.keys(en).filter((k) => !(k in bn)), "in English only").toEqual([]);
    const sources = [...moduleGraph(), "index.html"].map((path) => readFileSync(new URL(path, STATIC), "utf8")).join("\n");
    const used = new Set([
      ...[...sources.matchAll(/\bt\("([a-zA-Z]+\.[\w.]+)"/g)].map((m) => m[1]!),
      ...[...sources.matchAll(/data-i18n(?:-[a-z-]+)?="([\w.]+)"/g)].map((m) => m[1]!),
      ...[...sources.matchAll(/(?:label|labelKey): "([a-z]+\.[\w.]+)"/g)].map((m) => m[1]!),
    ]);
    expect(used.size, "keys found in the pages").toBeGreaterThan(100);
    expect([...used].filter((k) => !(k in en) || !(k in bn)), "keys used but missing").toEqual([]);
    // Keys built from a value (t(`status.${order.status}`)): every value of those enums.
    const built = [
      ...Object.values(OrderStatus).map((v) => `status.${v}`), ...Object.values(Role).map((v) => `role.${v}`),
      ...Object.values(TicketStatus).map((v) => `tickets.${v}`), ...Object.values(TicketAuthor).map((v) => `tickets.author.${v}`),
      ...Object.values(TicketType).map((v) => `tickets.type.${v}`), ...["APPROVED", "REJECTED"].map((v) => `topups.${v}`), ...Object.values(LedgerKind).map((v) => `ledger.${v}`),
      ...Object.values(BroadcastStatus).map((v) => `broadcasts.status.${v}`), ...Object.values(BroadcastAudience).map((v) => `broadcasts.audience.${v}`),
    ];
    expect(built.filter((k) => !(k in en) || !(k in bn)), "enum values without words").toEqual([]);
  });
});
