import type { Prisma, Service } from "@prisma/client";
import type { Actor } from "../audit/actor.js";
import { writeAudit } from "../audit/write-audit.js";
import { transaction } from "../db/transaction.js";
import type { Deps } from "../deps.js";
import { Decimal } from "../money/decimal.js";
import { scaledPrice } from "../orders/pricing.js";
import { NotFoundError, ValidationError } from "../shared/errors.js";

export type PriceScope = { kind: "all" } | { kind: "category"; id: number } | { kind: "provider"; id: number };

export interface BulkChangePricesInput {
  /** Signed percent, e.g. "10" (10 % dearer) or "-7.5"; from -90 to 1000. */
  percent: string;
  scope: PriceScope;
  actor: Actor;
}

export interface BulkPriceChange {
  changed: number;
  services: Service[];
}

/**
 * Raises or lowers every list price in a category, of a provider, or of the whole catalogue by a
 * percent, in one transaction and one UPDATE. A change that would put any service below its cost
 * changes nothing and names those services.
 */
export async function bulkChangePrices(deps: Deps, input: BulkChangePricesInput): Promise<BulkPriceChange> {
  const text = input.percent.trim();
  if (!/^[+-]?\d{1,4}(\.\d{1,2})?$/.test(text)) throw new ValidationError("percent", "percent_invalid", 'Percent must be a number like 10 or -7.5');
  const percent = new Decimal(text);
  if (percent.isZero() || percent.lt(-90) || percent.gt(1000)) throw new ValidationError("percent", "percent_invalid", "Percent must be from -90 to 1000 and not 0");
  const where = scopeWhere(input.scope);
  return transaction(deps.db, async (tx) => {
    if (input.scope.kind === "category" && !(await tx.category.findUnique({ where: { id: input.scope.id }, select: { id: true } }))) throw new NotFoundError("Category", input.scope.id);
    if (input.scope.kind === "provider" && !(await tx.provider.findUnique({ where: { id: input.scope.id }, select: { id: true } }))) throw new NotFoundError("Provider", input.scope.id);
    const services = await tx.service.findMany({ where, select: { id: true, price: true, cost: true }, orderBy: { id: "asc" } });
    const changes = services.map((s) => ({ id: s.id, before: new Decimal(s.price), after: scaledPrice(s.price, percent), cost: s.cost }));
    const belowCost = changes.filter((c) => c.cost !== null && c.after.lt(c.cost)).map((c) => c.id);
    if (belowCost.length > 0) {
      throw new ValidationError("percent", "price_below_cost", `This would price ${belowCost.length} service(s) below cost: ${belowCost.slice(0, 10).join(", ")}${belowCost.length > 10 ? ", …" : ""}`, { serviceIds: belowCost });
    }
    if (changes.some((c) => c.after.lte(0))) throw new ValidationError("percent", "price_invalid", "This would make a price zero");
    if (changes.length > 0) {
      await tx.$executeRaw`
        UPDATE "Service" s SET price = v.price, "updatedAt" = ${deps.now()}
          FROM unnest(${changes.map((c) => c.id)}::int[], ${changes.map((c) => c.after.toString())}::numeric[]) AS v(id, price)
         WHERE s.id = v.id`;
    }
    await writeAudit(tx, input.actor, {
      action: "catalogue.bulk_price",
      entity: "Catalogue",
      entityId: input.scope.kind === "all" ? "all" : `${input.scope.kind}:${input.scope.id}`,
      after: { percent: percent.toString(), services: changes.map((c) => ({ id: c.id, before: c.before.toString(), after: c.after.toString() })) },
      at: deps.now(),
    });
    return { changed: changes.length, services: await tx.service.findMany({ where: { id: { in: changes.map((c) => c.id) } }, orderBy: { id: "asc" } }) };
  });
}

function scopeWhere(scope: PriceScope): Prisma.ServiceWhereInput {
  if (scope.kind === "category") return { categoryId: scope.id };
  if (scope.kind === "provider") return { providerId: scope.id };
  return {};
}
