import { AMT, CUR, plainAmount } from "./text.js";
import type { IncomingPayment } from "./types.js";

/** The first "Tk 1,000.00" / "৳500" / "500 টাকা" after `from` in `text`. */
export function amountIn(text: string, from = 0): string | null {
  const rest = text.slice(from);
  const m = new RegExp(`${CUR}${AMT}|${AMT}\\s*(?:টাকা|Taka)`, "i").exec(rest);
  return plainAmount(m?.[1] ?? m?.[2] ?? "");
}

/** "TrxID ABC123", "TxnID: 75HKUOBF", "TxnId:6606781284", "Trx ID: X". */
export function trxIdIn(text: string): string | null {
  const m = /\b(?:Trx|Txn|Tran(?:saction)?)\s*\.?\s*ID\s*(?:No\.?)?\s*[:：]?\s*([A-Za-z0-9]{6,20})\b/i.exec(text);
  return m ? m[1]!.toUpperCase() : null;
}

/** "at 30/12/2024 13:22", "Date:08-JUN-26 06:21:43 am", "08/06/2026 19:00". */
export function printedTimeIn(text: string): string | null {
  const m =
    /(\d{2}\/\d{2}\/\d{4}\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]m)?)/i.exec(text) ??
    /(\d{2}-[A-Za-z]{3}-\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]m)?)/i.exec(text) ??
    /(\d{4}-\d{2}-\d{2}\s+\d{1,2}:\d{2}(?::\d{2})?)/.exec(text);
  return m ? m[1]!.replace(/\s+/g, " ") : null;
}

/** Builds the result, or null when amount or TrxID is missing (never guess). */
export function incoming(
  method: IncomingPayment["method"],
  kind: IncomingPayment["kind"],
  fields: { amount: string | null; trxId: string | null; counterparty: string | null; printedTime: string | null },
): IncomingPayment | null {
  if (!fields.amount || !fields.trxId) return null;
  return { method, kind, amount: fields.amount, trxId: fields.trxId, counterparty: fields.counterparty?.trim() || null, printedTime: fields.printedTime };
}

/** Bengali patterns in the same Unicode form as normalised texts (য় may be one code point or two). */
const bn = (source: string): RegExp => new RegExp(source.normalize("NFC"));

/** Bengali texts: "…থেকে ৳৫০০ পেয়েছেন…", "ক্যাশ ইন …", with no outgoing verb. */
const BN_IN = bn("(পেয়েছেন|গ্রহণ করেছেন|জমা হয়েছে|ক্যাশ ইন|ক্যাশ-ইন)");
const BN_OUT = bn("(পাঠিয়েছেন|পাঠানো হয়েছে|ক্যাশ আউট|ক্যাশ-আউট|পেমেন্ট করেছেন|পরিশোধ|রিচার্জ|ফেরত|ব্যর্থ|ভেরিফিকেশন|কোড)");

export function bengaliIncoming(method: IncomingPayment["method"], text: string): IncomingPayment | null | "not_incoming" {
  if (!BN_IN.test(text) || BN_OUT.test(text)) return "not_incoming";
  const kind = bn("ক্যাশ[ -]ইন").test(text) ? "cash_in" : bn("পেমেন্ট").test(text) ? "payment" : "send_money";
  const from =
    bn("(?:A/C:?\\s*)?([0-9*+]{3,14})\\s*(?:নম্বর\\s*)?থেকে").exec(text) ??
    bn("(?:প্রেরক|উদ্যোক্তা|থেকে)\\s*:?\\s*([0-9+]{10,14})").exec(text);
  return incoming(method, kind, { amount: amountIn(text), trxId: trxIdIn(text), counterparty: from?.[1] ?? null, printedTime: printedTimeIn(text) ?? bengaliTime(text) });
}

function bengaliTime(text: string): string | null {
  const m = bn("(?:সময়|তারিখ|Time)\\s*:?\\s*([^।\\n]+)").exec(text);
  return m ? m[1]!.trim() : null;
}

export const hasBengali = (text: string): boolean => /[\u0980-\u09FF]/.test(text);
