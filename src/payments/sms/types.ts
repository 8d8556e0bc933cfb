import type { SmsMethod } from "../methods.js";

/** Money that came in, as read from one service's SMS. */
export interface IncomingPayment {
  method: SmsMethod;
  /** "send_money" (personal transfer), "cash_in" (agent deposit), "payment" (merchant / payment received), "deposit" (bank). */
  kind: "send_money" | "cash_in" | "payment" | "deposit";
  /** Plain decimal string, ASCII digits, no grouping: "5075.00". */
  amount: string;
  /** Upper case, as printed. */
  trxId: string;
  /** The payer's number / account as printed (may be masked, e.g. "***515"), or null. */
  counterparty: string | null;
  /** The time printed in the SMS, as printed (Bangladesh local time), or null. */
  printedTime: string | null;
}

/** What a parser makes of one SMS: money in, or why it is not. */
export type ParsedSms =
  | { incoming: true; payment: IncomingPayment }
  | { incoming: false; method: SmsMethod | null; reason: IgnoreReason };

export type IgnoreReason =
  /** Not one of the services' own sender ids (an ordinary phone number, another brand). */
  | "unknown_sender"
  /** From the service, but money went out or nothing moved (send money sent, cash out, payment made, OTP, promotion). */
  | "not_incoming"
  /** Looks like incoming money from the service, but a field could not be read safely. */
  | "unreadable";
