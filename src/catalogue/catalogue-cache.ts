import type { Category, Service } from "@prisma/client";
import type { Db } from "../db/client.js";
import { loadDeliveryEstimate, type DeliveryEstimateView } from "../estimates/delivery-estimate.js";

/**
 * The catalogue as customers browse it, cached in the process and valid for one catalogue version.
 *
 * Invalidation: the CatalogueVersion row goes up in the same transaction as every change to
 * Category, Service or DeliveryEstimate (statement triggers, migration 20261130030000_catalogue_version), whoever
 * writes it (a use-case, an import, a job, SQL by hand). A caller reads the version in a statement
 * it runs anyway (the bot: with its update-id insert) and asks for the view of that version; a
 * newer version drops everything cached. So a change is seen by every instance on its next update,
 * with no extra statement and no message that could be lost.
 */
export interface CatalogueView {
  readonly version: bigint;
  /** Active categories with at least one active service, in menu order. */
  categories(): Promise<Category[]>;
  category(id: number): Promise<Category | null>;
  /** A category's active services, by id. */
  services(categoryId: number): Promise<Service[]>;
  /** Any service (active or not) with its category; the orderable rule is the caller's. */
  service(id: number): Promise<(Service & { category: Category }) | null>;
  estimate(serviceId: number): Promise<DeliveryEstimateView>;
}

/** Beyond this many cached answers (ids nobody has, pressed by hand) the cache starts over. */
const MAX_ENTRIES = 5_000;

export class CatalogueCache {
  private version = -1n;
  private entries = new Map<string, Promise<unknown>>();

  constructor(private readonly db: Db) {}

  /** The view of `version`: cached when it is the newest seen, read through when older. */
  at(version: bigint): CatalogueView {
    if (version > this.version) {
      this.version = version;
      this.entries = new Map();
    }
    const cached = version === this.version;
    const memo = <T>(key: string, load: () => Promise<T>): Promise<T> => {
      if (!cached) return load();
      const entries = this.entries;
      const hit = entries.get(key);
      if (hit) return hit as Promise<T>;
      if (entries.size >= MAX_ENTRIES) entries.clear();
      const loading = load();
      entries.set(key, loading);
      loading.catch(() => entries.get(key) === loading && entries.delete(key));
      return loading;
    };
    const db = this.db;
    return {
      version,
      categories: () =>
        memo("categories", () =>
          db.category.findMany({ where: { active: true, services: { some: { active: true } } }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }] }),
        ),
      category: (id) => memo(`category:${id}`, () => db.category.findUnique({ where: { id } })),
      services: (categoryId) => memo(`services:${categoryId}`, () => db.service.findMany({ where: { categoryId, active: true }, orderBy: { id: "asc" } })),
      service: (id) => memo(`service:${id}`, () => db.service.findUnique({ where: { id }, include: { category: true } })),
      estimate: (serviceId) => memo(`estimate:${serviceId}`, () => loadDeliveryEstimate(db, serviceId)),
    };
  }
}
