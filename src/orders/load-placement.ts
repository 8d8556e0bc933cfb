import { Prisma, type Role } from "@prisma/client";
import { sqlOf } from "../db/sql-client.js";
import type { Deps } from "../deps.js";
import { Decimal } from "../money/decimal.js";
import { NotFoundError } from "../shared/errors.js";
import { activeCustomer } from "../users/require-active-customer.js";
import { checkServiceId, orderableService, type OrderableService } from "./prepare-order.js";
import { resellerTerms, withBuyerTerms } from "./pricing.js";

export type Placement =
  /** An earlier request with the same idempotency key placed this order. */
  | { earlierOrderId: number; service: OrderableService | null }
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
 * statement costs far more client CPU than the database work (see README "Benchmarks"), so it
 * runs on node-postgres, not through Prisma's runtime.
 * The customer and service rules are the same functions requireActiveCustomer and
 * loadOrderableService apply to their Prisma reads.
 */
export async function loadPlacement(deps: Deps, userId: number, serviceId: unknown, idempotencyKey: string | null): Promise<Placement> {
  checkServiceId(serviceId);
  const [row] = await sqlOf(deps.db).rows<PlacementRow>(Prisma.sql`
    SELECT u."blocked", u."role"::text AS "role", u."resellerDiscount"::text AS "resellerDiscount", a."id" AS "accountId",
           (SELECT rp."price"::text FROM "ResellerPrice" rp WHERE rp."userId" = u."id" AND rp."serviceId" = ${serviceId}) AS "ownPrice",
           (SELECT o."id" FROM "Order" o WHERE o."userId" = u."id" AND o."idempotencyKey" = ${idempotencyKey}) AS earlier,
           (SELECT to_jsonb(s) || jsonb_build_object('price', s."price"::text, 'cost', s."cost"::text,
                                                     'providerRate', s."providerRate"::text, 'categoryActive', c."active")
              FROM "Service" s JOIN "Category" c ON c."id" = s."categoryId" WHERE s."id" = ${serviceId}) AS service
      FROM "User" u LEFT JOIN "Account" a ON a."userId" = u."id"
     WHERE u."id" = ${userId}`);
  if (!row) throw new NotFoundError("User", userId);
  const s = row.service;
  const service = s && ({
    ...s,
    price: new Decimal(s.price),
    cost: s.cost === null ? null : new Decimal(s.cost),
    providerRate: s.providerRate === null ? null : new Decimal(s.providerRate),
    category: { active: s.categoryActive },
  } as unknown as OrderableService);
  // A retry answers with its order even if the service has been switched off since.
  if (row.earlier !== null) return { earlierOrderId: row.earlier, service };
  const { accountId } = activeCustomer(userId, row);
  const terms = resellerTerms(row, row.ownPrice === null ? [] : [{ serviceId, price: row.ownPrice }]);
  return { earlierOrderId: null, accountId, service: withBuyerTerms(orderableService(serviceId, service), terms) };
}
