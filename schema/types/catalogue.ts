import { z } from "zod";
import { bulkChangePrices, type BulkPriceChange as BulkPriceChangeData, type PriceScope } from "../../src/catalogue/bulk-change-prices.js";
import { createCategory, createService, updateCategory, updateService } from "../../src/catalogue/manage-catalogue.js";
import { builder } from "../builder.js";
import { actorOf } from "../context.js";
import { ADMIN, LinkKindEnum, PriceUnitEnum, ServiceModeEnum } from "../enums.js";
import { domainErrors } from "../errors.js";
import { ValidationError } from "../../src/shared/errors.js";
import { positiveId } from "../validation.js";
import { DeliveryEstimate, estimateNode } from "./delivery-estimate.js";

const refillDaysInput = z.number().int().min(1, "refillDays must be at least 1").max(3650, "refillDays must be at most 3650");

/** The admin's view of a service: cost, provider mapping and all flags. */
export const Service = builder.prismaObject("Service", {
  fields: (t) => ({
    id: t.exposeInt("id"),
    nameBn: t.exposeString("nameBn"),
    nameEn: t.exposeString("nameEn"),
    descriptionBn: t.exposeString("descriptionBn", { nullable: true }),
    descriptionEn: t.exposeString("descriptionEn", { nullable: true }),
    mode: t.expose("mode", { type: ServiceModeEnum }),
    type: t.exposeString("type"),
    platform: t.exposeString("platform"),
    linkKind: t.expose("linkKind", { type: LinkKindEnum }),
    providerServiceId: t.exposeString("providerServiceId", { nullable: true }),
    price: t.expose("price", { type: "Decimal" }),
    priceUnit: t.expose("priceUnit", { type: PriceUnitEnum }),
    cost: t.expose("cost", { type: "Decimal", nullable: true }),
    providerRate: t.expose("providerRate", { type: "Decimal", nullable: true }),
    packageSize: t.exposeInt("packageSize", { nullable: true }),
    min: t.exposeInt("min"),
    max: t.exposeInt("max"),
    refill: t.exposeBoolean("refill"),
    refillDays: t.exposeInt("refillDays", { nullable: true, description: "Refill window in days from completion set by an admin (wins over providerRefillDays and the shop default)." }),
    providerRefillDays: t.exposeInt("providerRefillDays", { nullable: true, description: "Refill window the provider states for this service (read at import)." }),
    cancel: t.exposeBoolean("cancel"),
    dripfeed: t.exposeBoolean("dripfeed"),
    active: t.exposeBoolean("active"),
    inactiveReason: t.exposeString("inactiveReason", { nullable: true, description: "Why the service cannot be ordered, e.g. a provider service type the shop cannot forward." }),
    stuckAfterMinutes: t.exposeInt("stuckAfterMinutes", { nullable: true }),
    deliveryEstimate: t.field({
      type: DeliveryEstimate,
      select: { estimates: true },
      resolve: (s) => estimateNode(s.estimates, true),
    }),
    category: t.relation("category"),
    provider: t.relation("provider", { nullable: true }),
  }),
});

builder.queryFields((t) => ({
  categories: t.prismaField({
    type: ["Category"],
    authScopes: ADMIN,
    resolve: (query, _r, _a, ctx) => ctx.deps.db.category.findMany({ ...query, orderBy: [{ sortOrder: "asc" }, { id: "asc" }] }),
  }),
  services: t.prismaConnection({
    type: "Service",
    cursor: "id",
    authScopes: ADMIN,
    args: {
      categoryId: t.arg.int({ required: false }),
      providerId: t.arg.int({ required: false }),
      active: t.arg.boolean({ required: false }),
      withInactiveReason: t.arg.boolean({ required: false, description: "Only services that cannot be ordered for a stated reason (e.g. a type the shop cannot forward)." }),
      search: t.arg.string({ required: false, validate: z.string().max(100), description: "Service id, or part of its Bengali or English name or the provider's service id." }),
    },
    resolve: (query, _r, args, ctx) => ctx.deps.db.service.findMany({ ...query, where: servicesWhere(args), orderBy: { id: "asc" } }),
    totalCount: (_p, args, ctx) => ctx.deps.db.service.count({ where: servicesWhere(args) }),
  }),
}));

function servicesWhere(args: { categoryId?: number | null; providerId?: number | null; active?: boolean | null; withInactiveReason?: boolean | null; search?: string | null }) {
  return {
    ...(args.categoryId ? { categoryId: args.categoryId } : {}),
    ...(args.providerId ? { providerId: args.providerId } : {}),
    ...(args.active != null ? { active: args.active } : {}),
    ...(args.withInactiveReason ? { inactiveReason: { not: null } } : {}),
    ...serviceSearch(args.search),
  };
}

function serviceSearch(search: string | null | undefined) {
  const s = search?.trim();
  if (!s) return {};
  const byName = [{ nameEn: { contains: s, mode: "insensitive" as const } }, { nameBn: { contains: s, mode: "insensitive" as const } }, { providerServiceId: s }];
  return { OR: /^\d{1,9}$/.test(s) ? [{ id: Number(s) }, ...byName] : byName };
}

const decimalText = z.string().regex(/^\d{1,14}(\.\d{1,6})?$/, "must be a decimal like 120.50");
const nameText = z.string().trim().min(1).max(200);

const CategoryInput = builder.inputType("CategoryInput", {
  fields: (t) => ({
    nameBn: t.string({ validate: nameText }),
    nameEn: t.string({ validate: nameText }),
    sortOrder: t.int({ required: false }),
    active: t.boolean({ required: false }),
  }),
});

const CategoryPatch = builder.inputType("CategoryPatch", {
  fields: (t) => ({
    nameBn: t.string({ required: false, validate: nameText }),
    nameEn: t.string({ required: false, validate: nameText }),
    sortOrder: t.int({ required: false }),
    active: t.boolean({ required: false }),
  }),
});

const ServiceInput = builder.inputType("ServiceInput", {
  fields: (t) => ({
    categoryId: t.int({ validate: positiveId }),
    nameBn: t.string({ validate: nameText }),
    nameEn: t.string({ validate: nameText }),
    descriptionBn: t.string({ required: false, validate: z.string().max(2000) }),
    descriptionEn: t.string({ required: false, validate: z.string().max(2000) }),
    mode: t.field({ type: ServiceModeEnum }),
    type: t.string({ required: false, validate: z.string().max(64) }),
    platform: t.string({ required: false, validate: z.string().max(32) }),
    linkKind: t.field({ type: LinkKindEnum, required: false }),
    providerId: t.int({ required: false }),
    providerServiceId: t.string({ required: false, validate: z.string().max(64) }),
    price: t.field({ type: "Decimal", validate: decimalText }),
    priceUnit: t.field({ type: PriceUnitEnum, required: false }),
    cost: t.field({ type: "Decimal", required: false, validate: decimalText }),
    packageSize: t.int({ required: false }),
    min: t.int(),
    max: t.int(),
    refill: t.boolean({ required: false }),
    refillDays: t.int({ required: false, validate: refillDaysInput }),
    cancel: t.boolean({ required: false }),
    dripfeed: t.boolean({ required: false }),
    active: t.boolean({ required: false }),
    stuckAfterMinutes: t.int({ required: false }),
  }),
});

const ServicePatch = builder.inputType("ServicePatch", {
  fields: (t) => ({
    categoryId: t.int({ required: false, validate: positiveId }),
    nameBn: t.string({ required: false, validate: nameText }),
    nameEn: t.string({ required: false, validate: nameText }),
    descriptionBn: t.string({ required: false, validate: z.string().max(2000), description: "null clears it." }),
    descriptionEn: t.string({ required: false, validate: z.string().max(2000), description: "null clears it." }),
    mode: t.field({ type: ServiceModeEnum, required: false }),
    type: t.string({ required: false, validate: z.string().max(64) }),
    platform: t.string({ required: false, validate: z.string().max(32) }),
    linkKind: t.field({ type: LinkKindEnum, required: false }),
    providerId: t.int({ required: false }),
    providerServiceId: t.string({ required: false, validate: z.string().max(64) }),
    price: t.field({ type: "Decimal", required: false, validate: decimalText }),
    priceUnit: t.field({ type: PriceUnitEnum, required: false }),
    cost: t.field({ type: "Decimal", required: false, validate: decimalText }),
    packageSize: t.int({ required: false }),
    min: t.int({ required: false }),
    max: t.int({ required: false }),
    refill: t.boolean({ required: false }),
    refillDays: t.int({ required: false, validate: refillDaysInput, description: "Days from completion a refill may be asked; null clears it (the provider's window or the shop default applies again)." }),
    cancel: t.boolean({ required: false }),
    dripfeed: t.boolean({ required: false }),
    active: t.boolean({ required: false }),
    stuckAfterMinutes: t.int({ required: false, description: "null clears it (the shop-wide threshold applies)." }),
  }),
});

function priceScope(kind: "ALL" | "CATEGORY" | "PROVIDER", id: number | null | undefined): PriceScope {
  if (kind === "ALL") return { kind: "all" };
  if (!id) throw new ValidationError("scopeId", "scope_id_required", `scopeId is required for ${kind}`);
  return { kind: kind === "CATEGORY" ? "category" : "provider", id };
}

/** Optional service fields an explicit null empties (a cleared form field); elsewhere null means "not given". */
const CLEARABLE = ["refillDays", "stuckAfterMinutes", "descriptionBn", "descriptionEn"] as const;
function clearedFields(patch: Partial<Record<(typeof CLEARABLE)[number], unknown>>): Partial<Record<(typeof CLEARABLE)[number], null>> {
  return Object.fromEntries(CLEARABLE.filter((k) => patch[k] === null).map((k) => [k, null]));
}

/** GraphQL null means "not given" for patches; use-cases take undefined. */
function defined<T extends object>(o: T): { [K in keyof T]?: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as never;
}

const PriceScopeKindEnum = builder.enumType("PriceScopeKind", { values: ["ALL", "CATEGORY", "PROVIDER"] as const });

const BulkPriceChange = builder.objectRef<BulkPriceChangeData>("BulkPriceChange").implement({
  fields: (t) => ({
    changed: t.exposeInt("changed"),
    services: t.field({ type: [Service], description: "The services changed, with their new prices.", resolve: (r) => r.services }),
  }),
});

builder.mutationFields((t) => ({
  bulkChangePrices: t.field({
    type: BulkPriceChange,
    authScopes: ADMIN,
    errors: domainErrors,
    description: "Raises or lowers every list price in the scope by a percent, in one transaction; refused (nothing changed) if any price would fall below cost.",
    args: {
      percent: t.arg.string({ description: 'Signed percent, e.g. "10" or "-7.5" (from -90 to 1000).' }),
      scope: t.arg({ type: PriceScopeKindEnum }),
      scopeId: t.arg.int({ required: false, validate: positiveId, description: "The category or provider id (for CATEGORY and PROVIDER)." }),
    },
    resolve: (_r, args, ctx) => bulkChangePrices(ctx.deps, { percent: args.percent, scope: priceScope(args.scope, args.scopeId), actor: actorOf(ctx) }),
  }),
  createCategory: t.prismaField({
    type: "Category",
    authScopes: ADMIN,
    errors: domainErrors,
    args: { input: t.arg({ type: CategoryInput }) },
    resolve: (_q, _r, { input }, ctx) => createCategory(ctx.deps, { ...defined(input), nameBn: input.nameBn, nameEn: input.nameEn, actor: actorOf(ctx) }),
  }),
  updateCategory: t.prismaField({
    type: "Category",
    authScopes: ADMIN,
    errors: domainErrors,
    args: { id: t.arg.int({ validate: positiveId }), patch: t.arg({ type: CategoryPatch }) },
    resolve: (_q, _r, { id, patch }, ctx) => updateCategory(ctx.deps, { ...defined(patch), id, actor: actorOf(ctx) }),
  }),
  createService: t.prismaField({
    type: "Service",
    authScopes: ADMIN,
    errors: domainErrors,
    args: { input: t.arg({ type: ServiceInput }) },
    // Read back with the caller's selection: fields such as deliveryEstimate need relations the use-case does not load.
    resolve: async (query, _r, { input }, ctx) => {
      const created = await createService(ctx.deps, { ...defined(input), categoryId: input.categoryId, nameBn: input.nameBn, nameEn: input.nameEn, mode: input.mode, price: input.price, min: input.min, max: input.max, actor: actorOf(ctx) });
      return ctx.deps.db.service.findUniqueOrThrow({ ...query, where: { id: created.id } });
    },
  }),
  updateService: t.prismaField({
    type: "Service",
    authScopes: ADMIN,
    errors: domainErrors,
    description: "Changes a service; `price` below `cost` is refused.",
    args: { id: t.arg.int({ validate: positiveId }), patch: t.arg({ type: ServicePatch }) },
    resolve: async (query, _r, { id, patch }, ctx) => {
      await updateService(ctx.deps, { ...defined(patch), ...clearedFields(patch), id, actor: actorOf(ctx) });
      return ctx.deps.db.service.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
