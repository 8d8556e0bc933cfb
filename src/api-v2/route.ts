import type { ServerResponse } from "node:http";
import { hashApiKey, verifyApiKey } from "../apikeys/api-keys.js";
import type { Deps } from "../deps.js";
import { BODY_LIMITS, createRequestLimiter, limitedRoute } from "../http/limits.js";
import { createRateLimiter } from "../http/rate-limit.js";
import { sendJson, type Route } from "../http/server.js";
import { DomainError } from "../shared/errors.js";
import { addAction } from "./add.js";
import { ApiV2Error, apiV2ErrorText } from "./api-error.js";
import { balanceAction } from "./balance.js";
import type { ApiV2Action } from "./call.js";
import { cancelAction } from "./cancel.js";
import { refillAction, refillStatusAction } from "./refill.js";
import { requestFields } from "./request-fields.js";
import { servicesAction } from "./services.js";
import { statusAction } from "./status.js";

export const API_V2_PATH = "/api/v2";

const ACTIONS: Record<string, ApiV2Action> = {
  services: servicesAction,
  add: addAction,
  status: statusAction,
  refill: refillAction,
  refill_status: refillStatusAction,
  cancel: cancelAction,
  balance: balanceAction,
};

export interface ApiV2Options {
  /** Calls per minute per API key. */
  rateLimitPerMinute?: number;
}

/**
 * The SMM panel "API v2" served to resellers at /api/v2, so any other panel can add the shop as
 * a provider. A transport only: it reads the fields, checks the key, calls the use-cases and
 * answers in the shapes panels parse — refusals as `{"error": …}` with HTTP 200.
 */
export function apiV2Route(deps: Deps, options: ApiV2Options = {}): Route {
  const perMinute = options.rateLimitPerMinute ?? 300;
  const limiter = createRateLimiter(perMinute);
  // Counted per address before the body is read (the key is inside it); then per key, below.
  const addresses = createRequestLimiter(perMinute * 4);
  return limitedRoute({ path: API_V2_PATH, maxBodyBytes: BODY_LIMITS.apiV2, limiter: addresses }, async (req, res, body) => {
    const started = performance.now();
    const log = { api: "v2", action: undefined as string | undefined, keyPrefix: undefined as string | undefined, userId: undefined as number | undefined };
    const answer = (body: unknown, status = 200) => {
      const error = body && typeof body === "object" && "error" in body ? (body as { error: string }).error : undefined;
      deps.logger.info({ ...log, status, error, ms: Math.round(performance.now() - started) }, "API v2 call");
      sendJson(res, status, body);
    };
    if (req.method !== "POST" && req.method !== "GET") {
      res.setHeader("allow", "GET, POST");
      return answer({ error: "Use POST (or GET) with key and action" }, 405);
    }
    const fields = await requestFields(req, body);
    const key = (fields.key ?? fields.api_key ?? "").trim();
    log.action = fields.action?.slice(0, 32);
    if (!key) return answer({ error: "Missing API key" });
    if (!limiter.take(hashApiKey(key))) {
      retryLater(res);
      return answer({ error: `Too many requests: at most ${perMinute} per minute per API key` });
    }
    const reseller = await verifyApiKey(deps, key);
    if (!reseller) return answer({ error: "Invalid API key" });
    log.keyPrefix = reseller.apiKey.prefix;
    log.userId = reseller.id;
    if (reseller.role !== "RESELLER") return answer({ error: "This API key has no reseller access: ask the shop to make you a reseller" });
    const actionName = fields.action?.trim();
    if (!actionName) return answer({ error: "Missing field: action" });
    const action = Object.hasOwn(ACTIONS, actionName) ? ACTIONS[actionName] : undefined;
    if (!action) return answer({ error: "Incorrect action: use services, add, status, refill, refill_status, cancel or balance" });
    try {
      const actor = { userId: reseller.id, label: `apikey:${reseller.apiKey.prefix}` };
      return answer(await action({ deps, reseller, actor, fields }));
    } catch (error) {
      if (error instanceof ApiV2Error) return answer({ error: error.message });
      if (error instanceof DomainError) return answer({ error: apiV2ErrorText(error) });
      deps.logger.error({ err: error, ...log }, "API v2 call failed");
      // Not 200: a client must not read an unexpected failure as a definite refusal of `add`.
      return answer({ error: "Internal error, try again later" }, 500);
    }
  });
}

function retryLater(res: ServerResponse) {
  res.setHeader("retry-after", "60");
}
