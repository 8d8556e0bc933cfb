import { Decimal } from "../money/decimal.js";
import { ValidationError } from "../shared/errors.js";
import { parseDecimalText } from "../shared/numbers.js";

// "৳500", "500 tk", "৫০০ টাকা": the currency people write around an amount.
const CURRENCY = /^৳\s*|\s*(?:৳|tk\.?|taka|bdt|টাকা|টা\.?)$/iu;

/** A money amount typed by a person: Bengali or Latin digits, "1,000", at most 2 decimals, within [min, max]. */
export function parseAmount(input: unknown, min: string, max: string, field = "amount"): Decimal {
  const raw = typeof input === "number" ? String(input) : typeof input === "string" ? input.trim().replace(CURRENCY, "") : "";
  const text = parseDecimalText(raw, 2);
  if (text === null) {
    throw new ValidationError(field, "amount_invalid", "Amount must be a number like 500 or 500.50", { min, max });
  }
  const amount = new Decimal(text);
  if (amount.lt(min) || amount.gt(max)) {
    throw new ValidationError(field, "amount_out_of_range", `Amount must be between ${min} and ${max}`, { min, max });
  }
  return amount;
}
