import type { User } from "@prisma/client";
import type { Actor } from "../audit/actor.js";
import { writeAudit } from "../audit/write-audit.js";
import type { Db } from "../db/client.js";
import { transaction } from "../db/transaction.js";
import { Decimal } from "../money/decimal.js";
import { NotFoundError, ValidationError } from "../shared/errors.js";

export const MAX_DISCOUNT_PERCENT = 90;

export interface SetResellerPricingInput {
  userId: number;
  /** Percent off every list price, e.g. "10" or "12.5". */
  discountPercent?: string;
  /** A reseller's own price per the service's priceUnit; `null` removes it (the discount applies again). */
  prices?: { serviceId: number; price: string | null }[];
  actor: Actor;
}

/**
 * Sets a reseller's discount and per-service prices, all or nothing, audit-logged. A price below
 * the service's cost is refused (priceFor also never charges below cost, should the cost rise).
 */
export async function setResellerPricing(db: Db, input: SetResellerPricingInput): Promise<User> {
  const discount = input.discountPercent === undefined ? undefined : parseDiscount(input.discountPercent);
  const prices = (input.prices ?? []).map((p) => ({ serviceId: p.serviceId, price: p.price === null ? null : parsePrice(p.price, p.serviceId) }));
  if (new Set(prices.map((p) => p.serviceId)).size !== prices.length) throw new ValidationError("prices", "price_duplicate", "Each service may appear once");
  return transaction(db, async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, include: { resellerPrices: true } });
    if (!user) throw new NotFoundError("User", input.userId);
    const services = await tx.service.findMany({ where: { id: { in: prices.map((p) => p.serviceId) } }, select: { id: true, cost: true } });
    for (const p of prices) {
      const service = services.find((s) => s.id === p.serviceId);
      if (!service) throw new NotFoundError("Service", p.serviceId);
      if (p.price && service.cost && p.price.lt(service.cost)) {
        throw new ValidationError("price", "price_below_cost", `The price for service ${p.serviceId} is below its cost ${service.cost.toFixed(4)}`, { serviceId: p.serviceId, cost: service.cost.toFixed(4) });
      }
    }
    if (discount !== undefined) await tx.user.update({ where: { id: user.id }, data: { resellerDiscount: discount } });
    for (const p of prices) {
      if (p.price === null) await tx.resellerPrice.deleteMany({ where: { userId: user.id, serviceId: p.serviceId } });
      else await tx.resellerPrice.upsert({ where: { userId_serviceId: { userId: user.id, serviceId: p.serviceId } }, create: { userId: user.id, serviceId: p.serviceId, price: p.price }, update: { price: p.price } });
    }
    await writeAudit(tx, input.actor, {
      action: "user.reseller_pricing",
      entity: "User",
      entityId: user.id,
      before: { discountPercent: user.resellerDiscount.toString(), prices: user.resellerPrices.filter((r) => prices.some((p) => p.serviceId === r.serviceId)).map((r) => ({ serviceId: r.serviceId, price: r.price.toString() })) },
      after: { discountPercent: (discount ?? user.resellerDiscount).toString(), prices: prices.map((p) => ({ serviceId: p.serviceId, price: p.price?.toString() ?? null })) },
    });
    return tx.user.findUniqueOrThrow({ where: { id: user.id } });
  });
}

/** A discount as an admin types it ("10", "12.5"), or a ValidationError. */
export function parseDiscount(text: string): Decimal {
  const t = text.trim();
  if (!/^\d{1,2}(\.\d{1,2})?$/.test(t) || new Decimal(t).gt(MAX_DISCOUNT_PERCENT)) {
    throw new ValidationError("discountPercent", "discount_invalid", `The discount must be a percent from 0 to ${MAX_DISCOUNT_PERCENT} with at most 2 decimals`, { max: MAX_DISCOUNT_PERCENT });
  }
  return new Decimal(t);
}

function parsePrice(text: string, serviceId: number): Decimal {
  const t = text.trim();
  if (!/^\d{1,12}(\.\d{1,6})?$/.test(t) || new Decimal(t).lte(0)) {
    throw new ValidationError("price", "price_invalid", "A price must be a positive amount with at most 6 decimals", { serviceId });
  }
  return new Decimal(t);
}
