import type { Role } from "@prisma/client";
import type { Db } from "../db/client.js";
import { Decimal } from "../money/decimal.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../shared/errors.js";
import type { OrderableService } from "./prepare-order.js";
import { resellerTerms, withBuyerTerms } from "./pricing.js";

export type Placement =
  /** An earlier request with the same idempotency key placed this order. */
  | { earlierOrderId: number }
  | { earlierOrderId: null; accountId: number; service: OrderableService };

interface PlacementRow {
  blocked: boolean;
  role: Role;
  resellerDiscount: string;
  ownPrice: string | null;
  accountId: number | null;
  earlier: number | null;
  service: (Record<string, unknown> & { price: string; cost: string | null; providerRate: string | null; categoryActive: boolean }) | null;
}

/**
 * Everything placing one order reads — the customer, their account, the service with its
 * category, and an earlier order under the same key — in ONE statement: on the hot path every
 * statement costs far more client CPU than the database work (see README "Benchmarks").
 * Refuses unknown and blocked customers and unknown or unavailable services, like
 * requireActiveCustomer and loadOrderableService.
 */
export async function loadPlacement(db: Db, userId: number, serviceId: unknown, idempotencyKey: string | null): Promise<Placement> {
  if (typeof serviceId !== "number" || !Number.isSafeInteger(serviceId) || serviceId <= 0) {
    throw new ValidationError("serviceId", "service_unknown", "Unknown service");
  }
  const [row] = await db.$queryRaw<PlacementRow[]>`
    SELECT u."blocked", u."role"::text AS "role", u."resellerDiscount"::text AS "resellerDiscount", a."id" AS "accountId",
           (SELECT rp."price"::text FROM "ResellerPrice" rp WHERE rp."userId" = u."id" AND rp."serviceId" = ${serviceId}) AS "ownPrice",
           (SELECT o."id" FROM "Order" o WHERE o."userId" = u."id" AND o."idempotencyKey" = ${idempotencyKey}) AS earlier,
           (SELECT to_jsonb(s) || jsonb_build_object('price', s."price"::text, 'cost', s."cost"::text,
                                                     'providerRate', s."providerRate"::text, 'categoryActive', c."active")
              FROM "Service" s JOIN "Category" c ON c."id" = s."categoryId" WHERE s."id" = ${serviceId}) AS service
      FROM "User" u LEFT JOIN "Account" a ON a."userId" = u."id"
     WHERE u."id" = ${userId}`;
  if (!row) throw new NotFoundError("User", userId);
  if (row.earlier !== null) return { earlierOrderId: row.earlier };
  if (row.blocked) throw new ForbiddenError("This account is blocked");
  if (row.accountId === null) throw new NotFoundError("Account of user", userId);
  const s = row.service;
  if (!s) throw new NotFoundError("Service", serviceId);
  if (!s.active || !s.categoryActive) {
    throw new ValidationError("serviceId", "service_unavailable", "This service is not available right now", { serviceId });
  }
  const terms = resellerTerms(row, row.ownPrice === null ? [] : [{ serviceId, price: row.ownPrice }]);
  const service = {
    ...s,
    price: new Decimal(s.price),
    cost: s.cost === null ? null : new Decimal(s.cost),
    providerRate: s.providerRate === null ? null : new Decimal(s.providerRate),
    category: { active: s.categoryActive },
  } as unknown as OrderableService;
  return { earlierOrderId: null, accountId: row.accountId, service: withBuyerTerms(service, terms) };
}
