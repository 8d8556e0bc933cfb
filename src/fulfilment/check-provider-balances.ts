import type { Order, Provider } from "@prisma/client";
import type { Actor } from "../audit/actor.js";
import type { Deps } from "../deps.js";
import { isUniqueViolation, transaction } from "../db/transaction.js";
import { Decimal } from "../money/decimal.js";
import { resubmitOrder } from "./resubmit-orders.js";
import { enqueue } from "../outbox/enqueue.js";
import { DomainError } from "../shared/errors.js";
import { runLimited } from "../shared/run-limited.js";
import { providerBalance } from "../catalogue/provider-gateway.js";

export interface ProviderBalanceReport {
  providerId: number;
  /** The live balance in the provider's currency; null when the provider could not be asked. */
  balance: string | null;
  /** Below the provider's lowBalanceAlert. */
  low: boolean;
  /** What was announced to the admins in this pass, if anything. */
  announced: "low_balance" | "balance_recovered" | null;
  /** Orders resubmitted automatically (AUTO_RESUBMIT_ON_BALANCE), oldest first. */
  resubmitted: number[];
}

/** Who the audit log names for automatic resubmits. */
export const AUTO_RESUBMIT_ACTOR: Actor = Object.freeze({ label: "job:auto-resubmit", isAdmin: true });

/** Orders resubmitted per provider per pass at most (the rest wait for the next pass). */
const MAX_RESUBMITS_PER_PASS = 200;

/**
 * One pass over every active provider: asks each for its live balance, stores it, and
 * - announces to the admins (outbox `notify-admin-provider`) when it fell below the provider's
 *   `lowBalanceAlert`: once per drop — a later pass announces nothing until the balance has been
 *   seen back at or above the threshold ("balance_recovered", also announced), after which the
 *   next drop is announced again;
 * - with AUTO_RESUBMIT_ON_BALANCE on, resubmits that provider's orders FAILED for
 *   `provider_balance`, oldest first, while the balance covers them (each resubmit re-checks the
 *   live balance and goes through the normal forwarding path, so it is sent at most once).
 * A provider that cannot be asked is skipped (nothing announced, nothing resubmitted).
 */
export async function checkProviderBalances(deps: Deps): Promise<ProviderBalanceReport[]> {
  const providers = await deps.db.provider.findMany({ where: { active: true }, orderBy: { id: "asc" } });
  const results = await runLimited(providers, 4, (p) => checkOne(deps, p));
  return results.flatMap((r, i) => {
    if (r.status === "fulfilled") return [r.value];
    deps.logger.error({ err: r.reason, providerId: providers[i]!.id }, "Provider balance check failed");
    return [];
  });
}

async function checkOne(deps: Deps, provider: Provider): Promise<ProviderBalanceReport> {
  const report: ProviderBalanceReport = { providerId: provider.id, balance: null, low: false, announced: null, resubmitted: [] };
  const balance = await providerBalance(deps, provider, { fresh: true });
  if (balance === null) return report;
  report.balance = balance.toString();
  if (provider.lowBalanceAlert !== null) {
    const threshold = new Decimal(provider.lowBalanceAlert);
    report.low = balance.lt(threshold);
    report.announced = await announceTransition(deps, provider, balance, threshold);
  }
  if (deps.config.AUTO_RESUBMIT_ON_BALANCE) report.resubmitted = await resubmitWhileCovered(deps, provider);
  return report;
}

/**
 * The last announcement about this provider tells whether the current drop was already
 * announced. The dedupe key names that last announcement, so two passes racing on the same
 * state write one row.
 */
async function announceTransition(deps: Deps, provider: Provider, balance: Decimal, threshold: Decimal): Promise<ProviderBalanceReport["announced"]> {
  try {
    return await announceIfChanged(deps, provider, balance, threshold);
  } catch (error) {
    // A concurrent pass wrote the same announcement first.
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

async function announceIfChanged(deps: Deps, provider: Provider, balance: Decimal, threshold: Decimal): Promise<ProviderBalanceReport["announced"]> {
  return transaction(deps.db, async (tx) => {
    const [last] = await tx.$queryRaw<{ id: bigint; event: string }[]>`
      SELECT "id", "payload"->>'event' AS event FROM "Outbox"
       WHERE "kind" = 'notify-admin-provider' AND "payload"->>'providerId' = ${String(provider.id)}
       ORDER BY "id" DESC LIMIT 1`;
    const lowAnnounced = last?.event === "low_balance";
    const event = balance.lt(threshold) ? (lowAnnounced ? null : "low_balance") : lowAnnounced ? "balance_recovered" : null;
    if (!event) return null;
    await enqueue(
      tx,
      "notify-admin-provider",
      { providerId: provider.id, event, balance: balance.toString(), threshold: threshold.toString(), currency: provider.currency, after: Number(last?.id ?? 0) },
      deps.now(),
    );
    deps.logger.info({ providerId: provider.id, balance: balance.toString(), threshold: threshold.toString(), event }, "Provider balance announcement");
    return event;
  });
}

async function resubmitWhileCovered(deps: Deps, provider: Provider): Promise<number[]> {
  const waiting = await deps.db.order.findMany({
    where: { providerId: provider.id, status: "FAILED", failureReason: "provider_balance", isManual: false },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true },
    take: MAX_RESUBMITS_PER_PASS,
  });
  const done: number[] = [];
  for (const { id } of waiting) {
    let after: Order;
    try {
      after = await resubmitOrder(deps, { orderId: id, actor: AUTO_RESUBMIT_ACTOR });
    } catch (error) {
      // The balance no longer covers the next order: the rest wait for the next recovery.
      if (error instanceof DomainError && error.code === "provider_balance") break;
      // Someone else moved this order meanwhile (an admin resubmitted or cancelled it): skip it.
      if (error instanceof DomainError) continue;
      throw error;
    }
    done.push(id);
    deps.logger.info({ orderId: id, providerId: provider.id, status: after.status }, "Order resubmitted automatically after the provider balance recovered");
    // Refused again for its balance although the live figure looked enough: stop until the next pass.
    if (after.status === "FAILED" && after.failureReason === "provider_balance") break;
  }
  return done;
}
