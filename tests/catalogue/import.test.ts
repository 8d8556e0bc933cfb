import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importProviderServices } from "../../src/catalogue/import-services.js";
import { createProvider, publicProvider, refreshProviderBalance, updateProvider } from "../../src/catalogue/manage-providers.js";
import { SEED_SERVICES, startProviderSimulator, type ProviderSimulator } from "../../src/providers/simulator/index.js";
import { ConflictError, ValidationError } from "../../src/shared/errors.js";
import { testDeps } from "../support/deps.js";
import { buildCategory, unique } from "../support/factories.js";
import { useTestDb } from "../support/test-db.js";

const { prisma: db } = await useTestDb(5);
const deps = testDeps(db, { FX_RATES: "USD:122,EUR:130" });
const admin = { label: "telegram:9", isAdmin: true };
let sim: ProviderSimulator;

beforeAll(async () => {
  sim = await startProviderSimulator({ balance: "55.5" });
});
afterAll(() => sim.close());

describe("providers", () => {
  it("stores the API key sealed, shows it masked, refreshes the live balance and refuses bad input", async () => {
    const name = unique("Provider ");
    const provider = await createProvider(deps, { name, url: sim.url, apiKey: sim.apiKey, currency: "usd", actor: admin });
    expect(provider.apiKeyEncrypted).not.toContain(sim.apiKey);
    expect(deps.box.open(provider.apiKeyEncrypted)).toBe(sim.apiKey);
    expect(publicProvider(provider).apiKey).toBe(`****${sim.apiKey.slice(-4)}`);
    const audit = await db.auditLog.findMany({ where: { entity: "Provider", entityId: String(provider.id) } });
    expect(JSON.stringify(audit.map((a) => [a.before, a.after]))).not.toContain(sim.apiKey);
    expect((await refreshProviderBalance(deps, provider.id)).balance?.toString()).toBe("55.5");
    await expect(createProvider(deps, { name, url: sim.url, apiKey: sim.apiKey, actor: admin })).rejects.toBeInstanceOf(ConflictError);
    for (const bad of [{ url: "ftp://x" }, { url: "https://user:pw@x.example/api" }, { apiKey: "short" }, { currency: "XYZ" }, { name: "" }]) {
      await expect(updateProvider(deps, { id: provider.id, actor: admin, ...bad })).rejects.toBeInstanceOf(ValidationError);
    }
    const rotated = await updateProvider(deps, { id: provider.id, actor: admin, apiKey: "new-key-12345678" });
    expect(rotated).toMatchObject({ apiKeyLast4: "5678", balance: null });
  });
});

describe("catalogue import", () => {
  it("imports with markup and currency conversion, updates on re-import, and deactivates vanished services", async () => {
    const provider = await createProvider(deps, { name: unique("Importer "), url: sim.url, apiKey: sim.apiKey, currency: "USD", actor: admin });
    sim.setServices(SEED_SERVICES);
    const first = await importProviderServices(deps, { providerId: provider.id, markupPercent: "25", actor: admin });
    const listed = SEED_SERVICES.filter((s) => s.active !== false).length;
    const unsupported = [{ providerServiceId: "11", name: "Instagram Auto Likes [Subscription]", reason: expect.stringContaining("Subscriptions") }];
    expect(first).toEqual({ created: listed, updated: 0, deactivated: 0, skipped: 0, unsupported });
    const followers = await db.service.findFirstOrThrow({ where: { providerId: provider.id, providerServiceId: "1" }, include: { category: true } });
    // 0.90 USD × 122 = 109.8 BDT cost; × 1.25 = 137.25 BDT per 1000.
    expect(followers).toMatchObject({ min: 10, max: 100000, refill: true, providerRefillDays: 30, cancel: true, dripfeed: true, active: true, priceUnit: "PER_1000" });
    expect(followers.cost!.toString()).toBe("109.8");
    expect(followers.price.toString()).toBe("137.25");
    expect(followers.category.nameEn).toBe("Instagram");
    const pack = await db.service.findFirstOrThrow({ where: { providerId: provider.id, providerServiceId: "7" } });
    expect(pack.priceUnit).toBe("PER_PACKAGE");

    sim.setServices(SEED_SERVICES.filter((s) => s.service !== 2).map((s) => (s.service === 1 ? { ...s, rate: "1.10", max: 5000 } : s)));
    const category = await buildCategory(db);
    const second = await importProviderServices(deps, { providerId: provider.id, categoryId: category.id, markupPercent: "0", actor: admin });
    expect(second).toEqual({ created: 0, updated: listed - 1, deactivated: 1, skipped: 0, unsupported });
    const updated = await db.service.findFirstOrThrow({ where: { id: followers.id } });
    expect(updated.max).toBe(5000);
    expect(updated.cost!.toString()).toBe("134.2");
    expect(updated.price.gte(updated.cost!)).toBe(true);
    expect((await db.service.findFirstOrThrow({ where: { providerId: provider.id, providerServiceId: "2" } })).active).toBe(false);

    sim.setServices(SEED_SERVICES);
    const third = await importProviderServices(deps, { providerId: provider.id, markupPercent: "10", actor: admin });
    expect(third).toMatchObject({ created: 0, updated: listed, deactivated: 0 });
    expect((await db.service.findFirstOrThrow({ where: { providerId: provider.id, providerServiceId: "2" } })).active).toBe(true);
    for (const markupPercent of ["-5", "abc", "10.123", "99999"]) {
      await expect(importProviderServices(deps, { providerId: provider.id, markupPercent, actor: admin })).rejects.toBeInstanceOf(ValidationError);
    }
  });
});
