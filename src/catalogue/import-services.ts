import type { Actor } from "../audit/actor.js";
import { writeAudit } from "../audit/write-audit.js";
import type { Deps } from "../deps.js";
import { Decimal } from "../money/decimal.js";
import { fxRate } from "../money/fx.js";
import { createHash } from "node:crypto";
import type { Prisma, Provider } from "@prisma/client";
import type { Tx } from "../db/client.js";
import type { ProviderService, ServicesResult } from "../providers/api-client.js";
import { providerClient } from "./provider-gateway.js";
import { providerFailure } from "./provider-failure.js";
import { inferPlatform } from "./platforms.js";
import { serviceKind } from "./service-kinds.js";
import { ConflictError, NotFoundError, ValidationError } from "../shared/errors.js";

export interface ImportServicesInput {
  providerId: number;
  /** Where new services go; by default a category per provider category name (created when missing). */
  categoryId?: number;
  /** Markup over cost, in percent ("25" = cost × 1.25). */
  markupPercent: string;
  actor: Actor;
}

export interface ImportReport {
  created: number;
  updated: number;
  deactivated: number;
  /** Entries of the provider's list that could not be read (they are not treated as gone). */
  skipped: number;
  /** Services kept inactive because we cannot forward their type, with the reason. */
  unsupported: { providerServiceId: string; name: string; reason: string }[];
}

const PRICE_DP = 4;
const GONE = "No longer in the provider's service list";

/**
 * Imports a provider's `services` with a markup and currency conversion. Re-import updates cost,
 * min/max, flags and price, re-activates returning services, and deactivates services that vanished
 * upstream. Prices are cost × (1 + markup), rounded up, so they never fall below cost. Each new
 * service's platform is guessed from the provider's category and name (the admin can change it);
 * a service type we cannot forward is imported inactive with the reason (service-kinds.ts).
 */
/** One provider service as an import would leave it, beside what the catalogue has now. */
export interface ImportItem {
  providerServiceId: string;
  name: string;
  /** The catalogue's service, when it has one. */
  serviceId: number | null;
  oldCost: string | null;
  newCost: string;
  oldPrice: string | null;
  newPrice: string;
  /** The service is inactive now and the import makes it orderable again. */
  reactivates: boolean;
  /** Why it will be kept inactive (a type we cannot forward), or null. */
  unsupportedReason: string | null;
}

/** A service of the catalogue the provider no longer lists: the import deactivates it. */
export interface VanishedItem {
  serviceId: number;
  providerServiceId: string | null;
  name: string;
  cost: string | null;
  price: string;
}

export interface ImportPreview {
  providerId: number;
  markupPercent: string;
  categoryId: number | null;
  /** Names exactly this preview: the provider's list and the catalogue as they were read. Pass it to applyServiceImport. */
  token: string;
  added: ImportItem[];
  changedCost: ImportItem[];
  unchanged: ImportItem[];
  vanished: VanishedItem[];
  skipped: number;
}

type Existing = { id: number; providerServiceId: string | null; nameEn: string; cost: Prisma.Decimal | null; price: Prisma.Decimal; active: boolean };

interface Loaded {
  provider: Provider;
  rate: Decimal;
  factor: Decimal;
  list: ServicesResult;
}

/** Checks the input and reads the provider's list (outside any transaction: it is a network call). */
async function loadImport(deps: Deps, input: Omit<ImportServicesInput, "actor">): Promise<Loaded> {
  if (!/^\d{1,4}(\.\d{1,2})?$/.test(input.markupPercent)) {
    throw new ValidationError("markupPercent", "markup_invalid", "Markup must be a percentage from 0 to 9999, e.g. 25");
  }
  const provider = await deps.db.provider.findUnique({ where: { id: input.providerId } });
  if (!provider) throw new NotFoundError("Provider", input.providerId);
  if (input.categoryId !== undefined && !(await deps.db.category.findUnique({ where: { id: input.categoryId } }))) {
    throw new NotFoundError("Category", input.categoryId);
  }
  const rate = fxRate(deps.config, provider.currency);
  const factor = new Decimal(input.markupPercent).div(100).add(1);
  try {
    return { provider, rate, factor, list: await providerClient(deps, provider).services() };
  } catch (error) {
    throw providerFailure(error, "service list");
  }
}

function readExisting(tx: Tx, providerId: number): Promise<Existing[]> {
  return tx.service.findMany({
    where: { providerId },
    select: { id: true, providerServiceId: true, nameEn: true, cost: true, price: true, active: true },
    orderBy: { id: "asc" },
  });
}

/** What the import would do, from the list and the catalogue; the token hashes both, and the input. */
function planImport(input: Omit<ImportServicesInput, "actor">, loaded: Loaded, existing: Existing[]): ImportPreview {
  const byPsid = new Map(existing.map((s) => [s.providerServiceId, s]));
  const seen = new Set(loaded.list.services.map((s) => s.service));
  const preview: ImportPreview = {
    providerId: loaded.provider.id,
    markupPercent: input.markupPercent,
    categoryId: input.categoryId ?? null,
    token: "",
    added: [],
    changedCost: [],
    unchanged: [],
    vanished: [],
    skipped: loaded.list.skipped.length,
  };
  for (const s of loaded.list.services) {
    const data = serviceFields(s, loaded.rate, loaded.factor);
    const old = byPsid.get(s.service);
    const item: ImportItem = {
      providerServiceId: s.service,
      name: s.name || `#${s.service}`,
      serviceId: old?.id ?? null,
      oldCost: old?.cost?.toString() ?? null,
      newCost: data.cost.toString(),
      oldPrice: old?.price.toString() ?? null,
      newPrice: data.price.toString(),
      reactivates: old !== undefined && !old.active && data.active,
      unsupportedReason: data.inactiveReason,
    };
    if (!old) preview.added.push(item);
    else if (old.cost === null || !data.cost.eq(old.cost)) preview.changedCost.push(item);
    else preview.unchanged.push(item);
  }
  for (const s of existing) {
    if (s.active && !seen.has(s.providerServiceId ?? "")) {
      preview.vanished.push({ serviceId: s.id, providerServiceId: s.providerServiceId, name: s.nameEn, cost: s.cost?.toString() ?? null, price: s.price.toString() });
    }
  }
  const basis = JSON.stringify([input.markupPercent, input.categoryId ?? null, loaded.provider.id, loaded.provider.currency, loaded.rate.toString(), loaded.list, existing]);
  preview.token = createHash("sha256").update(basis).digest("base64url");
  return preview;
}

/** What importing would change (new, changed cost, unchanged, vanished); nothing is written. */
export async function previewServiceImport(deps: Deps, input: Omit<ImportServicesInput, "actor">): Promise<ImportPreview> {
  const loaded = await loadImport(deps, input);
  return planImport(input, loaded, await readExisting(deps.db, loaded.provider.id));
}

/**
 * Applies exactly what a preview showed: the provider's list is read again and, with the catalogue,
 * must still hash to the preview's token, else nothing is written and the admin previews again.
 */
export async function applyServiceImport(deps: Deps, input: ImportServicesInput & { token: string }): Promise<ImportReport> {
  return runImport(deps, input, input.token);
}

/**
 * Imports a provider's `services` with a markup and currency conversion. Re-import updates cost,
 * min/max, flags and price, re-activates returning services, and deactivates services that vanished
 * upstream. Prices are cost × (1 + markup), rounded up, so they never fall below cost. Each new
 * service's platform is guessed from the provider's category and name (the admin can change it);
 * a service type we cannot forward is imported inactive with the reason (service-kinds.ts).
 */
export async function importProviderServices(deps: Deps, input: ImportServicesInput): Promise<ImportReport> {
  return runImport(deps, input, null);
}

async function runImport(deps: Deps, input: ImportServicesInput, token: string | null): Promise<ImportReport> {
  const loaded = await loadImport(deps, input);
  const { provider, list, rate, factor } = loaded;
  const report: ImportReport = { created: 0, updated: 0, deactivated: 0, skipped: list.skipped.length, unsupported: [] };
  await deps.db.$transaction(
    async (tx) => {
      const current = await readExisting(tx, provider.id);
      if (token !== null && planImport(input, loaded, current).token !== token) {
        throw new ConflictError("import_preview_stale", "The provider's service list or the catalogue changed since the preview; nothing was imported. Preview again.");
      }
      const existing = new Map(current.map((s) => [s.providerServiceId, s.id]));
      const categories = new Map<string, number>();
      const categoryFor = async (name: string): Promise<number> => {
        if (input.categoryId !== undefined) return input.categoryId;
        const key = name.trim() || provider.name;
        const known = categories.get(key) ?? (await tx.category.findFirst({ where: { nameEn: key }, select: { id: true } }))?.id;
        const id = known ?? (await tx.category.create({ data: { nameEn: key, nameBn: key } })).id;
        categories.set(key, id);
        return id;
      };
      for (const s of list.services) {
        const data = serviceFields(s, rate, factor);
        if (data.inactiveReason !== null) report.unsupported.push({ providerServiceId: s.service, name: s.name, reason: data.inactiveReason });
        const id = existing.get(s.service);
        if (id !== undefined) {
          await tx.service.update({ where: { id }, data });
          report.updated += 1;
        } else {
          const platform = inferPlatform(s.category, s.name);
          await tx.service.create({
            data: {
              ...data,
              nameBn: s.name || `#${s.service}`,
              nameEn: s.name || `#${s.service}`,
              platform,
              linkKind: platform === "game" ? "UID" : "URL",
              providerId: provider.id,
              providerServiceId: s.service,
              categoryId: await categoryFor(s.category),
            },
          });
          report.created += 1;
        }
      }
      const seen = list.services.map((s) => s.service);
      const gone = await tx.service.updateMany({
        where: { providerId: provider.id, active: true, providerServiceId: { notIn: seen } },
        data: { active: false, inactiveReason: GONE },
      });
      report.deactivated = gone.count;
      await writeAudit(tx, input.actor, { action: "catalogue.import", entity: "Provider", entityId: provider.id, after: { ...report, unsupported: report.unsupported.length, markupPercent: input.markupPercent, ...(token ? { previewToken: token } : {}) } });
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return report;
}

function serviceFields(s: ProviderService, fx: Decimal, factor: Decimal) {
  const providerRate = new Decimal(s.rate);
  const kind = serviceKind(s.type);
  const cost = providerRate.mul(fx).toDecimalPlaces(PRICE_DP, Decimal.ROUND_UP);
  const price = cost.mul(factor).toDecimalPlaces(PRICE_DP, Decimal.ROUND_UP);
  const min = s.min ?? 1;
  return {
    type: kind.name,
    providerRate,
    cost,
    price: price.lt(cost) ? cost : price,
    priceUnit: kind.priceUnit,
    // A type we cannot forward is kept (so the admin sees it and why) but can never be ordered.
    active: kind.unsupported === null,
    inactiveReason: kind.unsupported,
    min: Math.max(1, min),
    max: Math.max(min, s.max ?? 1_000_000),
    refill: s.refill,
    providerRefillDays: s.refillDays,
    cancel: s.cancel,
    dripfeed: s.dripfeed,
    ...(s.description ? { descriptionEn: s.description } : {}),
  };
}
