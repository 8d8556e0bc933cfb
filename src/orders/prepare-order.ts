import type { Category, Prisma, Service } from "@prisma/client";
import type { Db } from "../db/client.js";
import { Decimal } from "../money/decimal.js";
import { NotFoundError, ValidationError } from "../shared/errors.js";
import { loadBuyerTerms, loadResellerTerms } from "./load-reseller-terms.js";
import { amountFor, optionalAmountFor, priceFor, withBuyerTerms, type WithBuyerTerms } from "./pricing.js";
import { quantityLines, serviceKind, type ServiceKind } from "../catalogue/service-kinds.js";
import { lineCount, validateExtra, type OrderExtra } from "./validate-extra.js";
import { parseQuantity, validateServiceLink } from "./validate-input.js";

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
  /** The service price the charge was computed from; the write refuses if it changed meanwhile. */
  pricedAt: { serviceId: number; price: Decimal; priceUnit: Service["priceUnit"] } | null;
}

export function checkServiceId(serviceId: unknown): asserts serviceId is number {
  if (typeof serviceId !== "number" || !Number.isSafeInteger(serviceId) || serviceId <= 0) {
    throw new ValidationError("serviceId", "service_unknown", "Unknown service");
  }
}

/**
 * The orderable rule, on a row read by any query: the service exists, it and its category are
 * active, and its type is one we can forward (service-kinds.ts).
 */
export function orderableService<S extends Service & { category: Pick<Category, "active"> }>(serviceId: number, service: S | null): S {
  if (!service) throw new NotFoundError("Service", serviceId);
  if (!service.active || !service.category.active || (service.mode === "AUTO" && serviceKind(service.type).unsupported !== null)) {
    throw new ValidationError("serviceId", "service_unavailable", "This service is not available right now", { serviceId });
  }
  return service;
}

/** With `buyerId`, the service carries that buyer's price terms (see priceFor). */
export async function loadOrderableService(db: Db, serviceId: unknown, buyerId?: number): Promise<OrderableService> {
  checkServiceId(serviceId);
  const service = orderableService(serviceId, await db.service.findUnique({ where: { id: serviceId }, include: { category: true } }));
  return buyerId === undefined ? service : withBuyerTerms(service, await loadResellerTerms(db, buyerId, [service.id]));
}

/**
 * The same on a service row already at hand (a cached catalogue): `buyer` is the user already read,
 * so a list-price buyer costs no statement.
 */
export async function orderableFromRow(
  db: Db,
  serviceId: unknown,
  row: (Service & { category: Category }) | null,
  buyer?: Parameters<typeof loadBuyerTerms>[1],
): Promise<OrderableService> {
  checkServiceId(serviceId);
  const service = orderableService(serviceId, row);
  return buyer === undefined ? service : withBuyerTerms(service, await loadBuyerTerms(db, buyer, [service.id]));
}

/** Validates a request against its service and prices it. Pure: reads nothing, writes nothing. */
export function prepareOrder(service: OrderableService, req: OrderRequest): OrderDraft {
  const kind = serviceKind(service.type);
  const link = validateServiceLink(service, req.link);
  const extra = validateExtra(kind, service.dripfeed, req.extra);
  const quantity = quantityOf(kind, service, req.quantity, extra);
  // The buyer's price (priceFor); pricedAt keeps the list price the write checks is unchanged.
  const charge = amountFor(priceFor(service, service.buyerTerms ?? null), service.priceUnit, quantity);
  if (charge.lte(0)) throw new ValidationError("quantity", "charge_zero", "The price of this order would be zero");
  return {
    service,
    link,
    quantity,
    extra,
    charge,
    cost: optionalAmountFor(service.cost === null ? null : new Decimal(service.cost), service.priceUnit, quantity),
    pricedAt: { serviceId: service.id, price: new Decimal(service.price), priceUnit: service.priceUnit },
  };
}

/** The quantity: as asked, the number of lines of a list extra, or the one fixed amount of a package. */
function quantityOf(kind: ServiceKind, service: OrderableService, asked: unknown, extra: OrderDraft["extra"]): number {
  const blank = asked === undefined || asked === null || asked === "";
  const linesField = quantityLines(kind);
  if (linesField !== null) {
    const count = lineCount(extra, linesField);
    if (!blank && String(asked).trim() !== String(count)) {
      throw new ValidationError("quantity", "quantity_lines_mismatch", `Quantity must equal the number of lines (${count})`, { count });
    }
    return parseQuantity(count, service.min, service.max);
  }
  if (blank && service.min === service.max) return service.min;
  const quantity = parseQuantity(asked, service.min, service.max);
  if (service.dripfeed && extra && typeof extra.runs === "number" && quantity % extra.runs !== 0) {
    // Providers take drip-feed quantities per run: the total must split evenly.
    throw new ValidationError("runs", "runs_uneven", `Quantity must be a multiple of runs (${extra.runs})`, { runs: extra.runs });
  }
  return quantity;
}
