// HTTP control endpoints so the CLI simulator can be steered from curl or another process.
import type { IncomingMessage, ServerResponse } from "node:http";
import { send } from "./replies.js";
import type { ProviderSimulator } from "./server.js";
import type { FaultRule, SimStatus } from "./types.js";

/**
 * All need header `x-api-key: <simulator key>`; bodies are JSON.
 *   GET  /_control/state                     balance, currency, order count, calls per action
 *   GET  /_control/orders[?link=…]           orders
 *   GET  /_control/services                  services
 *   POST /_control/services   [SimService…]  replace services
 *   POST /_control/balance    {balance}
 *   POST /_control/advance    {id?, to?, remains?}   one order, or all active orders without id
 *   POST /_control/order      {id, status?, startCount?, remains?, charge?}
 *   POST /_control/fault      {kind, action?, times?, …}  (no function rules over HTTP)
 *   POST /_control/faults/clear
 *   POST /_control/auto-advance {ms}          0 or null stops it
 *   POST /_control/reset
 */
export function handleControl(sim: ProviderSimulator, req: IncomingMessage, res: ServerResponse, path: string, body: string): void {
  if (req.headers["x-api-key"] !== sim.apiKey) return json(res, 401, { error: "Invalid API key" });
  let input: Record<string, unknown> & { [k: string]: unknown };
  try {
    input = body.trim() === "" ? {} : (JSON.parse(body) as Record<string, unknown>);
  } catch {
    return json(res, 400, { error: "body must be JSON" });
  }
  const route = `${req.method} ${path.replace(/\/+$/, "")}`;
  try {
    switch (route) {
      case "GET /_control/state":
        return json(res, 200, {
          url: sim.url,
          balance: sim.balance(),
          currency: sim.currency,
          orders: sim.orderCount(),
          calls: Object.fromEntries(["services", "add", "status", "refill", "refill_status", "cancel", "balance"].map((a) => [a, sim.callCount(a)])),
          pendingFaults: sim.pendingFaults(),
        });
      case "GET /_control/orders": {
        const link = new URL(req.url ?? "/", "http://simulator").searchParams.get("link");
        return json(res, 200, sim.orders(link === null ? {} : { link }));
      }
      case "GET /_control/services":
        return json(res, 200, sim.services());
      case "POST /_control/services":
        if (!Array.isArray(input)) return json(res, 400, { error: "expected a list of services" });
        sim.setServices(input);
        return json(res, 200, sim.services());
      case "POST /_control/balance":
        sim.setBalance(String(input.balance));
        return json(res, 200, { balance: sim.balance() });
      case "POST /_control/advance": {
        const step = { to: input.to as SimStatus | undefined, remains: input.remains as number | undefined };
        if (input.id === undefined) return json(res, 200, { advanced: sim.advanceAll(step) });
        return json(res, 200, sim.advance(String(input.id), step));
      }
      case "POST /_control/order": {
        const { id, ...patch } = input;
        return json(res, 200, sim.setOrder(String(id), patch));
      }
      case "POST /_control/fault":
        sim.fault(input as unknown as FaultRule);
        return json(res, 200, { pendingFaults: sim.pendingFaults() });
      case "POST /_control/faults/clear":
        sim.clearFaults();
        return json(res, 200, { pendingFaults: 0 });
      case "POST /_control/auto-advance":
        sim.setAutoAdvance(typeof input.ms === "number" ? input.ms : null);
        return json(res, 200, { ms: input.ms ?? null });
      case "POST /_control/reset":
        sim.reset();
        return json(res, 200, { ok: true });
      default:
        return json(res, 404, { error: `no control endpoint ${route}` });
    }
  } catch (err) {
    return json(res, 400, { error: err instanceof Error ? err.message : String(err) });
  }
}

function json(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value));
}
