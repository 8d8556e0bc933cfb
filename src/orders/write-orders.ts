import type { Order, OrderSource, Prisma } from "@prisma/client";
import type { Tx } from "../db/client.js";
import { post } from "../money/ledger.js";
import { enqueue } from "../outbox/enqueue.js";
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
 * Writes one charged order inside the caller's transaction: the order row, its ORDER_CHARGE
 * ledger entry (the balance floor is enforced there) and, for auto services, the forwarding
 * hand-off. Manual services wait for an admin instead.
 */
export async function writeOrder(tx: Tx, owner: OrderOwner, draft: OrderDraft, meta: DraftMeta = {}): Promise<Order> {
  const manual = meta.isManual === true || draft.service.mode === "MANUAL";
  const charge = meta.charge ?? draft.charge;
  const order = await tx.order.create({
    data: {
      userId: owner.userId,
      accountId: owner.accountId,
      serviceId: draft.service.id,
      source: owner.source,
      link: draft.link,
      quantity: draft.quantity,
      extra: draft.extra as Prisma.InputJsonObject | undefined,
      charge,
      cost: draft.cost,
      idempotencyKey: meta.idempotencyKey ?? null,
      batchId: meta.batchId ?? null,
      isManual: manual,
      adminNotes: meta.adminNotes ?? null,
      providerId: manual ? null : draft.service.providerId,
      providerServiceId: manual ? null : draft.service.providerServiceId,
      groupChatId: meta.groupChatId ?? null,
      groupMessageId: meta.groupMessageId ?? null,
    },
  });
  if (manual) {
    await enqueue(tx, "notify-admin-order", { orderId: order.id, event: "manual_new" }, { orderId: order.id, dedupeKey: `manual_new:${order.id}` });
  } else {
    await enqueue(tx, "forward-order", { orderId: order.id }, { orderId: order.id });
  }
  // The debit locks the account row until commit: it goes last so concurrent orders on one account wait least.
  if (charge.gt(0)) {
    await post(tx, { accountId: owner.accountId, amount: charge.negated(), kind: "ORDER_CHARGE", orderId: order.id });
  }
  return order;
}
