import type { SmsMethod } from "../methods.js";

/**
 * The sender ids each service's SMS arrive from (compared case- and punctuation-insensitively).
 * bKash and Nagad send under their brand names; Rocket (Dutch-Bangla Bank) under its short code
 * 16216 (some phones show "DBBL" or "Rocket"); Upay as "upay". An ordinary 01… number never matches.
 */
const SENDERS: Record<string, SmsMethod> = {
  bkash: "BKASH",
  nagad: "NAGAD",
  "16216": "ROCKET",
  rocket: "ROCKET",
  dbbl: "ROCKET",
  upay: "UPAY",
};

export function methodOfSender(sender: string): SmsMethod | null {
  const key = sender.trim().toLowerCase().replace(/[^a-z0-9]/g, "");
  return SENDERS[key] ?? null;
}
