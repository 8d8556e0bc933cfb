// The admin orders page (50 rows with user, service and provider) costs at most 2 SQL statements:
// the API key is verified from a short cache, the relations are joined into the page's query. A
// revoked key is refused on the very next request through this process, and a revocation made
// elsewhere is seen once the cache entry's time is up (measured on the injected clock).
import { beforeAll, describe, expect, it } from "vitest";
import { revokeApiKey } from "../../src/apikeys/api-keys.js";
import { VERIFIED_KEY_TTL_MS } from "../../src/apikeys/verified-keys.js";
import { placeOrder } from "../../src/orders/place-order.js";
import { buildProvider, buildService, buildUser } from "../support/factories.js";
import { buildCaller, graphqlFor } from "../support/graphql-factories.js";
import { countStatements } from "../support/statement-counter.js";
import { testDeps } from "../support/deps.js";
import { useTestDb } from "../support/test-db.js";

const { prisma: db } = await useTestDb();
let clock = new Date();
const { gql } = graphqlFor(db, { deps: testDeps(db, {}, () => clock) });
let providerId = 0;

const PAGE = `query($providerId: Int!) {
  orders(first: 50, filter: { providerId: $providerId, status: [PENDING] }) {
    nodes {
      id status link quantity charge createdAt providerOrderId
      user { id username firstName }
      service { id nameEn }
      provider { id name }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

beforeAll(async () => {
  const provider = await buildProvider(db);
  providerId = provider.id;
  const services = await Promise.all([1, 2].map((i) => buildService(db, { providerId, providerServiceId: String(i), price: "10", min: 10, max: 1000 })));
  const users = await Promise.all(Array.from({ length: 5 }, () => buildUser(db, { balance: "1000" })));
  for (let i = 0; i < 55; i++) {
    await placeOrder(testDeps(db), { userId: users[i % 5]!.id, serviceId: services[i % 2]!.id, link: `https://x.com/page_${i}`, quantity: 100 });
  }
});

describe("the admin orders page", () => {
  it("is 50 rows with their user, service and provider in at most 2 statements, key check included", async () => {
    const admin = await buildCaller(db, "ADMIN", "page-admin");
    await gql(admin, PAGE, { providerId }); // first use of the key: lastUsedAt is written once
    const counter = countStatements();
    try {
      const res = await gql(admin, PAGE, { providerId });
      expect(res.body.errors, "the page answered errors").toBeUndefined();
      const nodes = res.body.data.orders.nodes;
      expect(nodes).toHaveLength(50);
      expect(typeof nodes[0].user.id, "user joined").toBe("number");
      expect(nodes[0].service.nameEn, "service joined").toBeTruthy();
      expect(nodes[0].provider.id, "provider joined").toBe(providerId);
      expect(res.body.data.orders.pageInfo.hasNextPage).toBe(true);
      expect(counter.statements.length, `statements:\n${counter.statements.join("\n")}`).toBeLessThanOrEqual(2);
    } finally {
      counter.stop();
    }
  });

  it("refuses a key revoked through this process on the next request", async () => {
    const admin = await buildCaller(db, "ADMIN", "page-revoked");
    expect((await gql(admin, PAGE, { providerId })).body.errors, "the key worked before").toBeUndefined();
    const key = await db.apiKey.findFirstOrThrow({ where: { userId: admin.user.id } });
    await revokeApiKey(testDeps(db), { apiKeyId: key.id });
    const after = await gql(admin, PAGE, { providerId });
    expect(after.body.data?.orders ?? null, "a revoked key still read the page").toBeNull();
    expect(after.body.errors?.length, "no error for a revoked key").toBeGreaterThan(0);
  });

  it("refuses a key revoked by another instance once its cache entry is due", async () => {
    const admin = await buildCaller(db, "ADMIN", "page-revoked-elsewhere");
    expect((await gql(admin, PAGE, { providerId })).body.errors, "the key worked before").toBeUndefined();
    // Another instance revokes it: this process hears nothing of it.
    await db.apiKey.updateMany({ where: { userId: admin.user.id }, data: { revokedAt: new Date() } });
    clock = new Date(clock.getTime() + VERIFIED_KEY_TTL_MS);
    const after = await gql(admin, PAGE, { providerId });
    expect(after.body.data?.orders ?? null, `a key revoked elsewhere still read the page ${VERIFIED_KEY_TTL_MS} ms later`).toBeNull();
  });

  it("answers each row with its own user, service and provider, also when a field under a relation reads a selection of its own", async () => {
    const admin = await buildCaller(db, "ADMIN", "page-relations");
    // apiKeyMasked declares its own selection (apiKeyLast4): the provider is then answered through Pothos's plan.
    const page = PAGE.replace("provider { id name }", "provider { id name apiKeyMasked }");
    await gql(admin, page, { providerId });
    const counter = countStatements();
    try {
      const res = await gql(admin, page, { providerId });
      expect(res.body.errors, "the page answered errors").toBeUndefined();
      const nodes: { id: number; user: { id: number; username: string | null; firstName: string | null }; service: { id: number; nameEn: string }; provider: { id: number; name: string; apiKeyMasked: string } }[] = res.body.data.orders.nodes;
      expect(counter.statements.length, `statements:\n${counter.statements.join("\n")}`).toBeLessThanOrEqual(2);
      const rows = await db.order.findMany({ where: { id: { in: nodes.map((n) => n.id) } }, include: { user: true, service: true, provider: true } });
      const byId = new Map(rows.map((r) => [r.id, r]));
      expect(nodes).toHaveLength(50);
      for (const node of nodes) {
        const row = byId.get(node.id)!;
        expect(node.user, `order ${node.id}'s user`).toEqual({ id: row.user.id, username: row.user.username, firstName: row.user.firstName });
        expect(node.service, `order ${node.id}'s service`).toEqual({ id: row.service.id, nameEn: row.service.nameEn });
        expect(node.provider, `order ${node.id}'s provider`).toEqual({ id: row.provider!.id, name: row.provider!.name, apiKeyMasked: `****${row.provider!.apiKeyLast4.slice(-4)}` });
      }
    } finally {
      counter.stop();
    }
  });
});
