import { Prisma, type Order, type OrderSource } from "@prisma/client";
import type { Tx } from "../db/client.js";
import { InsufficientBalanceError } from "../shared/errors.js";
import { exactMoneyText } from "../money/decimal.js";
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
  /** Overrides the draft's charge (admin-created manual orders). */
  charge?: OrderDraft["charge"];
}

/**
 * Writes one charged order: the conditional debit of the account (the balance floor is enforced
 * there), the order row, its ORDER_CHARGE ledger entry and the hand-off — to forwarding for auto
 * services, to the admins for manual ones — as ONE statement. It is atomic on its own and locks the
 * account row only for that statement; inside a caller's transaction (mass orders) it joins it.
 * A debit the floor refuses writes nothing and raises InsufficientBalanceError.
 */
export async function writeOrder(tx: Tx, owner: OrderOwner, draft: OrderDraft, meta: DraftMeta = {}): Promise<Order> {
  const manual = meta.isManual === true || draft.service.mode === "MANUAL";
  const charge = meta.charge ?? draft.charge;
  const extra = draft.extra === undefined ? null : JSON.stringify(draft.extra);
  const rows = await tx.$queryRaw<Order[]>`
    WITH debit AS (
      UPDATE "Account" SET "balance" = "balance" - ${charge}::numeric, "updatedAt" = now()
       WHERE "id" = ${owner.accountId} AND "balance" - ${charge}::numeric >= -"creditLimit"
      RETURNING "balance"),
    placed AS (
      INSERT INTO "Order" ("userId", "accountId", "serviceId", "source", "link", "quantity", "extra", "charge", "cost",
                           "idempotencyKey", "batchId", "isManual", "adminNotes", "providerId", "providerServiceId",
                           "groupChatId", "groupMessageId", "updatedAt")
      SELECT ${owner.userId}, ${owner.accountId}, ${draft.service.id}, ${owner.source}::"OrderSource", ${draft.link}, ${draft.quantity},
             ${extra}::jsonb, ${charge}::numeric, ${draft.cost}::numeric, ${meta.idempotencyKey ?? null}, ${meta.batchId ?? null},
             ${manual}, ${meta.adminNotes ?? null}, ${manual ? null : draft.service.providerId}::int,
             ${manual ? null : draft.service.providerServiceId}, ${meta.groupChatId ?? null}::bigint, ${meta.groupMessageId ?? null}::int, now()
        FROM debit
      RETURNING *),
    entry AS (
      INSERT INTO "LedgerEntry" ("accountId", "kind", "amount", "balanceAfter", "orderId")
      SELECT ${owner.accountId}, 'ORDER_CHARGE', -${charge}::numeric, debit."balance", placed."id"
        FROM placed, debit WHERE ${charge}::numeric > 0),
    hand_off AS (
      INSERT INTO "Outbox" ("kind", "payload", "orderId", "dedupeKey", "availableAt")
      SELECT ${manual ? "notify-admin-order" : "forward-order"},
             ${manual ? Prisma.sql`jsonb_build_object('orderId', placed."id", 'event', 'manual_new')` : Prisma.sql`jsonb_build_object('orderId', placed."id")`},
             placed."id", ${manual ? Prisma.sql`'manual_new:' || placed."id"` : Prisma.sql`NULL`}, now()
        FROM placed)
    SELECT * FROM placed`;
  const order = rows[0];
  if (order) return order;
  const account = await tx.account.findUniqueOrThrow({ where: { id: owner.accountId }, select: { balance: true, creditLimit: true } });
  throw new InsufficientBalanceError(exactMoneyText(account.balance.add(account.creditLimit)), exactMoneyText(charge));
}
