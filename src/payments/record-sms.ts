import { createHash } from "node:crypto";
import type { PaymentDevice, PaymentSms } from "@prisma/client";
import type { Deps } from "../deps.js";
import { isUniqueViolation, transaction } from "../db/transaction.js";
import { Decimal } from "../money/decimal.js";
import { ValidationError } from "../shared/errors.js";
import { lockTrxId, settlePaymentSms } from "../topups/match-payment.js";
import { parseSms } from "./sms/parse-sms.js";

export interface ForwardedSms {
  sender: string;
  text: string;
  sentAt?: Date | null;
  sim?: string | null;
}

export interface RecordedSms {
  sms: PaymentSms;
  /** True when this SMS had been forwarded before: nothing changed. */
  replay: boolean;
}

const MAX_TEXT = 2000;

/**
 * Stores one forwarded SMS with what it was read as, and credits the matching request (if any).
 * The same SMS forwarded again, by any device, changes nothing and answers with the first result.
 */
export async function recordPaymentSms(deps: Deps, device: PaymentDevice, input: ForwardedSms): Promise<RecordedSms> {
  const sender = input.sender.trim();
  const text = input.text.trim();
  if (!sender || sender.length > 64) throw new ValidationError("sender", "sender_invalid", "The SMS sender is missing or longer than 64 characters");
  if (!text || text.length > MAX_TEXT) throw new ValidationError("text", "text_invalid", `The SMS text is missing or longer than ${MAX_TEXT} characters`);
  const { db } = deps;
  const textHash = createHash("sha256").update(`${sender.toLowerCase()}\n${text}`).digest("hex");
  const earlier = await db.paymentSms.findUnique({ where: { textHash } });
  if (earlier) return { sms: earlier, replay: true };

  const parsed = parseSms(sender, text);
  const payment = parsed.incoming ? parsed.payment : null;
  const offDevice = payment && device.methods.length > 0 && !device.methods.includes(payment.method);
  const base = { deviceId: device.id, sender, text, textHash, sentAt: input.sentAt ?? null, sim: input.sim ?? null };
  try {
    const sms = await transaction(db, async (tx) => {
      await tx.paymentDevice.update({ where: { id: device.id }, data: { lastSeenAt: deps.now() } });
      if (!payment || offDevice) {
        return tx.paymentSms.create({
          data: {
            ...base,
            method: payment?.method ?? (parsed.incoming ? null : parsed.method),
            kind: payment?.kind ?? null,
            amount: payment ? new Decimal(payment.amount) : null,
            counterparty: payment?.counterparty ?? null,
            printedTime: payment?.printedTime ?? null,
            // Kept for the admin to read, but outside the (method, TrxID) key: it never credits.
            trxId: null,
            outcome: "IGNORED",
            reason: offDevice ? `method_not_on_device:${payment!.trxId}` : parsed.incoming ? null : parsed.reason,
          },
        });
      }
      await lockTrxId(tx, payment.trxId);
      const created = await tx.paymentSms.create({
        data: {
          ...base,
          method: payment.method,
          kind: payment.kind,
          amount: new Decimal(payment.amount),
          trxId: payment.trxId,
          counterparty: payment.counterparty,
          printedTime: payment.printedTime,
          outcome: "UNMATCHED",
        },
      });
      const topUp = await tx.topUp.findUnique({ where: { trxId: payment.trxId } });
      await settlePaymentSms(tx, deps.now(), created, topUp);
      return tx.paymentSms.findUniqueOrThrow({ where: { id: created.id } });
    });
    return { sms, replay: false };
  } catch (error) {
    // Forwarded twice at the same moment (or the same TrxID in a re-worded copy): the first one counts.
    if (!isUniqueViolation(error)) throw error;
    const first = await db.paymentSms.findFirst({
      where: { OR: [{ textHash }, ...(payment ? [{ method: payment.method, trxId: payment.trxId }] : [])] },
    });
    if (!first) throw error;
    return { sms: first, replay: true };
  }
}
