import type { PriceUnit } from "@prisma/client";
import { averageTimeMinutes } from "../estimates/delivery-estimate.js";
import { Decimal } from "../money/decimal.js";
import { priceFor } from "../orders/pricing.js";
import { loadResellerTerms } from "../orders/load-reseller-terms.js";
import type { ApiV2Call } from "./call.js";

/** `rate` is per 1000 units (per package for packages), in the reseller's own prices. */
function ratePer1000(price: Decimal, unit: PriceUnit): string {
  const rate = unit === "PER_UNIT" ? price.mul(1000) : price;
  return rate.toDecimalPlaces(6).toString();
}

export async function servicesAction(call: ApiV2Call) {
  const { db } = call.deps;
  const services = await db.service.findMany({
    where: { active: true, category: { active: true } },
    include: { category: { select: { nameEn: true } } },
    orderBy: [{ category: { sortOrder: "asc" } }, { categoryId: "asc" }, { id: "asc" }],
  });
  const terms = await loadResellerTerms(db, call.reseller.id);
  const minutes = await averageTimeMinutes(db, services.map((s) => s.id));
  return services.map((s) => ({
    service: s.id,
    name: s.nameEn,
    type: s.type,
    category: s.category.nameEn,
    rate: ratePer1000(priceFor(s, terms), s.priceUnit),
    min: String(s.min),
    max: String(s.max),
    refill: s.refill,
    cancel: s.cancel,
    dripfeed: s.dripfeed,
    // Median time to complete in minutes, as panels show it; left out while there is too little history.
    ...(minutes.get(s.id) ? { average_time: String(minutes.get(s.id)) } : {}),
  }));
}
