import type { Role } from "@prisma/client";
import type { Db, Prisma } from "../db/client.js";
import { resellerTerms, type ResellerTerms } from "./pricing.js";

/** A buyer's price terms (null for anyone buying at list prices), for displays listing many services. */
export async function loadResellerTerms(db: Db, userId: number, serviceIds?: readonly number[]): Promise<ResellerTerms | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { role: true, resellerDiscount: true } });
  return user ? loadBuyerTerms(db, { id: userId, ...user }, serviceIds) : null;
}

/** The same for a buyer already read: list-price buyers cost no statement. */
export async function loadBuyerTerms(
  db: Db,
  user: { id: number; role: Role; resellerDiscount: Prisma.Decimal.Value },
  serviceIds?: readonly number[],
): Promise<ResellerTerms | null> {
  if (user.role !== "RESELLER") return null;
  const userId = user.id;
  const prices = await db.resellerPrice.findMany({
    where: { userId, ...(serviceIds ? { serviceId: { in: [...serviceIds] } } : {}) },
    select: { serviceId: true, price: true },
  });
  return resellerTerms(user, prices);
}
