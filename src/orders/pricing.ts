import type { Prisma, PriceUnit, Role } from "@prisma/client";
import { Decimal, roundCharge } from "../money/decimal.js";

/** The amount for `quantity` units at `price` per `unit`, rounded half-up to 0.0001. */
export function amountFor(price: Decimal, unit: PriceUnit, quantity: number): Decimal {
  return roundCharge(unit === "PER_1000" ? price.mul(quantity).div(1000) : price.mul(quantity));
}

export function optionalAmountFor(price: Decimal | null, unit: PriceUnit, quantity: number): Decimal | null {
  return price === null ? null : amountFor(price, unit, quantity);
}

/** A reseller's terms: a percent off every list price, and their own price for some services. */
export interface ResellerTerms {
  discountPercent: Decimal;
  prices: ReadonlyMap<number, Decimal>;
}

/** Service prices keep 6 fractional digits (Decimal(20,6)). */
const PRICE_DP = 6;

/** The terms of a buyer, or null when they buy at list prices (anyone who is not a reseller). */
export function resellerTerms(
  buyer: { role: Role; resellerDiscount: Prisma.Decimal.Value },
  prices: Iterable<{ serviceId: number; price: Prisma.Decimal.Value }>,
): ResellerTerms | null {
  if (buyer.role !== "RESELLER") return null;
  return { discountPercent: new Decimal(buyer.resellerDiscount), prices: new Map([...prices].map((p) => [p.serviceId, new Decimal(p.price)])) };
}

/**
 * THE price per priceUnit that a buyer sees and pays for a service: the list price for customers;
 * for a reseller their own price for it, else the list price less their discount — never below
 * our cost, and never above the list price (a reseller never pays more than a customer).
 * Placement and every display (bot, GraphQL, API v2) read it.
 */
export function priceFor(service: { id: number; price: Prisma.Decimal.Value; cost: Prisma.Decimal.Value | null }, terms: ResellerTerms | null): Decimal {
  const list = new Decimal(service.price);
  if (!terms) return list;
  const own = terms.prices.get(service.id);
  const price = own ?? list.mul(new Decimal(100).sub(terms.discountPercent)).div(100).toDecimalPlaces(PRICE_DP, Decimal.ROUND_HALF_UP);
  const cost = service.cost === null ? null : new Decimal(service.cost);
  const floored = cost !== null && price.lt(cost) ? cost : price;
  return floored.gt(list) ? list : floored;
}

/** The service as this buyer sees it: `price` replaced by priceFor (for lists shown to a buyer). */
export function asSeenBy<S extends { id: number; price: Prisma.Decimal.Value; cost: Prisma.Decimal.Value | null }>(service: S, terms: ResellerTerms | null): S {
  return terms ? { ...service, price: priceFor(service, terms) } : service;
}

/** A service to be ordered carries its buyer's terms; prepareOrder prices it with priceFor. */
export type WithBuyerTerms<S> = S & { buyerTerms?: ResellerTerms | null };

export function withBuyerTerms<S extends object>(service: S, terms: ResellerTerms | null): WithBuyerTerms<S> {
  return terms ? { ...service, buyerTerms: terms } : service;
}

export { Decimal };

/**
 * A list price raised or lowered by `percent` (e.g. 10 or -15), rounded half-up to the 6 fractional
 * digits every service price keeps — the bulk price change of the catalogue.
 */
export function scaledPrice(price: Prisma.Decimal.Value, percent: Prisma.Decimal.Value): Decimal {
  return new Decimal(price).mul(new Decimal(100).add(percent)).div(100).toDecimalPlaces(PRICE_DP, Decimal.ROUND_HALF_UP);
}
