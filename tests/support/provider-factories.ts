import type { Prisma, Provider } from "@prisma/client";
import type { Db } from "../../src/db/client.js";
import type { ProviderSimulator } from "../../src/providers/simulator/index.js";
import type { SecretBox } from "../../src/shared/secret-box.js";
import { buildService, unique } from "./factories.js";

/** A provider row pointing at a running simulator (or any URL), with its key sealed like the real thing. */
export function buildSimProvider(db: Db, box: SecretBox, sim: Pick<ProviderSimulator, "url" | "apiKey">, overrides: Partial<Provider> = {}): Promise<Provider> {
  return db.provider.create({
    data: {
      name: unique("sim"),
      url: sim.url,
      apiKeyEncrypted: box.seal(sim.apiKey),
      apiKeyLast4: sim.apiKey.slice(-4),
      currency: "USD",
      ...overrides,
    },
  });
}

/** An auto service forwarded to the simulator's service 1 (Default, 0.90 USD per 1000, min 10). */
export function buildSimService(db: Db, provider: Provider, overrides: Partial<Prisma.ServiceUncheckedCreateInput> = {}) {
  return buildService(db, {
    providerId: provider.id,
    providerServiceId: "1",
    providerRate: "0.90",
    price: "200",
    cost: "109.8",
    min: 10,
    max: 100000,
    refill: true,
    cancel: true,
    ...overrides,
  });
}
