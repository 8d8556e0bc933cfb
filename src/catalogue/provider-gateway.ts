import type { Provider } from "@prisma/client";
import type { Deps } from "../deps.js";
import { Decimal } from "../money/decimal.js";
import { createProviderClient, type ProviderCallRecord, type ProviderClient } from "../providers/api-client.js";

/**
 * The API v2 client for one provider, with its key unsealed and every HTTP call written to the
 * ProviderCall log (tied to `orderId` when the call is about one order).
 */
export function providerClient(deps: Deps, provider: Provider, orderId?: number, observe?: (call: ProviderCallRecord) => void): ProviderClient {
  return createProviderClient({
    url: provider.url,
    apiKey: deps.box.open(provider.apiKeyEncrypted),
    timeoutMs: deps.config.PROVIDER_TIMEOUT_MS,
    onCall: (call) => {
      observe?.(call);
      return logCall(deps, provider.id, orderId ?? null, call);
    },
    onCallError: (error) => deps.logger.error({ err: error, providerId: provider.id }, "Could not write the provider call log"),
  });
}

async function logCall(deps: Deps, providerId: number, orderId: number | null, call: ProviderCallRecord): Promise<void> {
  await deps.db.providerCall.create({
    data: {
      providerId,
      orderId,
      action: call.action,
      request: call.request,
      response: call.response,
      httpStatus: call.httpStatus,
      latencyMs: Math.round(call.latencyMs),
      outcome: call.outcome,
      error: call.error,
    },
  });
}

const inFlight = new Map<number, Promise<Decimal | null>>();

/**
 * The provider's balance in its own currency: the stored figure while it is fresher than
 * PROVIDER_BALANCE_CACHE_SECONDS, else a live `balance` call (one at a time per provider).
 * null when the provider cannot be asked right now.
 */
export async function providerBalance(deps: Deps, provider: Provider, { fresh = false } = {}): Promise<Decimal | null> {
  const maxAgeMs = deps.config.PROVIDER_BALANCE_CACHE_SECONDS * 1000;
  if (!fresh && provider.balance !== null && provider.balanceCheckedAt && deps.now().getTime() - provider.balanceCheckedAt.getTime() < maxAgeMs) {
    return new Decimal(provider.balance);
  }
  const running = inFlight.get(provider.id);
  if (running) return running;
  const call = (async () => {
    try {
      const { balance, currency } = await providerClient(deps, provider).balance();
      await deps.db.provider.update({
        where: { id: provider.id },
        data: { balance, balanceCheckedAt: deps.now(), ...(currency ? { currency } : {}) },
      });
      return new Decimal(balance);
    } catch (error) {
      deps.logger.warn({ providerId: provider.id, err: error instanceof Error ? error.message : String(error) }, "Provider balance unavailable");
      return null;
    } finally {
      inFlight.delete(provider.id);
    }
  })();
  inFlight.set(provider.id, call);
  return call;
}

/** After an accepted order, lower the cached balance by what it should cost, so the cache stays a fair guard. */
export async function spendCachedBalance(deps: Deps, providerId: number, amount: Decimal): Promise<void> {
  if (amount.lte(0)) return;
  await deps.db.$executeRaw`UPDATE "Provider" SET "balance" = "balance" - ${amount}::numeric WHERE "id" = ${providerId} AND "balance" IS NOT NULL`;
}
