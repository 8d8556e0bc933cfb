import type { IncomingMessage } from "node:http";
import type { Deps } from "../deps.js";
import { deviceForToken } from "../payments/devices.js";
import { recordPaymentSms } from "../payments/record-sms.js";
import { DomainError } from "../shared/errors.js";
import { BODY_LIMITS, createRequestLimiter, limitedRoute } from "./limits.js";
import { sendJson, type Route } from "./server.js";

/**
 * POST /payments/sms: an Android "SMS forwarder to webhook" app posts each incoming SMS here.
 * The device token may come as `Authorization: Bearer …`, `X-Device-Token`, `?token=…` or a body
 * field `token`; the body may be JSON or a form, with the field names those apps use.
 */
export function paymentSmsRoute(deps: Deps): Route {
  // A phone that was offline forwards its backlog at once; the budget only stops floods and token guessing.
  const limiter = createRequestLimiter(1200);
  return limitedRoute({ path: "/payments/sms", exact: true, maxBodyBytes: BODY_LIMITS.smsPayments, limiter }, async (req, res, body) => {
    if (req.method !== "POST") {
      res.setHeader("allow", "POST");
      return sendJson(res, 405, { error: "Use POST" });
    }
    const raw = (await body()).toString("utf8");
    const url = new URL(req.url ?? "/", "http://localhost");
    const fields = parseBody(raw, req.headers["content-type"]);
    // The token is checked first: a caller without a valid one learns nothing about the body.
    const token = headerToken(req) ?? (fields && pick(fields, TOKEN_KEYS)) ?? url.searchParams.get("token");
    const device = await deviceForToken(deps.db, token);
    if (!device) return sendJson(res, 401, { error: "Unknown or revoked device token" });
    if (fields === null) return sendJson(res, 400, { error: "The body must be JSON or a form (application/x-www-form-urlencoded)" });

    const sender = pick(fields, SENDER_KEYS);
    const text = pick(fields, TEXT_KEYS);
    if (!sender || !text) return sendJson(res, 400, { error: "The SMS sender (from) and text (text/message/body/content) are required" });
    try {
      const { sms, replay } = await recordPaymentSms(deps, device, { sender, text, sentAt: parseStamp(pick(fields, TIME_KEYS)), sim: pick(fields, SIM_KEYS) });
      // 200 for every stored SMS (ignored ones too): the app must not retry what we already have.
      return sendJson(res, 200, {
        ok: true,
        id: sms.id,
        replay,
        outcome: sms.outcome,
        reason: sms.reason,
        method: sms.method,
        trxId: sms.trxId,
        amount: sms.amount?.toFixed(2) ?? null,
        topUpId: sms.topUpId,
      });
    } catch (error) {
      if (error instanceof DomainError) return sendJson(res, 400, { error: error.message });
      throw error;
    }
  });
}

const TOKEN_KEYS = ["token", "device_token", "devicetoken"];
const SENDER_KEYS = ["from", "sender", "number", "phone", "phonenumber", "address", "originatingaddress", "msisdn"];
const TEXT_KEYS = ["text", "message", "body", "content", "org_content", "msg", "sms", "messagebody"];
const TIME_KEYS = ["receivedstamp", "sentstamp", "timestamp", "receive_time", "received_at", "receivedat", "sent_at", "sentat", "time", "date"];
const SIM_KEYS = ["sim", "simslot", "sim_slot", "card_slot", "slot", "simno", "subscriptionid"];

/** Flat, lower-cased keys → string values. JSON objects (one level of nesting: {"data": {...}}) or forms. */
function parseBody(raw: string, contentType: string | undefined): Map<string, string> | null {
  const out = new Map<string, string>();
  const body = raw.trim();
  if (body === "") return out;
  const looksJson = body.startsWith("{") || /json/i.test(contentType ?? "");
  if (looksJson) {
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      return null;
    }
    if (!value || typeof value !== "object" || Array.isArray(value)) return null;
    const add = (obj: Record<string, unknown>) => {
      for (const [k, v] of Object.entries(obj)) {
        if (typeof v === "string" || typeof v === "number") out.set(k.toLowerCase(), String(v));
        else if (v && typeof v === "object" && !Array.isArray(v)) add(v as Record<string, unknown>);
      }
    };
    add(value as Record<string, unknown>);
    return out;
  }
  for (const [k, v] of new URLSearchParams(body)) out.set(k.toLowerCase(), v);
  return out;
}

function pick(fields: Map<string, string>, keys: readonly string[]): string | null {
  for (const k of keys) {
    const v = fields.get(k)?.trim();
    if (v) return v;
  }
  return null;
}

function headerToken(req: IncomingMessage): string | null {
  const auth = req.headers.authorization;
  const bearer = auth && /^Bearer\s+(\S+)$/i.exec(auth);
  if (bearer) return bearer[1]!;
  const header = req.headers["x-device-token"];
  return typeof header === "string" && header.trim() ? header.trim() : null;
}

/** Epoch milliseconds or seconds, or an ISO date; anything else is ignored (the SMS still counts). */
function parseStamp(value: string | null): Date | null {
  if (!value) return null;
  if (/^\d{9,13}$/.test(value)) {
    const n = Number(value);
    return new Date(n < 1e11 ? n * 1000 : n);
  }
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}
