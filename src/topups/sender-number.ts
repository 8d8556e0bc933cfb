import { ValidationError } from "../shared/errors.js";
import { toLatinDigits } from "../shared/numbers.js";

/**
 * The Bangladeshi mobile number a customer sent money from (bKash, Nagad and Rocket accounts are
 * mobile numbers): "01712-345678", "+880 1712 345678", "০১৭১২৩৪৫৬৭৮" → "01712345678".
 * Operators' prefixes are 013–019.
 */
export function normaliseSenderNumber(input: unknown): string {
  const raw = typeof input === "string" ? toLatinDigits(input).replace(/[\s\-().]/g, "") : "";
  const local = raw.replace(/^(?:\+?88)(?=01)/, "");
  if (!/^01[3-9][0-9]{8}$/.test(local)) {
    throw new ValidationError("senderNumber", "sender_number_invalid", "The sender number must be a Bangladeshi mobile number like 01712345678");
  }
  return local;
}
