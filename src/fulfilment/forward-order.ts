import type { Order, Provider, Service } from "@prisma/client";
import type { Deps } from "../deps.js";
import { recordProviderOutcome, type ProviderOutcome } from "./record-provider-outcome.js";
import { AddParamsError, type AddResult } from "../providers/api-client.js";
import { providerBalance, providerClient, spendCachedBalance } from "../catalogue/provider-gateway.js";
import { addParamsFor } from "./add-params-for.js";
import { expectedProviderCost } from "./provider-cost.js";
import { moveOrder } from "../orders/lifecycle/index.js";

/**
 * Sends one PENDING auto order to its provider, at most once per claim:
 *   claim PENDING → SUBMITTING (with a lease) → balance check → `add` → record the outcome.
 * Whoever loses the claim does nothing, so concurrent callers cause one `add`.
 * Returns the order as it stands afterwards.
 */
export async function forwardOrder(deps: Deps, orderId: number): Promise<Order> {
  const claimed = await claim(deps, orderId);
  if (!claimed) return deps.db.order.findUniqueOrThrow({ where: { id: orderId } });
  const { order, service, provider } = claimed;
  if (!provider || !provider.active || !order.providerServiceId) {
    return recordProviderOutcome(deps, order.id, { kind: "rejected", reason: "no_provider", error: "No active provider for this service" });
  }
  const cost = expectedProviderCost(deps.config, order, service, provider.currency);
  const balance = await providerBalance(deps, provider);
  if (balance !== null && balance.lt(cost)) {
    return recordProviderOutcome(deps, order.id, {
      kind: "rejected",
      reason: "provider_balance",
      error: `Provider balance ${balance.toFixed(4)} ${provider.currency} is below the order's cost ${cost.toFixed(4)}`,
    });
  }
  let result: AddResult;
  try {
    result = await providerClient(deps, provider, order.id).add(addParamsFor(order, service));
  } catch (error) {
    if (!(error instanceof AddParamsError)) throw error;
    result = { kind: "rejected", reason: "other", error: `Not sent: ${error.message}` };
  }
  const outcome = toOutcome(deps, order, result);
  const recorded = await recordProviderOutcome(deps, order.id, outcome);
  if (result.kind === "accepted") await spendCachedBalance(deps, provider.id, cost);
  deps.logger.info({ orderId: order.id, providerId: provider.id, outcome: result.kind }, "Order forwarded");
  return recorded;
}

async function claim(deps: Deps, orderId: number): Promise<{ order: Order; service: Service; provider: Provider | null } | null> {
  const now = deps.now();
  const moved = await moveOrder(deps.db, orderId, {
    event: "forward",
    by: "system", at: now,
    where: { OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }] },
    data: { leaseUntil: new Date(now.getTime() + deps.config.SUBMIT_LEASE_SECONDS * 1000), submitAttempts: { increment: 1 } },
  });
  if (!moved) return null;
  const order = await deps.db.order.findUniqueOrThrow({ where: { id: orderId }, include: { service: true, provider: true } });
  return { order, service: order.service, provider: order.provider };
}

function toOutcome(deps: Deps, order: Order, result: AddResult): ProviderOutcome {
  if (result.kind !== "not_sent") return result.kind === "rejected" ? { kind: "rejected", reason: result.reason, error: result.error } : result;
  // The request never left: retry after the configured delays, then give up as FAILED.
  const delays = deps.config.FORWARD_RETRY_DELAYS;
  const delay = delays[order.submitAttempts - 1];
  const retryAt = delay === undefined ? null : new Date(deps.now().getTime() + delay * 1000);
  return { kind: "not_sent", error: result.error, retryAt };
}
