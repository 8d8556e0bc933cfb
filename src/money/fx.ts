import type { Config } from "../config.js";
import { ValidationError } from "../shared/errors.js";
import { Decimal } from "./decimal.js";

/** Shop-currency units per one unit of `currency` (FX_RATES); the shop currency itself is 1. */
export function fxRate(config: Config, currency: string): Decimal {
  const rate = config.FX_RATES.get(currency.toUpperCase());
  if (!rate) {
    throw new ValidationError("currency", "currency_unknown", `No exchange rate for ${currency}: add it to FX_RATES`, { currency });
  }
  return new Decimal(rate);
}
