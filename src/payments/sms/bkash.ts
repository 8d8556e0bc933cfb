import { amountIn, bengaliIncoming, hasBengali, incoming, printedTimeIn, trxIdIn } from "./fields.js";
import type { IncomingPayment } from "./types.js";

/** Money-in texts bKash sends, each anchored at the start; everything else from bKash is not money in. */
const INCOMING: { re: RegExp; kind: IncomingPayment["kind"] }[] = [
  { re: /^You have received payment (?:Tk|BDT)/i, kind: "payment" },
  { re: /^You have received (?:a )?deposit/i, kind: "deposit" },
  { re: /^You have received (?:Tk|BDT)/i, kind: "send_money" },
  { re: /^Cash In (?:Tk|BDT)/i, kind: "cash_in" },
  { re: /^Payment (?:of )?(?:Tk|BDT)\s*[\d,.]+\s+received from/i, kind: "payment" },
];

export function parseBkash(text: string): IncomingPayment | null | "not_incoming" {
  if (hasBengali(text)) return bengaliIncoming("BKASH", text);
  const hit = INCOMING.find((p) => p.re.test(text));
  if (!hit) return "not_incoming";
  const start = text.search(/(?:Tk|BDT)/i);
  // The last "from …" before the next sentence: "deposit from iBanking of Tk 99.00 from Prime Bank." → "Prime Bank".
  const from = /\bfrom\s+((?:(?!\bfrom\b).)+?)(?:\.\s|\.Ref|\.$|\s+successful|\.\s*Fee)/i.exec(text);
  return incoming("BKASH", hit.kind, { amount: amountIn(text, start), trxId: trxIdIn(text), counterparty: from?.[1] ?? null, printedTime: printedTimeIn(text) });
}
