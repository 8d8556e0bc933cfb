import type { PriceUnit } from "@prisma/client";
import { Decimal, roundCharge } from "../money/decimal.js";

/** The amount for `quantity` units at `price` per `unit`, rounded half-up to 0.0001. */
export function amountFor(price: Decimal, unit: PriceUnit, quantity: number): Decimal {
  return roundCharge(unit === "PER_1000" ? price.mul(quantity).div(1000) : price.mul(quantity));
}

export function optionalAmountFor(price: Decimal | null, unit: PriceUnit, quantity: number): Decimal | null {
  return price === null ? null : amountFor(price, unit, quantity);
}

export { Decimal };
