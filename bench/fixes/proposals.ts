// Proposed changes, written in bench code so they can be measured next to the shipped code
// without touching src/. Each one is described in README "Benchmarks" and in the report.
import type { Provider } from "@prisma/client";
import type { Db } from "../../src/db/client.js";
import { isUniqueViolation } from "../../src/db/transaction.js";
import type { Deps } from "../../src/deps.js";
import { applyProviderStatus, type ProviderStatusReport } from "../../src/orders/apply-provider-status.js";
import { checkIdempotencyKey, type PlaceOrderInput } from "../../src/orders/place-order.js";
import { prepareOrder, type OrderableService } from "../../src/orders/prepare-order.js";
import { MAX_IDS_PER_CALL, ProviderError, type OrderStatus } from "../../src/providers/api-client.js";
import { providerClient } from "../../src/providers/provider-gateway.js";
import { ForbiddenError, InsufficientBalanceError, NotFoundError, ValidationError } from "../../src/shared/errors.js";
import { runLimited } from "../../src/shared/run-limited.js";

// ---------------------------------------------------------------------------------------------
// Fix A (stuck detection): two partial indexes — a migration, no code change.

export const STUCK_INDEXES = [
  // delivery_unconfirmed: otherwise a scan of every COMPLETED order (≈ all of them), twice per pass.
  `CREATE INDEX IF NOT EXISTS "Order_delivery_unconfirmed_idx" ON "Order" ("completedAt")
     WHERE "isManual" AND "status" = 'COMPLETED' AND "deliveryNotifiedAt" IS NULL`,
  // The pass's counts (`status IN (not final) OR stuck`): otherwise a scan of the whole (stuck, status) index.
  `CREATE INDEX IF NOT EXISTS "Order_not_final_or_stuck_idx" ON "Order" ("status", "stuck")
     WHERE "status" IN ('PENDING','SUBMITTING','UNKNOWN','FAILED','IN_PROGRESS') OR "stuck"`,
];
export const DROP_STUCK_INDEXES = [`DROP INDEX IF EXISTS "Order_delivery_unconfirmed_idx"`, `DROP INDEX IF EXISTS "Order_not_final_or_stuck_idx"`];

// ---------------------------------------------------------------------------------------------
// Fix B (placement): the same placement in 2 statements instead of 11. One read (idempotency key,
// customer, service and category), then one statement whose CTEs debit the account, write the
// order, the outbox hand-off and the ledger entry: atomic without an interactive transaction, and
// the account row is locked only for that one statement. Validation and pricing stay in prepareOrder.

interface PlacementRead {
  earlier: number | null;
  blocked: boolean | null;
  accountId: number | null;
  service: Record<string, unknown> | null;
  categoryActive: boolean | null;
}

export async function placeOrderTwoStatements(db: Db, input: PlaceOrderInput): Promise<{ orderId: number; created: boolean }> {
  checkIdempotencyKey(input.idempotencyKey);
  const key = input.idempotencyKey ?? null;
  const [read] = await db.$queryRaw<PlacementRead[]>`
    SELECT (SELECT o.id FROM "Order" o WHERE o."userId" = ${input.userId} AND o."idempotencyKey" = ${key}) AS earlier,
           (SELECT u."blocked" FROM "User" u WHERE u.id = ${input.userId}) AS blocked,
           (SELECT a.id FROM "Account" a WHERE a."userId" = ${input.userId}) AS "accountId",
           (SELECT to_jsonb(s) FROM "Service" s WHERE s.id = ${input.serviceId}) AS service,
           (SELECT c."active" FROM "Service" s JOIN "Category" c ON c.id = s."categoryId" WHERE s.id = ${input.serviceId}) AS "categoryActive"`;
  if (read?.earlier) return { orderId: read.earlier, created: false };
  if (!read || read.blocked === null) throw new NotFoundError("User", input.userId);
  if (read.blocked) throw new ForbiddenError("This account is blocked");
  if (read.accountId === null) throw new NotFoundError("Account of user", input.userId);
  if (!read.service) throw new NotFoundError("Service", input.serviceId);
  const service = { ...read.service, category: { active: read.categoryActive } } as unknown as OrderableService;
  if (!service.active || !read.categoryActive) throw new ValidationError("serviceId", "service_unavailable", "This service is not available right now");
  const draft = prepareOrder(service, input);
  const manual = draft.service.mode === "MANUAL";
  try {
    const rows = await db.$queryRaw<{ id: number }[]>`
      WITH debit AS (
        UPDATE "Account" SET "balance" = "balance" - ${draft.charge}::numeric, "updatedAt" = now()
         WHERE "id" = ${read.accountId} AND "balance" - ${draft.charge}::numeric >= -"creditLimit"
        RETURNING "balance"),
      o AS (
        INSERT INTO "Order" ("userId","accountId","serviceId","source","link","quantity","extra","charge","cost","idempotencyKey",
                             "isManual","providerId","providerServiceId","updatedAt")
        SELECT ${input.userId}, ${read.accountId}, ${draft.service.id}, ${input.source ?? "BOT"}::"OrderSource", ${draft.link}, ${draft.quantity},
               ${draft.extra === undefined ? null : JSON.stringify(draft.extra)}::jsonb, ${draft.charge}::numeric, ${draft.cost ?? null}::numeric, ${key},
               ${manual}, ${manual ? null : draft.service.providerId}, ${manual ? null : draft.service.providerServiceId}, now()
          FROM debit
        RETURNING "id"),
      hand_off AS (
        INSERT INTO "Outbox" ("kind","payload","orderId","dedupeKey","availableAt")
        SELECT ${manual ? "notify-admin-order" : "forward-order"},
               CASE WHEN ${manual} THEN jsonb_build_object('orderId', o.id, 'event', 'manual_new') ELSE jsonb_build_object('orderId', o.id) END,
               o.id, CASE WHEN ${manual} THEN 'manual_new:' || o.id END, now()
          FROM o),
      entry AS (
        INSERT INTO "LedgerEntry" ("accountId","kind","amount","balanceAfter","orderId")
        SELECT ${read.accountId}, 'ORDER_CHARGE', -${draft.charge}::numeric, debit."balance", o.id FROM o, debit)
      SELECT o.id FROM o`;
    const row = rows[0];
    if (!row) {
      const account = await db.account.findUniqueOrThrow({ where: { id: read.accountId }, select: { balance: true, creditLimit: true } });
      throw new InsufficientBalanceError(account.balance.add(account.creditLimit).toFixed(2), draft.charge.toFixed(2));
    }
    return { orderId: row.id, created: true };
  } catch (error) {
    // A concurrent request with the same key won: answer with its order ($queryRaw reports 23505 as P2010).
    const code = (error as { meta?: { code?: string } }).meta?.code;
    if (key && (isUniqueViolation(error) || code === "23505")) {
      const winner = await db.order.findUnique({ where: { userId_idempotencyKey: { userId: input.userId, idempotencyKey: key } }, select: { id: true } });
      if (winner) return { orderId: winner.id, created: false };
    }
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Fix C (status sync): orders that moved without changing status (start count, remains, status
// text) carry no money; they are written with one UPDATE … FROM unnest(…) per call instead of one
// transaction of 5 statements each. Transitions (Completed/Partial/Canceled) still go through
// applyProviderStatus. Otherwise the same as syncProviderOrders.

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

export async function syncProviderOrdersBatched(deps: Deps, providerId: number): Promise<{ checked: number; transitions: number; calls: number }> {
  const provider = (await deps.db.provider.findUniqueOrThrow({ where: { id: providerId } })) as Provider;
  const orders = await deps.db.order.findMany({
    where: { providerId, status: "IN_PROGRESS", providerOrderId: { not: null } },
    select: { id: true, providerOrderId: true, status: true, remains: true, startCount: true, providerStatus: true, providerCharge: true },
    orderBy: [{ lastStatusCheck: { sort: "asc", nulls: "first" } }, { id: "asc" }],
  });
  const client = providerClient(deps, provider);
  let checked = 0;
  let transitions = 0;
  let calls = 0;
  for (let i = 0; i < orders.length; i += MAX_IDS_PER_CALL) {
    const batch = orders.slice(i, i + MAX_IDS_PER_CALL);
    calls += 1;
    let replies;
    try {
      replies = await client.multiStatus(batch.map((o) => o.providerOrderId!));
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      continue;
    }
    const now = deps.now();
    const unchanged: number[] = [];
    const progress: { id: number; r: ProviderStatusReport }[] = [];
    const moving: { id: number; r: ProviderStatusReport }[] = [];
    for (const order of batch) {
      const reply = replies.get(order.providerOrderId!);
      checked += 1;
      if (!reply || !reply.ok) {
        await deps.db.order.update({ where: { id: order.id }, data: { lastStatusCheck: now, providerError: `Status check: ${reply?.error ?? "missing"}` } });
        continue;
      }
      const r = toReport(reply);
      if (isNoChange(order, r)) unchanged.push(order.id);
      else if (r.status === "in_progress") progress.push({ id: order.id, r });
      else moving.push({ id: order.id, r });
    }
    if (unchanged.length) await deps.db.order.updateMany({ where: { id: { in: unchanged } }, data: { lastStatusCheck: now } });
    if (progress.length) {
      const col = <T>(f: (r: ProviderStatusReport) => T) => progress.map((p) => f(p.r));
      await deps.db.$executeRaw`
        UPDATE "Order" o
           SET "providerStatus" = v.raw, "lastStatusCheck" = ${now},
               "startCount" = COALESCE(v.start_count, o."startCount"),
               "remains" = CASE WHEN v.has_remains THEN v.remains ELSE o."remains" END,
               "providerCharge" = COALESCE(v.charge, o."providerCharge"),
               "providerCurrency" = COALESCE(v.currency, o."providerCurrency"),
               "providerError" = COALESCE(v.warning, o."providerError"),
               "lastProgressAt" = CASE WHEN (v.remains IS NOT NULL AND v.remains IS DISTINCT FROM o."remains") OR (v.start_count IS NOT NULL AND o."startCount" IS NULL)
                                       THEN ${now} ELSE o."lastProgressAt" END,
               "updatedAt" = now()
          FROM unnest(${progress.map((p) => p.id)}::int[], ${col((r) => r.raw)}::text[], ${col((r) => r.startCount ?? null)}::int[],
                      ${col((r) => r.remains ?? null)}::int[], ${col((r) => r.remains !== undefined)}::bool[], ${col((r) => r.charge ?? null)}::numeric[],
                      ${col((r) => r.currency ?? null)}::text[], ${col((r) => r.warning ?? null)}::text[])
               AS v(id, raw, start_count, remains, has_remains, charge, currency, warning)
         WHERE o.id = v.id AND o."status" = 'IN_PROGRESS'`;
    }
    const applied = await runLimited(moving, 8, (c) => applyProviderStatus(deps.db, c.id, c.r));
    for (const a of applied) if (a.status === "fulfilled" && a.value.changed) transitions += 1;
  }
  return { checked, transitions, calls };
}
