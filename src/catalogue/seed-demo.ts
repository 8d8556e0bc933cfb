import type { Prisma, Service } from "@prisma/client";
import { Decimal } from "../money/decimal.js";
import type { PlanService } from "./demo-history-plan.js";
import { writeDemoHistory } from "./seed-demo-history.js";
import type { Db } from "../db/client.js";
import type { SimService } from "../providers/simulator/index.js";
import type { SecretBox } from "../shared/secret-box.js";

export const DEMO_PROVIDER_NAME = "Demo provider (simulator)";
export const DEMO_PROVIDER_KEY = "demo-simulator-key";
/** The demo history's second provider: the same simulator, but its past orders were slow and often partial. */
export const DEMO_SLOW_PROVIDER_NAME = "Budget provider (simulator, slow)";

/** What the built-in simulator offers the demo provider: the ids and types the demo services use. */
export const DEMO_SIMULATOR_SERVICES: readonly SimService[] = [
  { service: 1, name: "Instagram Followers [Refill 30d]", type: "Default", category: "Instagram", rate: "1.00", min: 10, max: 100000, refill: true, cancel: true },
  { service: 2, name: "Instagram Likes", type: "Default", category: "Instagram", rate: "0.30", min: 10, max: 50000 },
  { service: 3, name: "Facebook Page Likes + Follows", type: "Default", category: "Facebook", rate: "1.50", min: 50, max: 50000, refill: true },
  { service: 4, name: "Facebook Custom Comments", type: "Custom Comments", category: "Facebook", rate: "5.00", min: 1, max: 1000 },
  { service: 5, name: "TikTok Views", type: "Default", category: "TikTok", rate: "0.02", min: 100, max: 10000000, cancel: true },
  { service: 6, name: "YouTube Views", type: "Default", category: "YouTube", rate: "1.20", min: 100, max: 1000000, refill: true },
];

type DemoService = Omit<Prisma.ServiceUncheckedCreateInput, "categoryId">;

/** Points the demo provider at this run's built-in simulator (its port changes at every start). */
export async function pointDemoProviderAt(db: Db, url: string): Promise<void> {
  await db.provider.updateMany({ where: { name: { in: [DEMO_PROVIDER_NAME, DEMO_SLOW_PROVIDER_NAME] } }, data: { url, balance: null, balanceCheckedAt: null } });
}

/** Popularity of the demo services in the made-up history, by English name. */
const DEMO_WEIGHTS: Record<string, number> = {
  "Instagram followers (30-day refill)": 9,
  "Instagram likes": 7,
  "Facebook page likes + follows": 5,
  "Facebook custom comments": 1,
  "TikTok views": 6,
  "YouTube views": 3,
  "Instagram followers (budget)": 5,
  "TikTok views (budget)": 3,
};

/**
 * A small catalogue to try the shop with. Written once, into an empty database only; with
 * `history`, in the same transaction, 30 days of made-up trade up to `history.now` (and a second,
 * slow provider), so that reports, estimates and the stuck panel have something to show.
 */
export async function seedDemoCatalogue(db: Db, box: SecretBox, simulatorUrl = "http://127.0.0.1:4100/api/v2", options: { history?: { now: Date } } = {}): Promise<boolean> {
  if ((await db.category.count()) > 0) return false;
  await db.$transaction(async (tx) => {
    const provider = await tx.provider.create({
      data: { name: DEMO_PROVIDER_NAME, url: simulatorUrl, apiKeyEncrypted: box.seal(DEMO_PROVIDER_KEY), apiKeyLast4: DEMO_PROVIDER_KEY.slice(-4), currency: "USD" },
    });
    const auto = (s: Omit<DemoService, "providerId" | "mode">): DemoService => ({ ...s, mode: "AUTO", providerId: provider.id });
    const catalogue: [Prisma.CategoryCreateInput, DemoService[]][] = [
      [{ nameBn: "ইনস্টাগ্রাম", nameEn: "Instagram", sortOrder: 1 }, [
        auto({ nameBn: "ইনস্টাগ্রাম ফলোয়ার (রিফিল ৩০ দিন)", nameEn: "Instagram followers (30-day refill)", platform: "instagram", providerServiceId: "1", price: "180", cost: "122", providerRate: "1.00", min: 50, max: 50000, refill: true, cancel: true }),
        auto({ nameBn: "ইনস্টাগ্রাম লাইক", nameEn: "Instagram likes", platform: "instagram", providerServiceId: "2", price: "60", cost: "36.6", providerRate: "0.30", min: 20, max: 20000 }),
      ]],
      [{ nameBn: "ফেসবুক", nameEn: "Facebook", sortOrder: 2 }, [
        auto({ nameBn: "ফেসবুক পেজ লাইক + ফলো", nameEn: "Facebook page likes + follows", platform: "facebook", providerServiceId: "3", price: "250", cost: "183", providerRate: "1.50", min: 100, max: 20000, refill: true }),
        auto({ nameBn: "ফেসবুক পোস্ট কমেন্ট (নিজের লেখা)", nameEn: "Facebook custom comments", platform: "facebook", type: "Custom Comments", providerServiceId: "4", price: "900", cost: "610", providerRate: "5.00", min: 5, max: 500 }),
      ]],
      [{ nameBn: "টিকটক ও ইউটিউব", nameEn: "TikTok & YouTube", sortOrder: 3 }, [
        auto({ nameBn: "টিকটক ভিউ", nameEn: "TikTok views", platform: "tiktok", providerServiceId: "5", price: "5", cost: "2.44", providerRate: "0.02", min: 100, max: 1000000, cancel: true }),
        auto({ nameBn: "ইউটিউব ভিউ", nameEn: "YouTube views", platform: "youtube", providerServiceId: "6", price: "220", cost: "146.4", providerRate: "1.20", min: 500, max: 100000, refill: true }),
      ]],
      [{ nameBn: "ফ্রি ফায়ার ডায়মন্ড", nameEn: "Free Fire diamonds", sortOrder: 4 }, [
        ...[[25, "25"], [50, "45"], [115, "95"], [240, "190"], [610, "470"], [1240, "940"]].map(([size, price]) => ({
          nameBn: `💎 ${size} ডায়মন্ড`, nameEn: `💎 ${size} diamonds`, mode: "MANUAL" as const, type: "Package", platform: "game",
          linkKind: "UID" as const, priceUnit: "PER_PACKAGE" as const, packageSize: Number(size), price: String(price), min: 1, max: 1,
        })),
        { nameBn: "💎 ডায়মন্ড (প্রতি পিস)", nameEn: "💎 Diamonds (per piece)", mode: "MANUAL", type: "Default", platform: "game", linkKind: "UID", priceUnit: "PER_UNIT", price: "0.85", min: 1, max: 100000 },
      ]],
    ];
    const created: Service[] = [];
    for (const [category, services] of catalogue) {
      const c = await tx.category.create({ data: category });
      for (const s of services) created.push(await tx.service.create({ data: { ...s, categoryId: c.id } }));
    }
    if (!options.history) return;
    const slow = await tx.provider.create({
      data: { name: DEMO_SLOW_PROVIDER_NAME, url: simulatorUrl, apiKeyEncrypted: box.seal(DEMO_PROVIDER_KEY), apiKeyLast4: DEMO_PROVIDER_KEY.slice(-4), currency: "USD" },
    });
    const categoryOf = (name: string) => created.find((s) => s.nameEn === name)!.categoryId;
    created.push(
      await tx.service.create({ data: { nameBn: "ইনস্টাগ্রাম ফলোয়ার (সাশ্রয়ী)", nameEn: "Instagram followers (budget)", mode: "AUTO", platform: "instagram", providerId: slow.id, providerServiceId: "1", price: "150", cost: "110", providerRate: "0.90", min: 100, max: 20000, categoryId: categoryOf("Instagram likes") } }),
      await tx.service.create({ data: { nameBn: "টিকটক ভিউ (সাশ্রয়ী)", nameEn: "TikTok views (budget)", mode: "AUTO", platform: "tiktok", providerId: slow.id, providerServiceId: "5", price: "4", cost: "1.83", providerRate: "0.015", min: 500, max: 1000000, categoryId: categoryOf("TikTok views") } }),
    );
    const planned: PlanService[] = created.map((s) => ({
      id: s.id,
      providerId: s.providerId,
      providerServiceId: s.providerServiceId,
      price: new Decimal(s.price),
      cost: s.cost === null ? null : new Decimal(s.cost),
      priceUnit: s.priceUnit,
      min: s.min,
      max: s.max,
      weight: DEMO_WEIGHTS[s.nameEn] ?? (s.priceUnit === "PER_PACKAGE" ? 2 : 1),
      slow: s.providerId === slow.id,
    }));
    await writeDemoHistory(tx, options.history.now, planned, { fast: provider.id, slow: slow.id });
  }, { timeout: 120_000, maxWait: 30_000 });
  return true;
}
