// An HTTP server on 127.0.0.1 serving /api/v2 and /api for one test file, and a form-POST helper.
import type { AddressInfo } from "node:net";
import { afterAll } from "vitest";
import { apiDocsRoute } from "../../src/api-v2/docs-route.js";
import { apiV2Route, type ApiV2Options } from "../../src/api-v2/route.js";
import type { Deps } from "../../src/deps.js";
import { createHttpServer } from "../../src/http/server.js";

export async function startApiServer(deps: Deps, options: ApiV2Options = {}) {
  const server = createHttpServer([apiV2Route(deps, options), apiDocsRoute(deps)], deps.logger);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  afterAll(() => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const url = `${base}/api/v2`;
  /** A form POST, the way panels call: answers the parsed JSON and the HTTP status. */
  async function post(fields: Record<string, string | number>): Promise<{ status: number; json: any }> {
    const body = new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, String(v)]));
    const res = await fetch(url, { method: "POST", body });
    return { status: res.status, json: await res.json() };
  }
  return { server, base, url, post };
}
