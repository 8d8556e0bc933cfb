import { Decimal } from "../money/decimal.js";
import { ValidationError } from "../shared/errors.js";

/** A money amount typed by a person: ASCII digits, at most 2 decimals, within [min, max]. */
export function parseAmount(input: unknown, min: string, max: string, field = "amount"): Decimal {
  const text = typeof input === "number" ? String(input) : typeof input === "string" ? input.trim() : "";
  if (!/^[0-9]{1,12}(\.[0-9]{1,2})?$/.test(text)) {
    throw new ValidationError(field, "amount_invalid", "Amount must be a number like 500 or 500.50", { min, max });
  }
  const amount = new Decimal(text);
  if (amount.lt(min) || amount.gt(max)) {
    throw new ValidationError(field, "amount_out_of_range", `Amount must be between ${min} and ${max}`, { min, max });
  }
  return amount;
}
