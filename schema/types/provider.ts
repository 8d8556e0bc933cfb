import type { ImportReport as ImportReportData } from "../../src/catalogue/import-services.js";
import { z } from "zod";
import type { ImportItem as ImportItemData, ImportPreview as ImportPreviewData, VanishedItem as VanishedItemData } from "../../src/catalogue/import-services.js";
import { applyServiceImport, importProviderServices, previewServiceImport } from "../../src/catalogue/import-services.js";
import type { ProviderHealth as ProviderHealthData } from "../../src/catalogue/provider-health.js";
import { testProviderKey, type ProviderKeyTest as ProviderKeyTestData } from "../../src/catalogue/test-provider-key.js";
import { providerBalance } from "../../src/catalogue/provider-gateway.js";
import { createProvider, refreshProviderBalance, updateProvider } from "../../src/catalogue/manage-providers.js";
import { maskSecret } from "../../src/shared/secret-box.js";
import { builder } from "../builder.js";
import { actorOf } from "../context.js";
import { ADMIN } from "../enums.js";
import { domainErrors } from "../errors.js";
import { positiveId } from "../validation.js";

const ProviderHealth = builder.objectRef<ProviderHealthData>("ProviderHealth").implement({
  description: "A provider's figures over the last 24 hours, from its call log (read for all providers in one statement).",
  fields: (t) => ({
    servicesCount: t.exposeInt("servicesCount"),
    activeServicesCount: t.exposeInt("activeServicesCount"),
    calls: t.exposeInt("calls", { description: "HTTP calls in the last 24 h." }),
    errors: t.exposeInt("errors", { description: "Calls refused, not sent or left without an answer." }),
    errorRate: t.exposeFloat("errorRate", { nullable: true, description: "errors / calls; null without calls." }),
    p50LatencyMs: t.exposeInt("p50LatencyMs", { nullable: true }),
    p95LatencyMs: t.exposeInt("p95LatencyMs", { nullable: true }),
    lastCallAt: t.expose("lastCallAt", { type: "DateTime", nullable: true }),
    lastSyncAt: t.expose("lastSyncAt", { type: "DateTime", nullable: true, description: "The last order-status sync the provider answered." }),
    lastImportAt: t.expose("lastImportAt", { type: "DateTime", nullable: true, description: "The last import of its service list." }),
  }),
});

/** A provider; its API key is write-only and shown masked. */
export const Provider = builder.prismaObject("Provider", {
  fields: (t) => ({
    id: t.exposeInt("id"),
    name: t.exposeString("name"),
    url: t.exposeString("url"),
    apiKeyMasked: t.string({ select: { apiKeyLast4: true }, resolve: (p) => maskSecret(p.apiKeyLast4) }),
    currency: t.exposeString("currency"),
    balance: t.expose("balance", { type: "Decimal", nullable: true, description: "Last known balance (provider currency)." }),
    balanceCheckedAt: t.expose("balanceCheckedAt", { type: "DateTime", nullable: true }),
    lowBalanceAlert: t.expose("lowBalanceAlert", { type: "Decimal", nullable: true }),
    active: t.exposeBoolean("active"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    liveBalance: t.field({
      type: "Decimal",
      nullable: true,
      description: "The balance asked from the provider (cached for PROVIDER_BALANCE_CACHE_SECONDS); null when it does not answer.",
      resolve: async (p, _a, ctx) => (await providerBalance(ctx.deps, p).catch(() => null))?.toString() ?? null,
    }),
    health: t.field({
      type: ProviderHealth,
      resolve: async (p, _a, ctx) => (await ctx.loaders.providerHealth(p.id)) ?? emptyHealth(p.id),
    }),
  }),
});

function emptyHealth(providerId: number): ProviderHealthData {
  return { providerId, servicesCount: 0, activeServicesCount: 0, calls: 0, errors: 0, errorRate: null, p50LatencyMs: null, p95LatencyMs: null, lastCallAt: null, lastSyncAt: null, lastImportAt: null };
}

const ServiceImportItem = builder.objectRef<ImportItemData>("ServiceImportItem").implement({
  description: "A provider service as the import would leave it, beside the catalogue's service (if any).",
  fields: (t) => ({
    providerServiceId: t.exposeString("providerServiceId"),
    name: t.exposeString("name"),
    serviceId: t.exposeInt("serviceId", { nullable: true }),
    oldCost: t.expose("oldCost", { type: "Decimal", nullable: true }),
    newCost: t.expose("newCost", { type: "Decimal" }),
    oldPrice: t.expose("oldPrice", { type: "Decimal", nullable: true }),
    newPrice: t.expose("newPrice", { type: "Decimal" }),
    reactivates: t.exposeBoolean("reactivates", { description: "Inactive now; the import makes it orderable again." }),
    unsupportedReason: t.exposeString("unsupportedReason", { nullable: true, description: "Kept inactive: a type the shop cannot forward." }),
  }),
});

const VanishedService = builder.objectRef<VanishedItemData>("VanishedService").implement({
  description: "A service the provider no longer lists; the import deactivates it.",
  fields: (t) => ({
    serviceId: t.exposeInt("serviceId"),
    providerServiceId: t.exposeString("providerServiceId", { nullable: true }),
    name: t.exposeString("name"),
    cost: t.expose("cost", { type: "Decimal", nullable: true }),
    price: t.expose("price", { type: "Decimal" }),
  }),
});

const ServiceImportPreview = builder.objectRef<ImportPreviewData>("ServiceImportPreview").implement({
  description: "What applyServiceImport would do; nothing was written. Prices are cost × (1 + markup).",
  fields: (t) => ({
    providerId: t.exposeInt("providerId"),
    markupPercent: t.exposeString("markupPercent"),
    categoryId: t.exposeInt("categoryId", { nullable: true }),
    token: t.exposeString("token", { description: "Pass to applyServiceImport: it applies only while the provider's list and the catalogue are as previewed." }),
    added: t.field({ type: [ServiceImportItem], resolve: (p) => p.added }),
    changedCost: t.field({ type: [ServiceImportItem], resolve: (p) => p.changedCost }),
    unchanged: t.field({ type: [ServiceImportItem], description: "Same cost (the price may still follow the new markup).", resolve: (p) => p.unchanged }),
    vanished: t.field({ type: [VanishedService], resolve: (p) => p.vanished }),
    skipped: t.exposeInt("skipped", { description: "Entries of the provider's list that could not be read." }),
  }),
});

const ProviderKeyTest = builder.objectRef<ProviderKeyTestData>("ProviderKeyTest").implement({
  description: "The answer to a balance call made with the key; the key itself never appears.",
  fields: (t) => ({
    ok: t.exposeBoolean("ok"),
    balance: t.expose("balance", { type: "Decimal", nullable: true }),
    currency: t.exposeString("currency", { nullable: true }),
    error: t.exposeString("error", { nullable: true }),
    latencyMs: t.exposeInt("latencyMs", { nullable: true }),
  }),
});

builder.queryFields((t) => ({
  previewServiceImport: t.field({
    type: ServiceImportPreview,
    authScopes: ADMIN,
    errors: domainErrors,
    description: "Reads the provider's service list and shows what an import with this markup would change; writes nothing.",
    args: {
      providerId: t.arg.int({ validate: positiveId }),
      categoryId: t.arg.int({ required: false, validate: positiveId }),
      markupPercent: t.arg.string({ description: 'Percent over cost, e.g. "25".' }),
    },
    resolve: (_r, args, ctx) => previewServiceImport(ctx.deps, { providerId: args.providerId, categoryId: args.categoryId ?? undefined, markupPercent: args.markupPercent }),
  }),
  providers: t.prismaField({
    type: ["Provider"],
    authScopes: ADMIN,
    resolve: (query, _r, _a, ctx) => ctx.deps.db.provider.findMany({ ...query, orderBy: { id: "asc" } }),
  }),
  provider: t.prismaField({
    type: "Provider",
    nullable: true,
    authScopes: ADMIN,
    args: { id: t.arg.int() },
    resolve: (query, _r, { id }, ctx) => ctx.deps.db.provider.findUnique({ ...query, where: { id } }),
  }),
}));

const providerName = z.string().trim().min(1).max(80);
const currency = z.string().regex(/^[A-Z]{3}$/, "a 3-letter currency code");

const ProviderInput = builder.inputType("ProviderInput", {
  fields: (t) => ({
    name: t.string({ validate: providerName }),
    url: t.string({ validate: z.string().url().max(500) }),
    apiKey: t.string({ description: "Write-only.", validate: z.string().min(1).max(500) }),
    currency: t.string({ required: false, validate: currency }),
  }),
});

const ProviderPatch = builder.inputType("ProviderPatch", {
  fields: (t) => ({
    name: t.string({ required: false, validate: providerName }),
    url: t.string({ required: false, validate: z.string().url().max(500) }),
    apiKey: t.string({ required: false, description: "Write-only.", validate: z.string().min(1).max(500) }),
    currency: t.string({ required: false, validate: currency }),
    active: t.boolean({ required: false }),
  }),
});

const UnsupportedService = builder.objectRef<ImportReportData["unsupported"][number]>("UnsupportedService").implement({
  description: "A provider service imported inactive because the shop cannot forward its type.",
  fields: (t) => ({
    providerServiceId: t.exposeString("providerServiceId"),
    name: t.exposeString("name"),
    reason: t.exposeString("reason"),
  }),
});

const ImportReport = builder.objectRef<ImportReportData>("ImportReport").implement({
  fields: (t) => ({
    unsupported: t.field({ type: [UnsupportedService], resolve: (r) => r.unsupported }),
    created: t.exposeInt("created"),
    updated: t.exposeInt("updated"),
    deactivated: t.exposeInt("deactivated"),
    skipped: t.exposeInt("skipped"),
  }),
});

builder.mutationFields((t) => ({
  createProvider: t.prismaField({
    type: "Provider",
    authScopes: ADMIN,
    errors: domainErrors,
    args: { input: t.arg({ type: ProviderInput }) },
    resolve: (_q, _r, { input }, ctx) =>
      createProvider(ctx.deps, { name: input.name, url: input.url, apiKey: input.apiKey, currency: input.currency ?? undefined, actor: actorOf(ctx) }),
  }),
  updateProvider: t.prismaField({
    type: "Provider",
    authScopes: ADMIN,
    errors: domainErrors,
    args: { id: t.arg.int({ validate: positiveId }), patch: t.arg({ type: ProviderPatch }) },
    resolve: (_q, _r, { id, patch }, ctx) =>
      updateProvider(ctx.deps, {
        id,
        name: patch.name ?? undefined,
        url: patch.url ?? undefined,
        apiKey: patch.apiKey ?? undefined,
        currency: patch.currency ?? undefined,
        active: patch.active ?? undefined,
        actor: actorOf(ctx),
      }),
  }),
  refreshProviderBalance: t.prismaField({
    type: "Provider",
    authScopes: ADMIN,
    errors: domainErrors,
    args: { id: t.arg.int({ validate: positiveId }) },
    resolve: (_q, _r, { id }, ctx) => refreshProviderBalance(ctx.deps, id),
  }),
  testProviderKey: t.field({
    type: ProviderKeyTest,
    authScopes: ADMIN,
    errors: domainErrors,
    description: "A balance call with a saved provider's key, or with a URL and key typed in before saving (given ones win). Audit-logged; nothing else is stored.",
    args: {
      providerId: t.arg.int({ required: false, validate: positiveId }),
      url: t.arg.string({ required: false, validate: z.string().max(500) }),
      apiKey: t.arg.string({ required: false, description: "Write-only.", validate: z.string().min(1).max(500) }),
    },
    resolve: (_r, args, ctx) =>
      testProviderKey(ctx.deps, { providerId: args.providerId ?? undefined, url: args.url ?? undefined, apiKey: args.apiKey ?? undefined, actor: actorOf(ctx) }),
  }),
  applyServiceImport: t.field({
    type: ImportReport,
    authScopes: ADMIN,
    errors: domainErrors,
    description: "Applies what previewServiceImport showed (same provider, markup, category and token); a ConflictError import_preview_stale when the list or catalogue changed since.",
    args: {
      providerId: t.arg.int({ validate: positiveId }),
      categoryId: t.arg.int({ required: false, validate: positiveId }),
      markupPercent: t.arg.string(),
      token: t.arg.string({ validate: z.string().min(1).max(100) }),
    },
    resolve: (_r, args, ctx) =>
      applyServiceImport(ctx.deps, { providerId: args.providerId, categoryId: args.categoryId ?? undefined, markupPercent: args.markupPercent, token: args.token, actor: actorOf(ctx) }),
  }),
  importProviderServices: t.field({
    type: ImportReport,
    authScopes: ADMIN,
    errors: domainErrors,
    description: "Imports the provider's services with a markup; re-import updates and deactivates vanished ones.",
    args: {
      providerId: t.arg.int({ validate: positiveId }),
      categoryId: t.arg.int({ required: false, validate: positiveId }),
      markupPercent: t.arg.string({ description: 'Percent over cost, e.g. "25".' }),
    },
    resolve: (_r, args, ctx) =>
      importProviderServices(ctx.deps, { providerId: args.providerId, categoryId: args.categoryId ?? undefined, markupPercent: args.markupPercent, actor: actorOf(ctx) }),
  }),
}));
