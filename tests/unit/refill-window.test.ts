// Where a service's refill window comes from: the admin's figure, else what the provider's service
// text names, else the shop default.
import { describe, expect, it } from "vitest";
import { refillLimit, refillWindowDays, type RefillTerms } from "../../src/orders/lifecycle/index.js";
import { refillDaysIn } from "../../src/providers/refill-days.js";

const terms: RefillTerms = { windowDays: 30, maxPerOrder: 3, cooldownHours: 24, askingSeconds: 120, timeZone: "Asia/Dhaka" };
const completedAt = new Date("2026-12-01T00:00:00Z");

describe("refill window", () => {
  it("reads the days a provider names in a service's name or description, and nothing from texts without one", () => {
    const cases: [string, number | null][] = [
      ["Instagram Followers [Refill 30d]", 30], ["IG Likes | 30 Days Refill", 30], ["TikTok Views R60", 60], ["Followers [R30] fast", 30],
      ["♻️ 90 Day Auto-Refill", 90], ["Refill 365 days", 365], ["Lifetime Refill", null], ["Refill: No", null], ["YouTube Views 10K/day", null],
    ];
    expect(cases.map(([text]) => [text, refillDaysIn(text)])).toEqual(cases);
    expect(refillDaysIn("Followers HQ", "Refill guarantee: 45 days")).toBe(45);
  });

  it("takes the admin's days over the provider's, and the provider's over the shop default", () => {
    const order = (service: { refillDays: number | null; providerRefillDays: number | null }) => ({ completedAt, updatedAt: completedAt, service, refills: [] });
    expect(refillWindowDays({ refillDays: 7, providerRefillDays: 60 }, terms)).toBe(7);
    expect(refillWindowDays({ refillDays: null, providerRefillDays: 60 }, terms)).toBe(60);
    expect(refillWindowDays({ refillDays: null, providerRefillDays: null }, terms)).toBe(30);
    const day45 = new Date(completedAt.getTime() + 45 * 86_400_000);
    expect(refillLimit(order({ refillDays: null, providerRefillDays: 60 }), { now: day45, terms })).toBeNull();
    expect(refillLimit(order({ refillDays: null, providerRefillDays: null }), { now: day45, terms })).toMatchObject({ reason: "window_closed" });
  });
});
