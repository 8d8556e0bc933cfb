import type { IncomingMessage } from "node:http";

/**
 * True when a browser says the request comes from our own page: an Origin naming this host, or
 * (browsers that send no Origin) `Sec-Fetch-Site: same-origin`. A request with neither is refused:
 * a state-changing form POST needs one of them.
 */
export function isSameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin !== undefined) {
    if (origin === "null" || !URL.canParse(origin)) return false;
    const host = req.headers["x-forwarded-host"] ?? req.headers.host;
    return new URL(origin).host === host;
  }
  return req.headers["sec-fetch-site"] === "same-origin";
}
