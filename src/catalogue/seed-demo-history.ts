import type { Tx } from "../db/client.js";
import { bulkInsert } from "../db/bulk-insert.js";
import { Decimal } from "../money/decimal.js";
import { planDemoHistory, type PlanService } from "./demo-history-plan.js";

export interface DemoHistoryCounts {
  users: number;
  orders: number;
  topUps: number;
  ledgerEntries: number;
  tickets: number;
  providerCalls: number;
}

/**
 * Writes the demo's 30-day history inside the caller's transaction, one INSERT per table (nine
 * statements whatever the volume). Balances equal the sum of each account's ledger lines.
 */
export async function writeDemoHistory(tx: Tx, now: Date, services: PlanService[], providers: { fast: number; slow: number }, seed?: number): Promise<DemoHistoryCounts> {
  const plan = planDemoHistory(now, services, seed);
  const users = await bulkInsert<{ id: number; telegramId: bigint }>(tx, "User", plan.users.map((u) => ({ ...u, updatedAt: u.createdAt })), ["id", "telegramId"]);
  const userIdByTelegram = new Map(users.map((u) => [BigInt(u.telegramId), u.id]));
  const userId = plan.users.map((u) => userIdByTelegram.get(u.telegramId)!);
  const accounts = await bulkInsert<{ id: number; userId: number }>(
    tx,
    "Account",
    plan.users.map((u, i) => ({ userId: userId[i]!, balance: plan.balances[i]!, createdAt: u.createdAt, updatedAt: now })),
    ["id", "userId"],
  );
  const accountByUser = new Map(accounts.map((a) => [a.userId, a.id]));
  const accountId = userId.map((id) => accountByUser.get(id)!);

  const topUps = await bulkInsert<{ id: number; trxId: string }>(
    tx,
    "TopUp",
    plan.topUps.map(({ user, ...t }) => ({ ...t, userId: userId[user]!, accountId: accountId[user]!, updatedAt: t.decidedAt ?? t.createdAt })),
    ["id", "trxId"],
  );
  const topUpId = new Map(topUps.map((t) => [t.trxId, t.id]));

  const orders = await bulkInsert<{ id: number; idempotencyKey: string }>(
    tx,
    "Order",
    plan.orders.map((o) => ({
      userId: userId[o.user]!,
      accountId: accountId[o.user]!,
      serviceId: o.service.id,
      source: o.source,
      status: o.status,
      link: o.link,
      quantity: o.quantity,
      charge: o.charge,
      cost: o.cost,
      refunded: o.refunded,
      idempotencyKey: o.key,
      isManual: o.service.providerId === null,
      providerId: o.service.providerId,
      providerServiceId: o.service.providerServiceId,
      providerOrderId: o.providerOrderId,
      providerStatus: o.providerStatus,
      providerError: o.providerError,
      failureReason: o.failureReason,
      leaseUntil: o.leaseUntil,
      submitAttempts: o.providerOrderId || o.status === "UNKNOWN" || o.status === "FAILED" || o.status === "SUBMITTING" ? 1 : 0,
      startCount: o.startCount,
      remains: o.remains,
      startedAt: o.startedAt,
      takenAt: o.service.providerId === null ? o.startedAt : null,
      completedAt: o.completedAt,
      canceledAt: o.canceledAt,
      lastProgressAt: o.startedAt,
      lastStatusCheck: o.status === "IN_PROGRESS" ? new Date(now.getTime() - 5 * 60_000) : (o.completedAt ?? o.canceledAt),
      deliveryNotifiedAt: o.completedAt ?? o.canceledAt,
      createdAt: o.createdAt,
      updatedAt: o.completedAt ?? o.canceledAt ?? o.createdAt,
    })),
    ["id", "idempotencyKey"],
  );
  const orderId = new Map(orders.map((o) => [o.idempotencyKey!, o.id]));

  const running = plan.users.map(() => new Decimal(0));
  await bulkInsert(
    tx,
    "LedgerEntry",
    plan.ledger.map((line) => {
      running[line.user] = running[line.user]!.add(line.amount);
      return {
        accountId: accountId[line.user]!,
        kind: line.kind,
        amount: line.amount,
        balanceAfter: running[line.user]!,
        createdAt: line.at,
        topUpId: "topUp" in line ? topUpId.get(line.topUp)! : null,
        orderId: "order" in line ? orderId.get(line.order)! : null,
      };
    }),
  );

  const tickets = await bulkInsert<{ id: number; createdAt: Date }>(
    tx,
    "Ticket",
    plan.tickets.map((t) => ({ userId: userId[t.user]!, type: t.type, status: t.status, createdAt: t.createdAt, updatedAt: t.messages[t.messages.length - 1]!.at })),
    ["id", "createdAt"],
  );
  const ticketId = new Map(tickets.map((t) => [t.createdAt.getTime(), t.id]));
  await bulkInsert(
    tx,
    "TicketMessage",
    plan.tickets.flatMap((t) =>
      t.messages.map((m) => ({ ticketId: ticketId.get(t.createdAt.getTime())!, author: m.author, authorId: m.author === "CUSTOMER" ? userId[t.user]! : null, text: m.text, createdAt: m.at })),
    ),
  );
  await bulkInsert(
    tx,
    "TicketOrder",
    plan.tickets.filter((t) => t.order !== null).map((t) => ({ ticketId: ticketId.get(t.createdAt.getTime())!, orderId: orderId.get(t.order!)! })),
  );

  await bulkInsert(
    tx,
    "ProviderCall",
    plan.calls.map((c) => ({
      providerId: c.slow ? providers.slow : providers.fast,
      orderId: c.order === null ? null : orderId.get(c.order)!,
      action: c.action,
      request: { action: c.action, key: "****-key" },
      response: null,
      httpStatus: c.httpStatus,
      latencyMs: c.latencyMs,
      outcome: c.outcome,
      error: c.error,
      createdAt: c.createdAt,
    })),
  );
  return { users: users.length, orders: orders.length, topUps: topUps.length, ledgerEntries: plan.ledger.length, tickets: tickets.length, providerCalls: plan.calls.length };
}
