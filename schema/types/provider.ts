import type { ImportReport as ImportReportData } from "../../src/catalogue/import-services.js";
import { z } from "zod";
import { importProviderServices } from "../../src/catalogue/import-services.js";
import { providerBalance } from "../../src/catalogue/provider-gateway.js";
import { createProvider, refreshProviderBalance, updateProvider } from "../../src/catalogue/manage-providers.js";
import { maskSecret } from "../../src/shared/secret-box.js";
import { builder } from "../builder.js";
import { actorOf } from "../context.js";
import { ADMIN } from "../enums.js";
import { domainErrors } from "../errors.js";
import { positiveId } from "../validation.js";

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
  }),
});

builder.queryFields((t) => ({
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
