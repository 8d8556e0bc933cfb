import type { TopUp, TopUpMethod } from "@prisma/client";
import type { Deps } from "../deps.js";
import { isUniqueViolation, transaction } from "../db/transaction.js";
import { enqueue } from "../outbox/enqueue.js";
import { ConflictError, ValidationError } from "../shared/errors.js";
import { requireActiveCustomer } from "../users/require-active-customer.js";
import { lockTrxId, matchWaitingSms } from "./match-payment.js";
import { parseAmount } from "./parse-amount.js";
import { normaliseSenderNumber } from "./sender-number.js";

export const TOPUP_METHODS: readonly TopUpMethod[] = ["BKASH", "NAGAD", "ROCKET"];

export interface RequestTopUpInput {
  userId: number;
  method: TopUpMethod;
  amount: unknown;
  trxId: unknown;
  senderNumber?: string;
  limits: { min: string; max: string };
  /** The method's bonus (+) or fee (−) percent, from the shop's configuration (default 0). */
  adjustPercent?: string;
}

/** bKash/Nagad/Rocket transaction ids: letters and digits; compared case-insensitively. */
export function normaliseTrxId(input: unknown): string {
  const trx = typeof input === "string" ? input.trim().toUpperCase() : "";
  if (!/^[A-Z0-9]{6,20}$/.test(trx)) {
    throw new ValidationError("trxId", "trxid_invalid", "The transaction ID must be 6-20 letters and digits");
  }
  return trx;
}

/**
 * Records a top-up request for an admin to approve, or approves it at once when the shop's phone
 * already forwarded the matching SMS. A TrxID can be used only once, ever.
 */
export async function requestTopUp(deps: Deps, input: RequestTopUpInput): Promise<TopUp> {
  if (!TOPUP_METHODS.includes(input.method)) throw new ValidationError("method", "method_invalid", "Unknown payment method");
  const amount = parseAmount(input.amount, input.limits.min, input.limits.max);
  const trxId = normaliseTrxId(input.trxId);
  const senderNumber = input.senderNumber === undefined ? null : normaliseSenderNumber(input.senderNumber);
  const { accountId } = await requireActiveCustomer(deps.db, input.userId);
  try {
    return await transaction(deps.db, async (tx) => {
      await lockTrxId(tx, trxId);
      const topUp = await tx.topUp.create({
        data: {
          createdAt: deps.now(),
          userId: input.userId,
          accountId,
          method: input.method,
          amount,
          trxId,
          senderNumber,
          adjustPercent: input.adjustPercent ?? "0",
        },
      });
      await enqueue(tx, "notify-admin-topup", { topUpId: topUp.id }, deps.now());
      await matchWaitingSms(tx, deps.now(), topUp);
      return tx.topUp.findUniqueOrThrow({ where: { id: topUp.id } });
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ConflictError("trxid_used", "This transaction ID was already submitted", { trxId });
    }
    throw error;
  }
}
