import { addFields, type AddParams } from "./add-params.js";
import { classifyAdd, type AddResult } from "./classify-add.js";
import { ProviderError } from "./errors.js";
import { errorText } from "./parse.js";
import { parseBalance, type Balance } from "./parse-balance.js";
import { parseCancel } from "./parse-cancel.js";
import { parseMultiStatus, parseStatus, type OrderStatus } from "./parse-order-status.js";
import { parseMultiRefill, parseMultiRefillStatus, parseRefill, parseRefillStatus, type RefillStatus } from "./parse-refills.js";
import { parseServices, type ServicesResult } from "./parse-services.js";
import { maskKey, scrubSecret } from "./redact.js";
import { rejectionReason } from "./rejection.js";
import { readReply, type Reply } from "./reply.js";
import type { PerId } from "./reply-shape.js";
import { postForm, type TransportResult } from "./transport.js";

export { maskKey } from "./redact.js";
export { AddParamsError, ProviderError, type ProviderErrorKind } from "./errors.js";
export type { AddParams } from "./add-params.js";
export type { AddResult } from "./classify-add.js";
export type { RejectReason } from "./rejection.js";
export type { Balance } from "./parse-balance.js";
export type { OrderStatus } from "./parse-order-status.js";
export type { RefillStatus } from "./parse-refills.js";
export type { ProviderService, ServicesResult } from "./parse-services.js";
export type { PerId } from "./reply-shape.js";
export type { OrderProgress, RefillProgress } from "./status-map.js";

export const MAX_IDS_PER_CALL = 100;
const MAX_RECORDED_RESPONSE = 4000;

/** "accepted" only for `add`; "ok" for any other action that got a readable answer. */
export type CallOutcome = "ok" | "accepted" | "rejected" | "not_sent" | "unknown";

/** One HTTP call, for the provider call log. Never contains the API key. */
export interface ProviderCallRecord {
  action: string;
  /** The form fields sent, with `key` masked. */
  request: Record<string, string>;
  /** Raw body, truncated to 4,000 characters; null when nothing came back. */
  response: string | null;
  httpStatus: number | null;
  latencyMs: number;
  outcome: CallOutcome;
  error: string | null;
}

export interface ProviderClientOptions {
  url: string;
  apiKey: string;
  timeoutMs: number;
  /** Awaited once per HTTP call, failures included. Its own errors never change a call's result. */
  onCall?: (call: ProviderCallRecord) => void | Promise<void>;
  /** Told when `onCall` throws (e.g. the call log could not be written). */
  onCallError?: (error: unknown) => void;
}

export interface ProviderClient {
  services(): Promise<ServicesResult>;
  /** Never throws for provider or network trouble: every outcome is in the result. Throws AddParamsError for bad input. */
  add(params: AddParams): Promise<AddResult>;
  status(orderId: string | number): Promise<OrderStatus>;
  /** Up to 100 ids; per-id errors are entries, not exceptions. Keys are the ids as strings. */
  multiStatus(orderIds: readonly (string | number)[]): Promise<Map<string, PerId<OrderStatus>>>;
  refill(orderId: string | number): Promise<{ refillId: string }>;
  multiRefill(orderIds: readonly (string | number)[]): Promise<Map<string, PerId<{ refillId: string }>>>;
  refillStatus(refillId: string | number): Promise<RefillStatus>;
  multiRefillStatus(refillIds: readonly (string | number)[]): Promise<Map<string, PerId<RefillStatus>>>;
  /** ok = the provider accepted the cancel request (not that the order is cancelled yet). */
  cancel(orderIds: readonly (string | number)[]): Promise<Map<string, PerId<object>>>;
  balance(): Promise<Balance>;
}

type Decision<T> =
  | { outcome: CallOutcome; error: string | null; value: T }
  | { outcome: CallOutcome; error: string; failure: ProviderError };

export function createProviderClient(options: ProviderClientOptions): ProviderClient {
  const { apiKey, timeoutMs, onCall, onCallError } = options;
  const url = parseUrl(options.url);
  if (!apiKey) throw new TypeError("apiKey is required");
  if (!(timeoutMs > 0)) throw new TypeError("timeoutMs must be positive");
  const scrub = (text: string) => scrubSecret(text, apiKey);

  async function exchange<T>(action: string, fields: Record<string, string>, decide: (t: TransportResult) => Decision<T>): Promise<T> {
    const form = new URLSearchParams({ key: apiKey, action, ...fields }).toString();
    const raw = await postForm(url, form, timeoutMs);
    // Scrub before anything reads the reply, so no derived message can carry the key.
    const transport: TransportResult = raw.sent
      ? { ...raw, body: raw.body === null ? null : scrub(raw.body), error: raw.error === null ? null : scrub(raw.error) }
      : { ...raw, error: scrub(raw.error) };
    const decision = decide(transport);
    await record({
      action,
      request: { key: maskKey(apiKey), action, ...fields },
      response: transport.sent && transport.body !== null ? transport.body.slice(0, MAX_RECORDED_RESPONSE) : null,
      httpStatus: transport.sent ? transport.httpStatus : null,
      latencyMs: transport.latencyMs,
      outcome: decision.outcome,
      error: decision.error,
    });
    if ("failure" in decision) throw decision.failure;
    return decision.value;
  }

  async function record(call: ProviderCallRecord): Promise<void> {
    if (!onCall) return;
    try {
      await onCall(call);
    } catch (error) {
      onCallError?.(error);
    }
  }

  /** The common path for every action except `add`: failures become a typed ProviderError. */
  function read<T>(action: string, fields: Record<string, string>, parse: (json: unknown) => T): Promise<T> {
    return exchange<T>(action, fields, (transport) => {
      const httpStatus = transport.sent ? transport.httpStatus : null;
      const reply = withTopLevelError(readReply(transport));
      if (reply.kind !== "json") {
        const failure = new ProviderError({
          kind: reply.kind,
          action,
          message: reply.error,
          httpStatus,
          providerError: reply.kind === "rejected" ? reply.error : null,
          reason: reply.kind === "rejected" ? reply.reason : null,
        });
        return { outcome: reply.kind, error: reply.error, failure };
      }
      try {
        return { outcome: "ok", error: null, value: parse(reply.json) };
      } catch (error) {
        if (!(error instanceof ProviderError)) throw error;
        return { outcome: error.kind, error: error.message, failure: error };
      }
    });
  }

  const many = (name: string, ids: readonly (string | number)[]) => {
    const list = [...new Set(ids.map((id) => idText(name, id)))];
    if (list.length > MAX_IDS_PER_CALL) {
      throw new RangeError(`${name}: at most ${MAX_IDS_PER_CALL} ids per call, got ${list.length}`);
    }
    return list;
  };

  return {
    services: async () => read("services", {}, parseServices),

    async add(params) {
      const fields = addFields(params);
      return exchange("add", fields, (transport) => {
        const result = classifyAdd(readReply(transport));
        return { outcome: result.kind, error: result.kind === "accepted" ? null : result.error, value: result };
      });
    },

    status: async (orderId) => read("status", { order: idText("status", orderId) }, parseStatus),

    async multiStatus(orderIds) {
      const ids = many("multiStatus", orderIds);
      if (ids.length === 0) return new Map();
      return read("status", { orders: ids.join(",") }, (json) => parseMultiStatus(json, ids));
    },

    refill: async (orderId) => read("refill", { order: idText("refill", orderId) }, parseRefill),

    async multiRefill(orderIds) {
      const ids = many("multiRefill", orderIds);
      if (ids.length === 0) return new Map();
      return read("refill", { orders: ids.join(",") }, (json) => parseMultiRefill(json, ids));
    },

    refillStatus: async (refillId) => read("refill_status", { refill: idText("refillStatus", refillId) }, parseRefillStatus),

    async multiRefillStatus(refillIds) {
      const ids = many("multiRefillStatus", refillIds);
      if (ids.length === 0) return new Map();
      return read("refill_status", { refills: ids.join(",") }, (json) => parseMultiRefillStatus(json, ids));
    },

    async cancel(orderIds) {
      const ids = many("cancel", orderIds);
      if (ids.length === 0) return new Map();
      return read("cancel", { orders: ids.join(",") }, (json) => parseCancel(json, ids));
    },

    balance: async () => read("balance", {}, parseBalance),
  };
}

/** For actions other than add, a 200 `{"error": …}` is a refusal of the whole call. */
function withTopLevelError(reply: Reply): Reply {
  if (reply.kind !== "json") return reply;
  const error = errorText(reply.json);
  return error === null ? reply : { kind: "rejected", error, reason: rejectionReason(error) };
}

function parseUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new TypeError("provider url is not a valid URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new TypeError("provider url must be http(s)");
  return url;
}

function idText(name: string, id: string | number): string {
  const text = String(id).trim();
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(text)) throw new TypeError(`${name}: invalid id`);
  return text;
}
