import { SESSION_COOKIE, parseCookies } from "../src/auth/session.js";

/**
 * Cookie sessions are the only ambient credential, so only they need CSRF protection (besides
 * SameSite=Strict): such requests must be JSON POSTs (which a cross-site form cannot send without a
 * CORS preflight) from our own origin. A GET is allowed only for the GraphiQL page itself.
 * Returns a reason to refuse, or null.
 */
export function csrfRefusal(request: Request): string | null {
  const headers = request.headers;
  if (headers.has("authorization") || !parseCookies(headers.get("cookie")).has(SESSION_COOKIE)) return null;
  const origin = headers.get("origin");
  if (origin && origin !== "null") {
    const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? new URL(request.url).host;
    if (new URL(origin).host !== host) return "cross-origin request with a session cookie";
  } else if (origin === "null") {
    return "opaque origin with a session cookie";
  }
  if (request.method === "GET") {
    return (headers.get("accept") ?? "").includes("text/html") ? null : "GET with a session cookie";
  }
  if (request.method !== "POST") return "method not allowed with a session cookie";
  const type = (headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  return type === "application/json" || type === "application/graphql-response+json" ? null : "session requests must be JSON";
}
