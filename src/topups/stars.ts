import type { TopUp } from "@prisma/client";
import type { Actor } from "../audit/actor.js";
import { writeAudit } from "../audit/write-audit.js";
import type { Deps } from "../deps.js";
import { isUniqueViolation, transaction } from "../db/transaction.js";
import { Decimal } from "../money/decimal.js";
import { post } from "../money/ledger.js";
import { enqueue } from "../outbox/enqueue.js";
import { ForbiddenError, InvalidStateError, NotFoundError, ValidationError } from "../shared/errors.js";
import { requireActiveCustomer } from "../users/require-active-customer.js";
import { decideTopUpIn } from "./decide-topup.js";
import { lockTrxId } from "./match-payment.js";
import { parseAmount } from "./parse-amount.js";

/** Telegram Stars' currency code; Stars invoices carry no provider token and one price. */
export const STARS_CURRENCY = "XTR";

export interface StarsQuote {
  /** Shop-currency amount credited. */
  amount: Decimal;
  /** Whole Stars charged: the amount at `rate` shop-currency units per Star, rounded up. */
  stars: number;
  /** The invoice payload; Telegram hands it back at pre-checkout and on payment. */
  payload: string;
}

/** Prices a Stars top-up of `amount` (shop currency) for a user. */
export function quoteStars(userId: number, amountInput: unknown, rate: string, limits: { min: string; max: string }, adjustPercent = "0"): StarsQuote {
  const amount = parseAmount(amountInput, limits.min, limits.max);
  const stars = amount.div(rate).ceil().toNumber();
  if (stars < 1 || stars > 10_000) throw new ValidationError("amount", "amount_out_of_range", "A Stars payment is 1-10000 Stars", { min: limits.min, max: limits.max });
  // The bonus/fee terms travel in the invoice: the payment is credited on the terms it was sold on.
  return { amount, stars, payload: `topup:${userId}:${amount.toFixed(2)}:${stars}:${new Decimal(adjustPercent).toFixed(2)}` };
}

interface StarsPayment {
  telegramId: bigint;
  payload: string;
  currency: string;
  totalAmount: number;
}

function readPayload(payload: string): { userId: number; amount: string; stars: number; adjustPercent: string } | null {
  const m = /^topup:(\d{1,10}):(\d{1,12}\.\d{2}):(\d{1,5}):(-?\d{1,2}\.\d{2})$/.exec(payload);
  return m ? { userId: Number(m[1]), amount: m[2]!, stars: Number(m[3]), adjustPercent: m[4]! } : null;
}

/**
 * Pre-checkout: the payment goes ahead only for the customer the invoice was made for, not
 * blocked, and for exactly the Stars that amount costs at today's rate.
 */
export async function checkStarsCheckout({ db }: Deps, p: StarsPayment, rate: string, limits: { min: string; max: string }): Promise<void> {
  const invoice = readPayload(p.payload);
  if (!invoice || p.currency !== STARS_CURRENCY) throw new ValidationError("payload", "invoice_invalid", "This invoice is not one of ours");
  const user = await db.user.findUnique({ where: { telegramId: p.telegramId }, select: { id: true } });
  if (!user || user.id !== invoice.userId) throw new ForbiddenError("This invoice was made for another customer");
  await requireActiveCustomer(db, user.id);
  const quote = quoteStars(user.id, invoice.amount, rate, limits);
  if (quote.stars !== invoice.stars || p.totalAmount !== invoice.stars) {
    throw new ValidationError("amount", "invoice_outdated", "The price changed: please start the top-up again");
  }
}

/**
 * A successful Stars payment: recorded as an approved top-up and credited, once per
 * telegram_payment_charge_id however often Telegram delivers the update.
 */
export async function creditStarsPayment(deps: Deps, p: StarsPayment & { chargeId: string }): Promise<{ topUp: TopUp; credited: boolean }> {
  const { db } = deps;
  const invoice = readPayload(p.payload);
  if (!invoice || p.currency !== STARS_CURRENCY || p.totalAmount !== invoice.stars) {
    throw new ValidationError("payload", "invoice_invalid", "This payment does not match one of our invoices");
  }
  const chargeId = p.chargeId.trim();
  if (!chargeId || chargeId.length > 200) throw new ValidationError("chargeId", "charge_invalid", "Missing telegram_payment_charge_id");
  const earlier = await db.topUp.findUnique({ where: { trxId: chargeId } });
  if (earlier) return { topUp: earlier, credited: false };
  const user = await db.user.findUnique({ where: { telegramId: p.telegramId }, select: { id: true, account: { select: { id: true } } } });
  if (!user?.account || user.id !== invoice.userId) throw new ForbiddenError("This payment was made for another customer");
  try {
    const topUp = await transaction(db, async (tx) => {
      await lockTrxId(tx, chargeId);
      const created = await tx.topUp.create({
        data: { userId: user.id, accountId: user.account!.id, method: "STARS", amount: invoice.amount, stars: invoice.stars, trxId: chargeId, adjustPercent: invoice.adjustPercent },
      });
      const approved = await decideTopUpIn(tx, deps.now(), created.id, { label: "telegram-stars", isAdmin: true }, "APPROVED");
      await enqueue(tx, "notify-admin-payment", { topUpId: created.id }, deps.now());
      return approved;
    });
    return { topUp, credited: true };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return { topUp: await db.topUp.findUniqueOrThrow({ where: { trxId: chargeId } }), credited: false };
  }
}

/**
 * An admin's refund of a Stars top-up: the balance is debited back (only if it still covers the
 * amount) and Telegram returns the Stars, in one step — if Telegram refuses, nothing is debited.
 */
export async function refundStarsTopUp(
  { db, now }: Deps,
  topUpId: number,
  actor: Actor,
  refund: (telegramUserId: number, chargeId: string) => Promise<unknown>,
): Promise<TopUp> {
  return transaction(db, async (tx) => {
    const topUp = await tx.topUp.findUnique({ where: { id: topUpId }, include: { user: { select: { telegramId: true } } } });
    if (!topUp || topUp.method !== "STARS") throw new NotFoundError("Stars top-up", topUpId);
    const claimed = await tx.topUp.updateMany({ where: { id: topUpId, status: "APPROVED", refundedAt: null }, data: { refundedAt: now() } });
    if (claimed.count !== 1) throw new InvalidStateError(`Top-up #${topUpId} is not an approved, unrefunded Stars top-up`, { topUpId });
    if (topUp.user.telegramId === null) throw new InvalidStateError(`The customer of top-up #${topUpId} has no Telegram account`, { topUpId });
    await post(tx, { accountId: topUp.accountId, amount: topUp.amount.negated(), kind: "ADJUSTMENT", actorId: actor.userId, note: `Stars refund of top-up #${topUpId}` });
    await writeAudit(tx, actor, { action: "topup.stars_refund", entity: "TopUp", entityId: topUpId, before: { refundedAt: null }, after: { amount: topUp.amount.toString(), stars: topUp.stars } });
    await refund(Number(topUp.user.telegramId), topUp.trxId);
    return tx.topUp.findUniqueOrThrow({ where: { id: topUpId } });
  });
}
