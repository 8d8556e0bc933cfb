import type { SmsMethod } from "../methods.js";
import { parseBkash } from "./bkash.js";
import { parseNagad } from "./nagad.js";
import { parseRocket } from "./rocket.js";
import { methodOfSender } from "./senders.js";
import { normaliseSmsText } from "./text.js";
import type { IncomingPayment, ParsedSms } from "./types.js";
import { parseUpay } from "./upay.js";

const PARSERS: Record<SmsMethod, (text: string) => IncomingPayment | null | "not_incoming"> = {
  BKASH: parseBkash,
  NAGAD: parseNagad,
  ROCKET: parseRocket,
  UPAY: parseUpay,
};

/**
 * Reads one forwarded SMS. Only the services' own sender ids are read at all: the same words from
 * an ordinary phone number are a look-alike and never count as money in.
 */
export function parseSms(sender: string, rawText: string): ParsedSms {
  const method = methodOfSender(sender);
  if (!method) return { incoming: false, method: null, reason: "unknown_sender" };
  const result = PARSERS[method](normaliseSmsText(rawText));
  if (result === "not_incoming") return { incoming: false, method, reason: "not_incoming" };
  if (result === null) return { incoming: false, method, reason: "unreadable" };
  return { incoming: true, payment: result };
}

export type { IncomingPayment, ParsedSms } from "./types.js";
