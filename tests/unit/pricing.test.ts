import { describe, expect, it } from "vitest";
import { priceFor, resellerTerms } from "../../src/orders/pricing.js";

const service = (price: string, cost: string | null, id = 1) => ({ id, price, cost });
const reseller = (discount: string, prices: { serviceId: number; price: string }[] = []) =>
  resellerTerms({ role: "RESELLER", resellerDiscount: discount }, prices);

describe("priceFor", () => {
  it("customers and admins pay the list price whatever their stored discount", () => {
    expect(resellerTerms({ role: "CUSTOMER", resellerDiscount: "50" }, [])).toBeNull();
    expect(resellerTerms({ role: "ADMIN", resellerDiscount: "50" }, [])).toBeNull();
    expect(priceFor(service("200", "60"), null).toString()).toBe("200");
  });

  it("a reseller pays their own price, else the list less the discount (rounded to 6 places), between cost and list", () => {
    expect(priceFor(service("200", "60"), reseller("10")).toString()).toBe("180");
    expect(priceFor(service("0.333333", null), reseller("12.5")).toString()).toBe("0.291666");
    expect(priceFor(service("0.000005", null), reseller("50")).toString()).toBe("0.000003");
    expect(priceFor(service("200", "60"), reseller("10", [{ serviceId: 1, price: "150" }])).toString()).toBe("150");
    expect(priceFor(service("200", "60", 2), reseller("10", [{ serviceId: 1, price: "150" }])).toString()).toBe("180");
    expect(priceFor(service("100", "95"), reseller("10")).toString()).toBe("95");
    expect(priceFor(service("200", "60"), reseller("0", [{ serviceId: 1, price: "250" }])).toString()).toBe("200");
    // A list price the admin set below cost is what everyone pays: the floor never lifts a reseller above it.
    expect(priceFor(service("10", "60"), reseller("10")).toString()).toBe("10");
  });
});
