import type { Order, OrderSource } from "@prisma/client";
import type { Actor } from "../audit/actor.js";
import { writeAudit } from "../audit/write-audit.js";
import type { Db } from "../db/client.js";
import { sqlIn, sqlOf } from "../db/sql-client.js";
import { isUniqueViolation, transaction } from "../db/transaction.js";
import type { Deps } from "../deps.js";
import { Decimal } from "../money/decimal.js";
import { BatchValidationError, DomainError, PriceChangedError, ValidationError } from "../shared/errors.js";
import { requireActiveCustomer } from "../users/require-active-customer.js";
import { loadPlacement } from "./load-placement.js";
import { massOrderLines } from "./mass-order-lines.js";
import { loadOrderableService, prepareOrder, type OrderableService, type OrderDraft, type OrderRequest } from "./prepare-order.js";
import { keyReused, sameBatch, sameRequest } from "./same-request.js";
import { writeOrder, type DraftMeta, type OrderOwner } from "./write-orders.js";

/** Every way an order is placed: one order or a mass order's lines, with the variant's options. */
export type PlacementInput = {
  userId: number;
  source?: OrderSource;
  /** Caller-supplied key: the same key from the same user always names the same order(s). */
  idempotencyKey?: string;
  /**
   * The total charge the caller showed (bot summary; optional for APIs). The orders are written
   * only if they still cost exactly this: the write itself refuses a service price other than the
   * one this was computed from. Otherwise PriceChangedError and nothing is charged.
   */
  expectedCharge?: Decimal | string;
  /** An admin creates the order, fulfilled by hand; `charge` replaces the service price (e.g. "0"). */
  manual?: { actor: Actor; adminNotes?: string; charge?: string };
  /** A `.N` quick order in a registered group: charged at the group's rate to the group's account. */
  group?: { chatId: bigint; messageId: number; accountId: number; rate: Decimal; title: string | null };
} & ({ order: OrderRequest } | { massText: string });

export interface PlacedOrders {
  orders: Order[];
  /** false when the key named orders placed earlier: nothing new was written or charged. */
  created: boolean;
}

export function checkIdempotencyKey(key: string | undefined): void {
  if (key !== undefined && !/^[\x21-\x7e]{1,128}$/.test(key)) {
    throw new ValidationError("idempotencyKey", "idempotency_key_invalid", "The idempotency key must be 1-128 visible ASCII characters");
  }
}

/**
 * The one placement use-case (bot, reseller API, mass orders, group quick orders, admin manual
 * orders). One order reads once (loadPlacement) and writes once (writeOrder, no transaction);
 * several are written in one transaction, all or none.
 */
export async function placeOrders(deps: Deps, input: PlacementInput): Promise<PlacedOrders> {
  checkIdempotencyKey(input.idempotencyKey);
  const expected = expectedChargeOf(input.expectedCharge);
  const earlier = await findEarlier(deps.db, input, false);
  if (earlier) return replay(earlier, input, expected, null);
  const prepared = await prepare(deps, input);
  if ("earlier" in prepared) return replay(prepared.earlier, input, expected, prepared.service);
  const { owner, drafts, meta } = prepared;
  const total = drafts.reduce((sum, d) => sum.add(d.charge), new Decimal(0));
  if (expected !== null && !total.eq(expected)) throw new PriceChangedError(total.toFixed(4), expected.toFixed(4));
  const now = deps.now();
  try {
    if (drafts.length === 1 && !input.manual) {
      // One statement, atomic on its own: no interactive transaction needed.
      return { orders: [await writeOrder(sqlOf(deps.db), owner, drafts[0]!, meta(0), now)], created: true };
    }
    const orders = await transaction(deps.db, async (tx) => {
      const written: Order[] = [];
      for (const [i, d] of drafts.entries()) written.push(await writeOrder(sqlIn(tx), owner, d, meta(i), now));
      if (input.manual) {
        for (const order of written) {
          await writeAudit(tx, input.manual.actor, { action: "order.create_manual", entity: "Order", entityId: order.id, after: order, at: now });
        }
      }
      return written;
    });
    return { orders, created: true };
  } catch (error) {
    // A concurrent request with the same key (or group message) won the race: answer with its orders.
    if (isUniqueViolation(error)) {
      const winner = await findEarlier(deps.db, input, true);
      if (winner) return replay(winner, input, expected, prepared.service);
    }
    throw error;
  }
}

type Prepared =
  | { owner: OrderOwner; drafts: OrderDraft[]; meta: (i: number) => DraftMeta; service: OrderableService | null }
  /** A single order's earlier key, read by loadPlacement with everything else. */
  | { earlier: Order[]; service: OrderableService | null };

async function prepare(deps: Deps, input: PlacementInput): Promise<Prepared> {
  const { db } = deps;
  const source = input.source ?? (input.manual ? "ADMIN" : input.group ? "GROUP" : "BOT");
  const key = input.idempotencyKey;
  if ("massText" in input) {
    const { accountId } = await requireActiveCustomer(db, input.userId);
    const drafts = await prepareLines(db, input.massText, input.userId);
    return {
      owner: { userId: input.userId, accountId, source },
      drafts,
      service: null,
      meta: (i) => ({ idempotencyKey: key ? `${key}#${i + 1}` : undefined, batchId: key }),
    };
  }
  const placement = await loadPlacement(deps, input.userId, input.order.serviceId, input.group ? null : (key ?? null));
  if (placement.earlierOrderId !== null) {
    return { earlier: [await db.order.findUniqueOrThrow({ where: { id: placement.earlierOrderId } })], service: placement.service };
  }
  const { group, manual } = input;
  if (group) {
    // The group's rate replaces the service price; the player id is what the admin delivers to.
    // The group's rate is the price for every member: no member's reseller terms apply to it.
    const priced = prepareOrder({ ...placement.service, buyerTerms: null, linkKind: "UID", price: group.rate, priceUnit: "PER_UNIT" }, input.order);
    return {
      owner: { userId: input.userId, accountId: group.accountId, source },
      drafts: [{ ...priced, service: placement.service, pricedAt: null }],
      service: placement.service,
      meta: () => ({ isManual: true, adminNotes: group.title ? `Group: ${group.title}` : undefined, groupChatId: group.chatId, groupMessageId: group.messageId }),
    };
  }
  const draft = prepareOrder(placement.service, input.order);
  const charge = manual?.charge === undefined ? undefined : manualCharge(manual.charge);
  return {
    owner: { userId: input.userId, accountId: placement.accountId, source },
    drafts: [charge ? { ...draft, charge, pricedAt: null } : draft],
    service: placement.service,
    meta: () => ({ idempotencyKey: key, isManual: manual ? true : undefined, adminNotes: manual?.adminNotes }),
  };
}

/** The orders an earlier request under the same key (or group message) placed, if any. */
async function findEarlier(db: Db, input: PlacementInput, afterRace: boolean): Promise<Order[] | null> {
  if (input.group) {
    const order = await db.order.findUnique({
      where: { groupChatId_groupMessageId: { groupChatId: input.group.chatId, groupMessageId: input.group.messageId } },
    });
    return order && [order];
  }
  const key = input.idempotencyKey;
  if (!key) return null;
  if ("massText" in input) {
    const batch = await db.order.findMany({ where: { userId: input.userId, batchId: key }, orderBy: { id: "asc" } });
    return batch.length ? batch : null;
  }
  // A single order's earlier key is read by loadPlacement with everything else, except after a race.
  if (!afterRace) return null;
  const order = await db.order.findUnique({ where: { userId_idempotencyKey: { userId: input.userId, idempotencyKey: key } } });
  return order && [order];
}

/** The earlier orders, if this request is the same one again; any different field is a reused key. */
function replay(orders: Order[], input: PlacementInput, expected: Decimal | null, service: OrderableService | null): PlacedOrders {
  const same = input.group
    ? true
    : "massText" in input
      ? sameBatch(orders, input.massText)
      : sameRequest(orders[0]!, input.order, service, expected);
  if (!same) throw keyReused(orders[0]!.id);
  return { orders, created: false };
}

async function prepareLines(db: Db, text: string, buyerId: number): Promise<OrderDraft[]> {
  const services = new Map<number, Promise<OrderableService>>();
  const drafts: OrderDraft[] = [];
  const errors: { line: number; error: DomainError }[] = [];
  for (const { line, request } of massOrderLines(text)) {
    try {
      if (request instanceof DomainError) throw request;
      if (!services.has(request.serviceId)) services.set(request.serviceId, loadOrderableService(db, request.serviceId, buyerId));
      drafts.push(prepareOrder(await services.get(request.serviceId)!, request));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      errors.push({ line, error });
    }
  }
  if (errors.length) throw new BatchValidationError(errors);
  return drafts;
}

function expectedChargeOf(value: Decimal | string | undefined): Decimal | null {
  if (value === undefined) return null;
  if (typeof value === "string" && !/^\d{1,14}(\.\d{1,6})?$/.test(value.trim())) {
    throw new ValidationError("expectedCharge", "amount_invalid", "The expected charge must be an amount like 120.50");
  }
  return new Decimal(value);
}

function manualCharge(value: string): Decimal {
  if (!/^\d{1,12}(\.\d{1,4})?$/.test(value)) {
    throw new ValidationError("charge", "amount_invalid", "Charge must be a non-negative amount with at most 4 decimals");
  }
  return new Decimal(value);
}
