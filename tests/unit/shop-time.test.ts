import { describe, expect, it } from "vitest";
import { day } from "../../src/bot/format.js";
import { loadConfig } from "../../src/config.js";
import { reportWindow, windowDays } from "../../src/reports/window.js";
import { localDate, localMinute, startOfLocalDay } from "../../src/shared/shop-time.js";

describe("the shop's calendar", () => {
  it("a Dhaka day starts at 18:00 UTC the day before; an order at 19:00 UTC is on the next Dhaka date", () => {
    expect(startOfLocalDay("2026-11-30", "Asia/Dhaka").toISOString()).toBe("2026-11-29T18:00:00.000Z");
    expect(localDate(new Date("2026-11-29T19:00:00Z"), "Asia/Dhaka")).toBe("2026-11-30");
    expect(localDate(new Date("2026-11-29T17:59:59Z"), "Asia/Dhaka")).toBe("2026-11-29");
    expect(localMinute(new Date("2026-11-29T19:05:00Z"), "Asia/Dhaka")).toBe("2026-11-30 01:05");
  });

  it("customers read days in the shop's zone: ledger, orders and refill-window dates (19:00 UTC is the next day in Dhaka)", () => {
    expect(day("bn", new Date("2026-11-29T19:00:00Z"), "Asia/Dhaka")).toBe("২০২৬-১১-৩০");
    expect(day("en", new Date("2026-11-29T19:00:00Z"), "UTC")).toBe("2026-11-29");
  });

  it("days around a daylight-saving change start at local midnight (London, 29 March 2026)", () => {
    expect(startOfLocalDay("2026-03-29", "Europe/London").toISOString()).toBe("2026-03-29T00:00:00.000Z");
    expect(startOfLocalDay("2026-03-30", "Europe/London").toISOString()).toBe("2026-03-29T23:00:00.000Z");
  });

  it("a 3-day report window at 01:00 Dhaka covers that Dhaka date and the two before it", () => {
    const w = reportWindow(new Date("2026-11-29T19:00:00Z"), 3, "Asia/Dhaka");
    expect(windowDays(w)).toEqual(["2026-11-28", "2026-11-29", "2026-11-30"]);
    expect([w.from.toISOString(), w.to.toISOString()]).toEqual(["2026-11-27T18:00:00.000Z", "2026-11-30T18:00:00.000Z"]);
  });

  it("SHOP_TIME_ZONE defaults to Asia/Dhaka and refuses a name that is not a time zone", () => {
    expect(loadConfig({}).SHOP_TIME_ZONE).toBe("Asia/Dhaka");
    expect(() => loadConfig({ SHOP_TIME_ZONE: "Dhaka/Mirpur" })).toThrow(/SHOP_TIME_ZONE: must be an IANA time zone/);
  });
});
