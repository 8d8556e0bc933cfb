import type { PaymentSms, PaymentSmsOutcome, TopUp } from "@prisma/client";
import type { Actor } from "../audit/actor.js";
import type { Tx } from "../db/client.js";
import { enqueue } from "../outbox/enqueue.js";
import { decideTopUpIn } from "./decide-topup.js";

/** Who approves a top-up that a forwarded SMS proved. */
export const PAYMENT_SMS_ACTOR: Actor = Object.freeze({ label: "payment-sms", isAdmin: true });

/**
 * Every matching decision about one TrxID runs under this lock, so an SMS and the customer's
 * request arriving at the same moment cannot both miss each other (each sees the other once the
 * first transaction commits).
 */
export async function lockTrxId(tx: Tx, trxId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`trxid:${trxId}`}))`;
}

type SmsForMatch = Pick<PaymentSms, "id" | "method" | "amount" | "trxId">;

/**
 * The rule: a pending request with the same method, TrxID and amount as money-in from the
 * service is approved and credited (once, through the one decision path). Anything else is left
 * for an admin: no request yet, another method or amount, or a request already decided.
 */
export async function settlePaymentSms(tx: Tx, now: Date, sms: SmsForMatch, topUp: TopUp | null): Promise<PaymentSmsOutcome> {
  const { outcome, reason } = judge(sms, topUp);
  await tx.paymentSms.update({ where: { id: sms.id }, data: { outcome, reason, topUpId: topUp?.id ?? null } });
  if (outcome === "CREDITED" && topUp) {
    await decideTopUpIn(tx, now, topUp.id, PAYMENT_SMS_ACTOR, "APPROVED");
    await enqueue(tx, "notify-admin-payment", { topUpId: topUp.id, smsId: sms.id }, now);
  }
  return outcome;
}

function judge(sms: SmsForMatch, topUp: TopUp | null): { outcome: PaymentSmsOutcome; reason: string | null } {
  if (!topUp) return { outcome: "UNMATCHED", reason: "no_request" };
  if (topUp.method !== sms.method) return { outcome: "MISMATCH", reason: "method_mismatch" };
  if (topUp.status !== "PENDING") return { outcome: "ALREADY_DECIDED", reason: `request_${topUp.status.toLowerCase()}` };
  if (!sms.amount || !topUp.amount.equals(sms.amount)) return { outcome: "MISMATCH", reason: "amount_mismatch" };
  return { outcome: "CREDITED", reason: null };
}

/** A new request meets the SMS that arrived before it (if any), inside the request's transaction. */
export async function matchWaitingSms(tx: Tx, now: Date, topUp: TopUp): Promise<void> {
  const waiting = await tx.paymentSms.findMany({
    where: { trxId: topUp.trxId, outcome: "UNMATCHED" },
    orderBy: { id: "asc" },
  });
  const sms = waiting.find((s) => s.method === topUp.method) ?? waiting[0];
  if (sms) await settlePaymentSms(tx, now, sms, topUp);
}
