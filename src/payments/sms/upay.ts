import { amountIn, bengaliIncoming, hasBengali, incoming, printedTimeIn, trxIdIn } from "./fields.js";
import type { IncomingPayment } from "./types.js";

/** Upay: "You have received Tk 500.00 from 01…", "Received Tk …", "Money Received …", "Cash In Tk … from …". */
const INCOMING: { re: RegExp; kind: IncomingPayment["kind"] }[] = [
  { re: /^(?:You have received|Received|Money Received\.?\s*(?:Amount:)?)\s*(?:Tk|BDT|Taka)/i, kind: "send_money" },
  { re: /^Payment received\s*(?:of\s*)?(?:Tk|BDT|Taka)/i, kind: "payment" },
  { re: /^Cash ?In\s*(?:of\s*)?(?:Tk|BDT|Taka)/i, kind: "cash_in" },
];

export function parseUpay(text: string): IncomingPayment | null | "not_incoming" {
  if (hasBengali(text)) return bengaliIncoming("UPAY", text);
  const hit = INCOMING.find((p) => p.re.test(text));
  if (!hit) return "not_incoming";
  const from = /\bfrom\s+([0-9*+xX]{3,14})/i.exec(text);
  const amount = amountIn(text.replace(/\bTaka\s*/gi, "Tk "));
  return incoming("UPAY", hit.kind, { amount, trxId: trxIdIn(text), counterparty: from?.[1] ?? null, printedTime: printedTimeIn(text) });
}
