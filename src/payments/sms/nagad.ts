import { amountIn, bengaliIncoming, hasBengali, incoming, printedTimeIn, trxIdIn } from "./fields.js";
import type { IncomingPayment } from "./types.js";

/** Nagad prints one field a line: "Money Received.\nAmount: Tk 99.00\nSender: 01…\nTxnID: …". */
const INCOMING: { re: RegExp; kind: IncomingPayment["kind"] }[] = [
  { re: /^Money Received\b/i, kind: "send_money" },
  { re: /^Cash ?In Received\b/i, kind: "cash_in" },
  { re: /^Payment Received\b/i, kind: "payment" },
  { re: /^Received (?:Tk|BDT)/i, kind: "send_money" },
  { re: /^Cash ?In (?:of )?(?:Tk|BDT)/i, kind: "cash_in" },
];

export function parseNagad(text: string): IncomingPayment | null | "not_incoming" {
  if (hasBengali(text)) return bengaliIncoming("NAGAD", text);
  const hit = INCOMING.find((p) => p.re.test(text));
  if (!hit) return "not_incoming";
  const amountAt = Math.max(text.search(/Amount\s*:/i), 0);
  const from = /\b(?:Sender|Uddokta|Agent|Customer|From)\s*:?\s*([0-9*+xX]{3,14})/i.exec(text);
  return incoming("NAGAD", hit.kind, { amount: amountIn(text, amountAt), trxId: trxIdIn(text), counterparty: from?.[1] ?? null, printedTime: printedTimeIn(text) });
}
