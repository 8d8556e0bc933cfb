import { Prisma, type Order, type Provider } from "@prisma/client";
import { sqlOf } from "../db/sql-client.js";
import type { Deps } from "../deps.js";
import { applyProviderStatus, applyProviderStatuses, interpretReport, type ProviderStatusReport } from "./apply-provider-status.js";
import { MAX_IDS_PER_CALL, ProviderError, type OrderStatus } from "../providers/api-client.js";
import { providerClient } from "../catalogue/provider-gateway.js";
import { NotFoundError, InvalidStateError } from "../shared/errors.js";
import { runLimited } from "../shared/run-limited.js";
import { recordChecked, recordProgress } from "./record-progress.js";
import { syncRefills } from "./sync-refills.js";

export interface SyncOptions {
  /** Pause between two calls to one provider; default SYNC_PACE_MS. */
  paceMs?: number;
}

export interface ProviderSyncReport {
  providerId: number;
  checked: number;
  calls: number;
  transitions: number;
  /** Orders whose entry in a multi reply was an error (e.g. "Incorrect order ID"). */
  perIdErrors: number;
  /** Whole calls that failed (network, HTML, bad key): their orders wait for the next pass. */
  failedCalls: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Checks every order of one provider that is at the provider, in multi-status calls of ≤ 100 ids. */
export async function syncProviderOrders(deps: Deps, providerId: number, options: SyncOptions = {}): Promise<ProviderSyncReport> {
  const provider = await deps.db.provider.findUnique({ where: { id: providerId } });
  if (!provider) throw new NotFoundError("Provider", providerId);
  const paceMs = options.paceMs ?? deps.config.SYNC_PACE_MS;
  const report: ProviderSyncReport = { providerId, checked: 0, calls: 0, transitions: 0, perIdErrors: 0, failedCalls: 0 };
  const orders = await ordersAtProvider(deps.db, providerId);
  const client = providerClient(deps, provider);
  for (let i = 0; i < orders.length; i += MAX_IDS_PER_CALL) {
    if (i > 0 && paceMs > 0) await sleep(paceMs);
    const batch = orders.slice(i, i + MAX_IDS_PER_CALL);
    report.calls += 1;
    let replies: Map<string, ({ ok: true } & OrderStatus) | { ok: false; error: string }>;
    try {
      replies = await client.multiStatus(batch.map((o) => o.providerOrderId));
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      report.failedCalls += 1;
      deps.logger.warn({ providerId, err: error.message }, "Status sync call failed; its orders wait for the next pass");
      continue;
    }
    const now = deps.now();
    const unchanged: number[] = [];
    const changed: { id: number; quantity: number; report: ProviderStatusReport }[] = [];
    const errors: { id: number; error: string }[] = [];
    for (const order of batch) {
      const reply = replies.get(order.providerOrderId);
      report.checked += 1;
      if (!reply || !reply.ok) {
        errors.push({ id: order.id, error: reply?.error ?? "missing from the provider's reply" });
        continue;
      }
      const r = interpretReport(toReport(reply), order.quantity);
      if (isNoChange(order, r)) unchanged.push(order.id);
      else changed.push({ id: order.id, quantity: order.quantity, report: r });
    }
    // Most orders have not moved since the last pass: one statement records the check for all of them.
    await recordChecked(deps.db, unchanged, now);
    for (const e of errors) {
      report.perIdErrors += 1;
      await deps.db.order.update({ where: { id: e.id }, data: { lastStatusCheck: now, providerError: `Status check: ${e.error}` } });
    }
    await recordProgress(deps.db, changed.filter((c) => c.report.status === "in_progress"), now);
    const moving = changed.filter((c) => c.report.status !== "in_progress");
    try {
      report.transitions += await applyProviderStatuses(deps, moving);
    } catch (error) {
      // One bad order must not hold back the others: order by order, each in its own transaction.
      deps.logger.warn({ err: error, providerId }, "Batched status changes failed; applying them one by one");
      const applied = await runLimited(moving, 8, (c) => applyProviderStatus(deps, c.id, c.report));
      for (const [j, a] of applied.entries()) {
        if (a.status === "fulfilled") report.transitions += a.value.changed ? 1 : 0;
        else deps.logger.error({ err: a.reason, orderId: moving[j]!.id }, "Could not apply a provider status");
      }
    }
  }
  await syncRefills(deps, provider, paceMs);
  return report;
}

/**
 * The orders of one provider to ask about, least recently checked first. On node-postgres: a pass
 * reads every active order of the provider, and Prisma's runtime cost more CPU than the query.
 */
async function ordersAtProvider(db: Deps["db"], providerId: number) {
  return sqlOf(db).rows<Pick<Order, "id" | "status" | "quantity" | "remains" | "startCount" | "providerStatus" | "providerCharge"> & { providerOrderId: string }>(Prisma.sql`
    SELECT "id", "providerOrderId", "status"::text AS "status", "quantity", "remains", "startCount", "providerStatus", "providerCharge"
      FROM "Order"
     WHERE "providerId" = ${providerId} AND "status" = 'IN_PROGRESS' AND "providerOrderId" IS NOT NULL
     ORDER BY "lastStatusCheck" ASC NULLS FIRST, "id" ASC`);
}

/** All active providers in parallel; each paced on its own. */
export async function syncAllProviders(deps: Deps, options: SyncOptions = {}): Promise<ProviderSyncReport[]> {
  const providers = await deps.db.provider.findMany({ where: { active: true }, select: { id: true } });
  const results = await Promise.allSettled(providers.map((p) => syncProviderOrders(deps, p.id, options)));
  return results.flatMap((r, i) => {
    if (r.status === "fulfilled") return [r.value];
    deps.logger.error({ err: r.reason, providerId: providers[i]!.id }, "Provider sync failed");
    return [];
  });
}

/** Force-sync of one order (admin): a single status call, applied at once. */
export async function syncOrder(deps: Deps, orderId: number): Promise<Order> {
  const order = await deps.db.order.findUnique({ where: { id: orderId }, include: { provider: true } });
  if (!order) throw new NotFoundError("Order", orderId);
  if (!order.provider || !order.providerOrderId) throw new InvalidStateError(`Order #${orderId} is not at a provider`, { orderId });
  const status = await providerClient(deps, order.provider as Provider, order.id).status(order.providerOrderId);
  return (await applyProviderStatus(deps, order.id, toReport(status))).order;
}

function toReport(s: OrderStatus): ProviderStatusReport {
  return { status: s.status, raw: s.providerStatus, warning: s.warning, startCount: s.startCount, remains: s.remains, charge: s.charge, currency: s.currency };
}

function isNoChange(
  order: { remains: number | null; startCount: number | null; providerStatus: string | null; providerCharge: { toString(): string } | null },
  r: ProviderStatusReport,
): boolean {
  return (
    r.status === "in_progress" &&
    r.raw === order.providerStatus &&
    (r.remains ?? null) === order.remains &&
    (r.startCount == null || r.startCount === order.startCount) &&
    (r.charge == null || (order.providerCharge !== null && Number(r.charge) === Number(order.providerCharge.toString())))
  );
}
