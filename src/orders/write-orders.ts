import { Prisma, type Order, type OrderSource, type Service } from "@prisma/client";
import type { SqlClient } from "../db/sql-client.js";
import { accountFloor, floorAllows, floorRefused, ledgerEntryCte, moveBalanceCte, refusedMove } from "../money/ledger.js";
import { DEDUPE_KEYS, sqlKey, type OutboxKind } from "../outbox/kinds.js";
import type { Decimal } from "../money/decimal.js";
import { PriceChangedError } from "../shared/errors.js";
import { amountFor } from "./pricing.js";
import type { OrderDraft } from "./prepare-order.js";

export interface OrderOwner {
  userId: number;
  /** The paying account: the user's own, or a registered group's. */
  accountId: number;
  source: OrderSource;
}

export interface DraftMeta {
  idempotencyKey?: string;
  batchId?: string;
  isManual?: boolean;
  adminNotes?: string;
  groupChatId?: bigint;
  groupMessageId?: number;
}

/**
 * Writes one charged order: the ledger's conditional debit of the account (the balance floor is
 * enforced there), the order row, its ORDER_CHARGE ledger entry and the hand-off — to forwarding
 * for auto services, to the admins for manual ones — as ONE statement. It is atomic on its own and
 * locks the account row only for that statement; inside a caller's transaction (mass orders) it
 * joins it (sqlIn); a single order runs it on node-postgres (sqlOf), where it costs a fraction of
 * Prisma's CPU. When the draft was priced from the service, the debit also requires the service
 * price to be unchanged, so a price edit racing the placement cannot charge a stale price.
 * Writes nothing and raises InsufficientBalanceError or PriceChangedError otherwise.
 */
/** What a placement hands the order to: the admins (a notification) for a manual order, the forwarder otherwise. */
function handOffKind(manual: boolean): OutboxKind {
  return manual ? "notify-admin-order" : "forward-order";
}

/** Whether placing this order queued a notification to deliver (the caller may send it at once). */
export function placementNotifies(order: Pick<Order, "isManual">): boolean {
  return handOffKind(order.isManual) !== "forward-order";
}

export async function writeOrder(sql: SqlClient, owner: OrderOwner, draft: OrderDraft, meta: DraftMeta, now: Date): Promise<Order> {
  const manual = meta.isManual === true || draft.service.mode === "MANUAL";
  const { charge, pricedAt } = draft;
  const at = Prisma.sql`${now}::timestamp`;
  const extra = draft.extra === undefined ? null : JSON.stringify(draft.extra);
  const priceUnchanged = pricedAt
    ? Prisma.sql`EXISTS (SELECT 1 FROM "Service" s WHERE s."id" = ${pricedAt.serviceId} AND s."price" = ${pricedAt.price}::numeric
                           AND s."priceUnit" = ${pricedAt.priceUnit}::"PriceUnit")`
    : Prisma.sql`TRUE`;
  const rows = await sql.rows<Order>(Prisma.sql`
    WITH ${moveBalanceCte(owner.accountId, charge.negated(), priceUnchanged)},
    placed AS (
      INSERT INTO "Order" ("userId", "accountId", "serviceId", "source", "link", "quantity", "extra", "charge", "cost",
                           "idempotencyKey", "batchId", "isManual", "adminNotes", "providerId", "providerServiceId",
                           "groupChatId", "groupMessageId", "createdAt", "updatedAt")
      SELECT ${owner.userId}, ${owner.accountId}, ${draft.service.id}, ${owner.source}::"OrderSource", ${draft.link}, ${draft.quantity},
             ${extra}::jsonb, ${charge}::numeric, ${draft.cost}::numeric, ${meta.idempotencyKey ?? null}, ${meta.batchId ?? null},
             ${manual}, ${meta.adminNotes ?? null}, ${manual ? null : draft.service.providerId}::int,
             ${manual ? null : draft.service.providerServiceId}, ${meta.groupChatId ?? null}::bigint, ${meta.groupMessageId ?? null}::int, ${at}, ${at}
        FROM moved
      RETURNING *),
    ${ledgerEntryCte({ accountId: owner.accountId, kind: "ORDER_CHARGE", amount: charge.negated(), orderId: Prisma.sql`placed."id"`, from: Prisma.sql`placed, moved`, skipZero: true, at: now })},
    hand_off AS (
      INSERT INTO "Outbox" ("kind", "payload", "orderId", "dedupeKey", "availableAt", "createdAt")
      SELECT ${handOffKind(manual)},
             ${manual ? Prisma.sql`jsonb_build_object('orderId', placed."id", 'event', 'manual_new')` : Prisma.sql`jsonb_build_object('orderId', placed."id")`},
             placed."id", ${manual ? sqlKey(DEDUPE_KEYS.manualNew(Prisma.sql`placed."id"`)) : Prisma.sql`NULL`}, ${at}, ${at}
        FROM placed)
    SELECT * FROM placed`);
  const order = rows[0];
  if (order) return order;
  if (!pricedAt) return refusedMove(sql, owner.accountId, charge.negated());
  // Tell the two refusals apart, reading the service only when the balance floor did not refuse.
  const account = await accountFloor(sql, owner.accountId);
  if (!floorAllows(account, charge.negated())) throw floorRefused(account, charge.negated());
  const [current] = await sql.rows<{ price: Decimal; priceUnit: Service["priceUnit"] }>(
    Prisma.sql`SELECT "price", "priceUnit"::text AS "priceUnit" FROM "Service" WHERE "id" = ${pricedAt.serviceId}`,
  );
  if (!current || !current.price.eq(pricedAt.price) || current.priceUnit !== pricedAt.priceUnit) {
    throw new PriceChangedError(current ? amountFor(current.price, current.priceUnit, draft.quantity).toFixed(4) : "0.0000", charge.toFixed(4));
  }
  throw floorRefused(account, charge.negated());
}
