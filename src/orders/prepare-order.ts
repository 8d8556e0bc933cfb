import type { Category, Prisma, Service } from "@prisma/client";
import type { Db } from "../db/client.js";
import { Decimal } from "../money/decimal.js";
import { NotFoundError, ValidationError } from "../shared/errors.js";
import { loadResellerTerms } from "./load-reseller-terms.js";
import { amountFor, optionalAmountFor, priceFor, withBuyerTerms, type WithBuyerTerms } from "./pricing.js";
import { validateExtra, type OrderExtra } from "./validate-extra.js";
import { parseQuantity, validateLink, validateUid } from "./validate-input.js";

/** `buyerTerms`: a reseller's price terms, set by the loaders; absent for list prices. */
export type OrderableService = WithBuyerTerms<Service & { category: Category }>;

export interface OrderRequest {
  serviceId: number;
  /** A URL, or a player UID for game services. */
  link: unknown;
  quantity: unknown;
  extra?: OrderExtra;
}

/** A validated order, priced, ready to be written. */
export interface OrderDraft {
  service: OrderableService;
  link: string;
  quantity: number;
  extra: Prisma.InputJsonObject | undefined;
  charge: Decimal;
  cost: Decimal | null;
}

/** With `buyerId`, the service carries that buyer's price (see priceFor). */
export async function loadOrderableService(db: Db, serviceId: unknown, buyerId?: number): Promise<OrderableService> {
  if (typeof serviceId !== "number" || !Number.isSafeInteger(serviceId) || serviceId <= 0) {
    throw new ValidationError("serviceId", "service_unknown", "Unknown service");
  }
  const service = await db.service.findUnique({ where: { id: serviceId }, include: { category: true } });
  if (!service) throw new NotFoundError("Service", serviceId);
  if (!service.active || !service.category.active) {
    throw new ValidationError("serviceId", "service_unavailable", "This service is not available right now", { serviceId });
  }
  return buyerId === undefined ? service : withBuyerTerms(service, await loadResellerTerms(db, buyerId, [service.id]));
}

/** Validates a request against its service and prices it. Pure: reads nothing, writes nothing. */
export function prepareOrder(service: OrderableService, req: OrderRequest): OrderDraft {
  const link = service.linkKind === "UID" ? validateUid(req.link) : service.linkKind === "NONE" ? "" : validateLink(req.link, service.platform);
  const quantity = parseQuantity(req.quantity, service.min, service.max);
  const extra = validateExtra(service.type, service.dripfeed, quantity, req.extra);
  const charge = amountFor(priceFor(service, service.buyerTerms ?? null), service.priceUnit, quantity);
  if (charge.lte(0)) throw new ValidationError("quantity", "charge_zero", "The price of this order would be zero");
  return {
    service,
    link,
    quantity,
    extra,
    charge,
    cost: optionalAmountFor(service.cost === null ? null : new Decimal(service.cost), service.priceUnit, quantity),
  };
}
