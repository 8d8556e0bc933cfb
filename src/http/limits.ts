// One limit mechanism for every HTTP entry point: a per-caller request budget counted before the
// body is read (so refused, malformed and oversized requests all count), and a body-size limit
// enforced while reading (a declared Content-Length over the limit is refused without reading a
// body byte, and the connection is closed right after the answer instead of draining the body).
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { SESSION_COOKIE, parseCookies } from "../auth/session.js";
import { createRateLimiter } from "./rate-limit.js";
import type { Route } from "./server.js";

export const KiB = 1024;
export const MiB = 1024 * KiB;

/** Body limits per route, in one table (routes built elsewhere read theirs from here). */
export const BODY_LIMITS = {
  graphql: 64 * KiB,
  webhook: 1 * MiB,
  apiV2: 16 * KiB,
  smsPayments: 16 * KiB,
  tryApi: 16 * KiB,
  admin: 4 * KiB,
} as const;

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Request body too large (limit ${limit} bytes)`);
  }
}

/** How a route words a refusal (413/429): JSON `{"error": …}` unless the route speaks another format. */
export type Refusal = (status: number, message: string) => { contentType: string; body: string };

export const jsonRefusal: Refusal = (_status, message) => ({ contentType: "application/json; charset=utf-8", body: JSON.stringify({ error: message }) });

export interface RequestLimiter {
  /** True when this request may go on; counts it either way. */
  admit(req: IncomingMessage): boolean;
}

/**
 * Requests per minute per caller: the credential it presents (API key or admin session cookie,
 * hashed, never stored) or, without one, its address. Every address also has a wider budget over
 * all its requests, so inventing a new key per request buys nothing.
 */
export function createRequestLimiter(perMinute: number): RequestLimiter {
  const callers = createRateLimiter(perMinute);
  const addresses = createRateLimiter(perMinute * 4);
  return {
    admit(req) {
      const address = `ip:${req.socket.remoteAddress ?? "local"}`;
      // An address over its budget is refused before its credential is even looked at (no new keys kept).
      if (!addresses.take(address)) return false;
      const credential = credentialOf(req);
      return callers.take(credential ? `cred:${credential}` : address);
    },
  };
}

function credentialOf(req: IncomingMessage): string | null {
  const raw = req.headers.authorization ?? parseCookies(req.headers.cookie).get(SESSION_COOKIE);
  return raw ? createHash("sha256").update(raw).digest("base64url").slice(0, 22) : null;
}

/**
 * Reads the whole body, refusing (BodyTooLargeError) as soon as it grows past `limit` (a chunked
 * body stops there). The stream is paused, not destroyed, on refusal: the caller answers 413 and
 * the connection is closed after the answer.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? NaN);
  if (declared > limit) return Promise.reject(new BodyTooLargeError(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      cleanup();
      req.pause();
      chunks.length = 0;
      reject(new BodyTooLargeError(limit));
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onClose = () => {
      cleanup();
      if (!req.complete) reject(new Error("request aborted"));
    };
    const cleanup = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("close", onClose);
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
    req.on("close", onClose);
  });
}

/** How long a refused connection is held (reading nothing) after its answer, so the client reads the answer first. */
export const REFUSAL_LINGER_MS = 1000;

/**
 * Answers at once, before any more of the body is read. A request whose body is not all in
 * (declared too large, over budget, or cut off at the limit while reading) is answered with
 * `Connection: close` and its body is never drained: FIN right after the answer, nothing more read
 * (the client's sending stalls), and the socket closed when the client closes or after
 * REFUSAL_LINGER_MS. Closing at once instead would reset the connection under a client still
 * sending, which then often reports EPIPE/ECONNRESET without ever reading the 413.
 */
function refuseEarly(req: IncomingMessage, res: ServerResponse, refusal: Refusal, status: number, message: string, headers: Record<string, string> = {}): void {
  const { contentType, body } = refusal(status, message);
  const bytes = Buffer.from(body);
  const unread = !req.complete;
  res.writeHead(status, {
    "content-type": contentType,
    "content-length": String(bytes.length),
    "cache-control": "no-store",
    ...(unread ? { connection: "close" } : {}),
    ...headers,
  });
  if (unread) stopReading(req, res);
  res.end(bytes);
}

/**
 * Node would otherwise read and discard the rest of the body once the answer is out, then close
 * as soon as the answer is written. Asking the request for nothing (`read(0)`) marks it consumed,
 * so nothing is discarded, and leaves the socket paused once the request's small buffer is full;
 * the close Node starts after a last response (destroySoon) becomes a half-close, and the socket is
 * destroyed REFUSAL_LINGER_MS after the answer unless the client closed it first.
 */
function stopReading(req: IncomingMessage, res: ServerResponse): void {
  const socket = req.socket;
  req.read(0);
  socket.destroySoon = () => void socket.end();
  res.once("finish", () => {
    const timer = setTimeout(() => socket.destroy(), REFUSAL_LINGER_MS);
    timer.unref();
    socket.once("close", () => clearTimeout(timer));
  });
}

export interface LimitedRouteSpec {
  path: string;
  /** Refuse sub-paths (`path/…`), for endpoints that are one URL. */
  exact?: boolean;
  maxBodyBytes: number;
  /** Shared by routes that should share one budget; omit for no request budget. */
  limiter?: RequestLimiter;
  refusal?: Refusal;
}

export type LimitedHandler = (req: IncomingMessage, res: ServerResponse, body: () => Promise<Buffer>) => Promise<void> | void;

/** A route whose requests are counted before anything else, and whose body is read within its limit. */
export function limitedRoute(spec: LimitedRouteSpec, handler: LimitedHandler): Route {
  const refusal = spec.refusal ?? jsonRefusal;
  return {
    path: spec.path,
    ...(spec.exact ? { exact: true } : {}),
    async handler(req, res) {
      if (spec.limiter && !spec.limiter.admit(req)) {
        return refuseEarly(req, res, refusal, 429, "Too many requests, slow down", { "retry-after": "60" });
      }
      const declared = Number(req.headers["content-length"] ?? NaN);
      if (declared > spec.maxBodyBytes) {
        return refuseEarly(req, res, refusal, 413, new BodyTooLargeError(spec.maxBodyBytes).message);
      }
      try {
        await handler(req, res, () => readBody(req, spec.maxBodyBytes));
      } catch (error) {
        if (!(error instanceof BodyTooLargeError)) throw error;
        if (res.headersSent) return void req.destroy();
        refuseEarly(req, res, refusal, 413, error.message);
      }
    },
  };
}
