import type { Db } from "../db/client.js";
import { resellerTerms, type ResellerTerms } from "./pricing.js";

/** A buyer's price terms (null for anyone buying at list prices), for displays listing many services. */
export async function loadResellerTerms(db: Db, userId: number, serviceIds?: readonly number[]): Promise<ResellerTerms | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { role: true, resellerDiscount: true } });
  if (!user || user.role !== "RESELLER") return null;
  const prices = await db.resellerPrice.findMany({
    where: { userId, ...(serviceIds ? { serviceId: { in: [...serviceIds] } } : {}) },
    select: { serviceId: true, price: true },
  });
  return resellerTerms(user, prices);
}
