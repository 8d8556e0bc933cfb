import type { Order, Service } from "@prisma/client";
import type { Config } from "../config.js";
import { Decimal } from "../money/decimal.js";
import { fxRate } from "../money/fx.js";

/** What the order should cost at the provider, in the provider's currency (for the balance check). */
export function expectedProviderCost(config: Config, order: Order, service: Service, providerCurrency: string): Decimal {
  if (service.providerRate !== null) {
    const rate = new Decimal(service.providerRate);
    return service.type.toLowerCase() === "package" ? rate : rate.mul(order.quantity).div(1000);
  }
  if (order.cost === null) return new Decimal(0);
  try {
    return new Decimal(order.cost).div(fxRate(config, providerCurrency));
  } catch {
    return new Decimal(0);
  }
}
