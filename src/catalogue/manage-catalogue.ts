import type { Deps } from "../deps.js";
import type { Category, LinkKind, PriceUnit, Prisma, Service, ServiceMode } from "@prisma/client";
import type { Actor } from "../audit/actor.js";
import { writeAudit } from "../audit/write-audit.js";
import type { Db, Tx } from "../db/client.js";
import { transaction } from "../db/transaction.js";
import { Decimal } from "../money/decimal.js";
import { NotFoundError, ValidationError } from "../shared/errors.js";
import { PLATFORMS, platformOf } from "./platforms.js";
import { serviceKind } from "./service-kinds.js";

export interface CategoryFields {
  nameBn: string;
  nameEn: string;
  sortOrder?: number;
  active?: boolean;
}

export async function createCategory(deps: Deps, input: CategoryFields & { actor: Actor }): Promise<Category> {
  const { db } = deps;
  const data = categoryData(input);
  return transaction(db, async (tx) => {
    const category = await tx.category.create({ data: data as Prisma.CategoryCreateInput });
    await writeAudit(tx, input.actor, { action: "category.create", entity: "Category", entityId: category.id, after: category });
    return category;
  });
}

export async function updateCategory(deps: Deps, input: Partial<CategoryFields> & { id: number; actor: Actor }): Promise<Category> {
  const { db } = deps;
  const data = categoryData(input);
  return transaction(db, async (tx) => {
    const before = await tx.category.findUnique({ where: { id: input.id } });
    if (!before) throw new NotFoundError("Category", input.id);
    const after = await tx.category.update({ where: { id: input.id }, data });
    await writeAudit(tx, input.actor, { action: "category.update", entity: "Category", entityId: input.id, before, after });
    return after;
  });
}

function categoryData(input: Partial<CategoryFields>): Prisma.CategoryUpdateInput {
  return {
    ...(input.nameBn !== undefined ? { nameBn: name("nameBn", input.nameBn) } : {}),
    ...(input.nameEn !== undefined ? { nameEn: name("nameEn", input.nameEn) } : {}),
    ...(input.sortOrder !== undefined ? { sortOrder: input.sortOrder } : {}),
    ...(input.active !== undefined ? { active: input.active } : {}),
  };
}

export interface ServiceFields {
  categoryId: number;
  nameBn: string;
  nameEn: string;
  descriptionBn?: string | null;
  descriptionEn?: string | null;
  mode: ServiceMode;
  type?: string;
  platform?: string;
  linkKind?: LinkKind;
  providerId?: number | null;
  providerServiceId?: string | null;
  /** Customer price in shop currency per priceUnit, decimal string. */
  price: string;
  priceUnit?: PriceUnit;
  cost?: string | null;
  packageSize?: number | null;
  min: number;
  max: number;
  refill?: boolean;
  /** Refill window in days from completion; null: the provider's or the shop default. */
  refillDays?: number | null;
  cancel?: boolean;
  dripfeed?: boolean;
  active?: boolean;
  stuckAfterMinutes?: number | null;
}

export async function createService(deps: Deps, input: ServiceFields & { actor: Actor }): Promise<Service> {
  const { db } = deps;
  return transaction(db, async (tx) => {
    const data = await checkedService(tx, input, null);
    const service = await tx.service.create({ data: data as Prisma.ServiceUncheckedCreateInput });
    await writeAudit(tx, input.actor, { action: "service.create", entity: "Service", entityId: service.id, after: service });
    return service;
  });
}

export async function updateService(deps: Deps, input: Partial<ServiceFields> & { id: number; actor: Actor }): Promise<Service> {
  const { db } = deps;
  return transaction(db, async (tx) => {
    const before = await tx.service.findUnique({ where: { id: input.id } });
    if (!before) throw new NotFoundError("Service", input.id);
    const data = await checkedService(tx, input, before);
    const after = await tx.service.update({ where: { id: input.id }, data });
    await writeAudit(tx, input.actor, { action: "service.update", entity: "Service", entityId: input.id, before, after });
    return after;
  });
}

/** Validates the changed fields against the merged result (a change must leave a consistent service). */
async function checkedService(tx: Tx, input: Partial<ServiceFields>, before: Service | null): Promise<Prisma.ServiceUncheckedUpdateInput> {
  const { actor: _actor, id: _id, ...fields } = input as Partial<ServiceFields> & { actor?: unknown; id?: unknown };
  const merged = { ...(before ?? {}), ...stripUndefined(fields) } as Partial<ServiceFields> & Partial<Service>;
  const price = amount("price", merged.price?.toString());
  if (!price || price.lte(0)) throw new ValidationError("price", "price_invalid", "Price must be greater than zero");
  const cost = merged.cost === null || merged.cost === undefined ? null : amount("cost", merged.cost.toString());
  if (cost && price.lt(cost)) throw new ValidationError("price", "price_below_cost", "The customer price must not be below the cost", { cost: cost.toString() });
  const min = merged.min ?? 1;
  const max = merged.max ?? 1_000_000;
  if (!Number.isInteger(min) || min < 1) throw new ValidationError("min", "min_invalid", "Min must be a whole number of at least 1");
  if (!Number.isInteger(max) || max < min) throw new ValidationError("max", "max_invalid", "Max must be a whole number not below min");
  if (fields.refillDays != null && (!Number.isInteger(fields.refillDays) || fields.refillDays < 1 || fields.refillDays > 3650)) {
    throw new ValidationError("refillDays", "refill_days_invalid", "The refill window must be a whole number of days from 1 to 3650");
  }
  if (fields.platform !== undefined && !platformOf(fields.platform)) {
    throw new ValidationError("platform", "platform_unknown", `Platform must be one of: ${PLATFORMS.map((p) => p.key).join(", ")}`);
  }
  const unsupported = merged.mode === "AUTO" ? serviceKind(merged.type).unsupported : null;
  if (unsupported !== null && merged.active !== false) {
    throw new ValidationError("type", "service_type_unsupported", `${unsupported}: the service cannot be active`, { reason: unsupported });
  }
  if (merged.mode === "AUTO" && (!merged.providerId || !merged.providerServiceId)) {
    throw new ValidationError("providerId", "provider_required", "Auto services need a provider and the provider's service id");
  }
  if (fields.categoryId !== undefined && !(await tx.category.findUnique({ where: { id: fields.categoryId }, select: { id: true } }))) {
    throw new ValidationError("categoryId", "category_unknown", "Unknown category");
  }
  if (fields.providerId && !(await tx.provider.findUnique({ where: { id: fields.providerId }, select: { id: true } }))) {
    throw new ValidationError("providerId", "provider_unknown", "Unknown provider");
  }
  return {
    ...(fields as Prisma.ServiceUncheckedUpdateInput),
    ...(fields.nameBn !== undefined ? { nameBn: name("nameBn", fields.nameBn) } : {}),
    ...(fields.nameEn !== undefined ? { nameEn: name("nameEn", fields.nameEn) } : {}),
    ...(fields.price !== undefined ? { price } : {}),
    ...(fields.cost !== undefined ? { cost } : {}),
    // Only a service that can be ordered is active, so an activated one has no reason left.
    ...(merged.active !== false ? { inactiveReason: null } : {}),
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function name(field: string, value: string): string {
  const v = value.trim();
  if (v.length === 0 || v.length > 200) throw new ValidationError(field, "name_invalid", "A name has 1-200 characters");
  return v;
}

function amount(field: string, value: string | undefined): Decimal | null {
  if (value === undefined) return null;
  if (!/^\d{1,14}(\.\d{1,6})?$/.test(value.trim())) throw new ValidationError(field, "amount_invalid", `${field} must be a non-negative decimal with at most 6 decimals`);
  return new Decimal(value.trim());
}
