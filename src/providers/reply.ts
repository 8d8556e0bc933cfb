import type { TransportResult } from "./transport.js";
import { errorText } from "./parse.js";
import { rejectionReason, type RejectReason } from "./rejection.js";

/** What one HTTP exchange amounts to before any action-specific reading. */
export type Reply =
  | { kind: "not_sent"; error: string }
  | { kind: "unknown"; error: string }
  | { kind: "rejected"; error: string; reason: RejectReason }
  | { kind: "json"; json: unknown };

/**
 * Strict on conclusions: only a well-formed JSON reply from the application counts as an answer.
 * A JSON `{"error": …}` on 2xx or 4xx is a refusal; on 5xx it is not (the server may have failed
 * after doing the work), nor is anything from a proxy or CDN (HTML pages), nor an empty body.
 */
export function readReply(result: TransportResult): Reply {
  if (!result.sent) return { kind: "not_sent", error: result.error };
  if (result.error !== null) return { kind: "unknown", error: `${result.error} after the request was sent` };

  const status = result.httpStatus ?? 0;
  const body = (result.body ?? "").replace(/^\uFEFF/, "").trim();
  const where = `HTTP ${status}`;
  if (body.startsWith("<")) return { kind: "unknown", error: `HTML page instead of JSON (${where})` };
  if (status >= 500) return { kind: "unknown", error: `server error (${where})` };
  if (status < 200 || (status >= 300 && status < 400)) return { kind: "unknown", error: `unexpected ${where}` };
  if (body === "") return { kind: "unknown", error: `empty body (${where})` };

  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { kind: "unknown", error: `unparsable JSON (${where})` };
  }
  const error = errorText(json);
  if (status >= 400) {
    return error === null
      ? { kind: "unknown", error: `unexpected ${where}` }
      : { kind: "rejected", error, reason: rejectionReason(error) };
  }
  return { kind: "json", json };
}
