import { AMT, CUR, plainAmount } from "./text.js";
import { bengaliIncoming, hasBengali, incoming, printedTimeIn, trxIdIn } from "./fields.js";
import type { IncomingPayment } from "./types.js";

/**
 * Rocket (Dutch-Bangla Bank) from 16216: "Tk99.00 received from A/C:***515 Fee:Tk0, Your A/C
 * Balance: Tk1,145.85 TxnId:6606781284 Date:08-JUN-26 06:21:43 am." and "Cash-In from A/C: ***1234
 * Tk1500.00 Fee: Tk.00, …". The amount comes before "received"; the balance after must never be read.
 */
const RECEIVED = new RegExp(`^${CUR}${AMT}\\s+received\\s+from\\s+(?:A\\/C\\s*:?\\s*)?([0-9*+xX]{3,16})`, "i");
const CASH_IN = new RegExp(`^Cash-?\\s?In\\s+from\\s+(?:A\\/C\\s*:?\\s*)?([0-9*+xX]{3,16})\\s*,?\\s*${CUR}${AMT}`, "i");

export function parseRocket(text: string): IncomingPayment | null | "not_incoming" {
  if (hasBengali(text)) return bengaliIncoming("ROCKET", text);
  const fields = { trxId: trxIdIn(text), printedTime: printedTimeIn(text) };
  const received = RECEIVED.exec(text);
  if (received) return incoming("ROCKET", "send_money", { ...fields, amount: plainAmount(received[1]!), counterparty: received[2]! });
  const cashIn = CASH_IN.exec(text);
  if (cashIn) return incoming("ROCKET", "cash_in", { ...fields, amount: plainAmount(cashIn[2]!), counterparty: cashIn[1]! });
  return /^(Cash-?\s?In|.{0,20}received)/i.test(text) ? null : "not_incoming";
}
