import type { IncomingMessage, ServerResponse } from "node:http";
import { BODY_LIMITS, createRequestLimiter, limitedRoute, type Refusal } from "../src/http/limits.js";
import type { Route } from "../src/http/server.js";
import type { PanelbotYoga } from "./yoga.js";

const CODES: Record<number, string> = { 413: "PAYLOAD_TOO_LARGE", 429: "RATE_LIMITED" };

/** Refusals in GraphQL's own shape, so clients read them like any other error. */
const graphqlRefusal: Refusal = (status, message) => ({
  contentType: "application/json; charset=utf-8",
  body: JSON.stringify({ errors: [{ message, extensions: { code: CODES[status] ?? "BAD_REQUEST" } }] }),
});

/**
 * POST/GET /graphql over node:http. The request is counted (per API key, session or address) and
 * its body read within 64 KiB before Yoga sees anything, so an oversized or abusive request costs
 * neither memory nor parsing.
 */
export function graphqlRoute(yoga: PanelbotYoga, options: { rateLimitPerMinute?: number } = {}): Route {
  const limiter = createRequestLimiter(options.rateLimitPerMinute ?? 300);
  return limitedRoute({ path: "/graphql", exact: true, maxBodyBytes: BODY_LIMITS.graphql, limiter, refusal: graphqlRefusal }, async (req, res, body) => {
    const method = req.method ?? "GET";
    const payload = method === "GET" || method === "HEAD" ? undefined : await body();
    // URL and init rather than a Request: Yoga then builds its own lighter one (no web streams, no abort signal).
    const response = await yoga.fetch(requestUrl(req), { method, headers: requestHeaders(req), ...(payload ? { body: payload.toString("utf8") } : {}) }, { req });
    await sendResponse(res, response);
  });
}

function requestUrl(req: IncomingMessage): string {
  const host = req.headers.host;
  const base = host && URL.canParse(`http://${host}`) ? `http://${host}` : "http://localhost";
  return new URL(req.url ?? "/graphql", base).toString();
}

function requestHeaders(req: IncomingMessage): [string, string][] {
  const headers: [string, string][] = [];
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.push([name, v]);
  }
  return headers;
}

async function sendResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers["set-cookie"] = cookies;
  const body = Buffer.from(await response.arrayBuffer());
  headers["content-length"] = String(body.length);
  delete headers["content-encoding"];
  res.writeHead(response.status, headers);
  res.end(body);
}
