// Builders for the GraphQL tests: callers with keys, and a yoga instance to call through `yoga.fetch`.
import type { Role } from "@prisma/client";
import { issueApiKey, revokeApiKey } from "../../src/apikeys/api-keys.js";
import type { Db } from "../../src/db/client.js";
import type { Deps } from "../../src/deps.js";
import { createGraphQL, type GraphQLOptions } from "../../schema/index.js";
import { buildUser, type UserWithAccount } from "./factories.js";
import { testDeps } from "./deps.js";

export interface Caller {
  name: string;
  user: UserWithAccount | null;
  headers: Record<string, string>;
}

/** A user of the given role with an API key; `balance` arrives through the ledger. */
export async function buildCaller(db: Db, role: Role, name: string, balance = "1000"): Promise<Caller & { user: UserWithAccount; key: string }> {
  const user = await buildUser(db, { role, balance, username: name });
  const { key } = await issueApiKey(testDeps(db), { userId: user.id, name });
  return { name, user, key, headers: { authorization: `Bearer ${key}` } };
}

export async function buildRevokedCaller(db: Db): Promise<Caller> {
  const caller = await buildCaller(db, "RESELLER", "revoked");
  const apiKey = await db.apiKey.findFirstOrThrow({ where: { userId: caller.user.id } });
  await revokeApiKey(testDeps(db), { apiKeyId: apiKey.id });
  return { ...caller, name: "revoked key" };
}

export const anonymous: Caller = { name: "anonymous", user: null, headers: {} };

export function graphqlFor(db: Db, options: GraphQLOptions & { env?: Record<string, string>; deps?: Deps } = {}) {
  const deps = options.deps ?? testDeps(db, options.env);
  const { yoga, routes } = createGraphQL(deps, options);
  async function gql<T = any>(caller: Pick<Caller, "headers">, query: string, variables: Record<string, unknown> = {}): Promise<{ status: number; body: { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] } }> {
    const res = await yoga.fetch("http://panelbot.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", ...caller.headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, body: (await res.json()) as any };
  }
  return { deps, yoga, routes, gql };
}

/** A provider row pointing at a running simulator, and an auto service mapped to its service 1. */
export async function buildSimulatedProvider(deps: Deps, sim: { url: string; apiKey: string }) {
  const { buildProvider, buildService } = await import("./factories.js");
  const provider = await buildProvider(deps.db, { url: sim.url, apiKeyEncrypted: deps.box.seal(sim.apiKey), apiKeyLast4: sim.apiKey.slice(-4), currency: "USD" });
  const service = await buildService(deps.db, { providerId: provider.id, providerServiceId: "1", price: "200", cost: "110", min: 10, max: 10000, refill: true, cancel: true });
  return { provider, service };
}

/** An auto order placed (and charged) normally, then left as a provider refused it: FAILED, money held. */
export async function buildFailedOrder(db: Db, userId: number, serviceId: number, link = "https://instagram.com/someone") {
  const { placeOrder } = await import("../../src/orders/place-order.js");
  const { order } = await placeOrder(testDeps(db), { userId, serviceId, link, quantity: 100 });
  return db.order.update({
    where: { id: order.id },
    data: { status: "FAILED", failureReason: "provider_error", providerError: "Not enough funds on balance" },
  });
}
