import { Prisma } from "@prisma/client";

export const Decimal = Prisma.Decimal;
export type Decimal = Prisma.Decimal;

/** Fractional digits kept for shop-currency money (Decimal(20,4) in the database). */
export const MONEY_DP = 4;

export function toDecimal(value: Prisma.Decimal.Value): Decimal {
  return new Decimal(value);
}

/** Charges round half-up to 0.0001. */
export function roundCharge(value: Decimal): Decimal {
  return value.toDecimalPlaces(MONEY_DP, Decimal.ROUND_HALF_UP);
}

/**
 * Pro-rata refund for a Partial order: charge × remains / quantity, rounded DOWN to 0.0001,
 * so a refund never exceeds the exact share (and never the charge). `remains` is clamped to
 * [0, quantity]: negative remains mean over-delivery (nothing to refund).
 */
export function proRataRefund(charge: Decimal, remains: number, quantity: number): Decimal {
  const r = Math.min(Math.max(remains, 0), quantity);
  if (quantity <= 0 || r === 0) return new Decimal(0);
  return charge.mul(r).div(quantity).toDecimalPlaces(MONEY_DP, Decimal.ROUND_DOWN);
}

/** An amount as text with at least 2 decimals and every digit it has: "0.00", "13.725" (never rounded). */
export function exactMoneyText(value: Decimal): string {
  return value.toFixed(Math.max(2, value.decimalPlaces()));
}
