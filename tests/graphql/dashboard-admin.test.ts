// The dashboard's admin operations through GraphQL: user search and detail, bulk prices, import
// preview and apply, provider key test and health. Each change is audit-logged; bad input changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProviderSimulator, SEED_SERVICES, type ProviderSimulator } from "../../src/providers/simulator/index.js";
import { buildCaller, graphqlFor } from "../support/graphql-factories.js";
import { buildCategory, buildProvider, buildService, buildUser, unique } from "../support/factories.js";
import { useTestDb } from "../support/test-db.js";

const { prisma: db } = await useTestDb(5);
const { gql, deps } = graphqlFor(db, { rateLimitPerMinute: 100_000 });
let admin: Awaited<ReturnType<typeof buildCaller>>;
let sim: ProviderSimulator;

beforeAll(async () => {
  admin = await buildCaller(db, "ADMIN", "dash-admin");
  sim = await startProviderSimulator({ balance: "77.25" });
});
afterAll(() => sim.close());

const audits = (entity: string, entityId: string | number, action: string) => db.auditLog.findMany({ where: { entity, entityId: String(entityId), action } });

describe("users page", () => {
  it("finds a customer by id, @username, name and the phone their top-ups came from, with ledger, orders, tickets and top-ups", async () => {
    const name = unique("Shirin");
    const user = await buildUser(db, { username: name.toLowerCase(), firstName: name, balance: "300" });
    const phone = `019${String(Date.now()).slice(-8)}`;
    await db.topUp.create({ data: { userId: user.id, accountId: user.account.id, method: "BKASH", amount: "300", trxId: unique("TRX").toUpperCase(), senderNumber: phone, status: "APPROVED" } });
    await db.ticket.create({ data: { userId: user.id, type: "PAYMENT", messages: { create: { author: "CUSTOMER", text: "where is my money" } } } });
    const query = `query($s: String!) { users(first: 5, search: $s) { totalCount nodes { id firstName ordersCount
      account { balance entries(first: 5) { edges { node { kind amount balanceAfter } } } }
      orders(first: 5) { edges { node { id } } } tickets(first: 5) { edges { node { type } } } topUps(first: 5) { edges { node { senderNumber amount } } } } } }`;
    for (const search of [String(user.id), `@${name.toLowerCase()}`, name.slice(2), phone, `+88${phone}`, `${phone.slice(0, 5)}-${phone.slice(5)}`]) {
      const { body } = await gql(admin, query, { s: search });
      expect(body.errors, search).toBeUndefined();
      const found = body.data.users.nodes.find((u: { id: number }) => u.id === user.id);
      expect(found, `search "${search}" finds the user`).toBeTruthy();
      expect(found.account.balance).toBe("300");
      expect(found.account.entries.edges[0].node).toMatchObject({ kind: "ADJUSTMENT" });
      expect(found.tickets.edges).toEqual([{ node: { type: "PAYMENT" } }]);
      expect(found.topUps.edges).toEqual([{ node: { senderNumber: phone, amount: "300" } }]);
      expect(found.ordersCount).toBe(0);
    }
    const none = await gql(admin, query, { s: "01311111111" });
    expect(none.body.data.users.nodes.find((u: { id: number }) => u.id === user.id)).toBeUndefined();
  });
});

describe("user actions", () => {
  it("makes a customer a reseller with a discount in one call; a bad discount changes nothing; both audit-logged", async () => {
    const user = await buildUser(db);
    const mutation = `mutation($id: Int!, $on: Boolean!, $d: String) { setResellerAccess(userId: $id, reseller: $on, discountPercent: $d) {
      __typename ... on Error { code } ... on ValidationError { field } ... on MutationSetResellerAccessSuccess { data { role resellerDiscount } } } }`;
    const bad = (await gql(admin, mutation, { id: user.id, on: true, d: "95" })).body.data.setResellerAccess;
    expect(bad).toMatchObject({ __typename: "ValidationError" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).role, "a bad discount grants nothing").toBe("CUSTOMER");
    const ok = (await gql(admin, mutation, { id: user.id, on: true, d: "12.5" })).body.data.setResellerAccess;
    expect(ok.data).toEqual({ role: "RESELLER", resellerDiscount: "12.5" });
    const actions = (await db.auditLog.findMany({ where: { entity: "User", entityId: String(user.id) }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["user.reseller_grant", expect.stringContaining("pricing")]);
  });
});

describe("bulk price change", () => {
  it("changes every price in a category or of a provider by a percent, rounded half-up to 6 places, in one audit entry", async () => {
    const category = await buildCategory(db);
    const other = await buildCategory(db);
    const a = await buildService(db, { categoryId: category.id, price: "10.123457", cost: "5" });
    const b = await buildService(db, { categoryId: category.id, price: "200", cost: null });
    const outside = await buildService(db, { categoryId: other.id, price: "50", cost: "1" });
    const mutation = `mutation($p: String!, $s: PriceScopeKind!, $id: Int) { bulkChangePrices(percent: $p, scope: $s, scopeId: $id) {
      __typename ... on Error { code message } ... on ValidationError { field }
      ... on MutationBulkChangePricesSuccess { data { changed services { id price } } } } }`;
    const { body } = await gql(admin, mutation, { p: "10", s: "CATEGORY", id: category.id });
    // 10.123457 × 1.1 = 11.1358027 → 11.135803; 200 × 1.1 = 220.
    expect(body.data.bulkChangePrices.data).toEqual({ changed: 2, services: [{ id: a.id, price: "11.135803" }, { id: b.id, price: "220" }] });
    expect((await db.service.findUniqueOrThrow({ where: { id: outside.id } })).price.toString()).toBe("50");
    const [entry] = await audits("Catalogue", `category:${category.id}`, "catalogue.bulk_price");
    expect(entry?.actorId).toBe(admin.user.id);
    expect(entry?.after).toEqual({ percent: "10", services: [{ id: a.id, before: "10.123457", after: "11.135803" }, { id: b.id, before: "200", after: "220" }] });

    // -60 % would put service a (cost 5) below cost: refused, nothing changed, the service named.
    const refused = await gql(admin, mutation, { p: "-60", s: "CATEGORY", id: category.id });
    expect(refused.body.data.bulkChangePrices).toMatchObject({ __typename: "ValidationError", code: "price_below_cost", field: "percent" });
    expect(refused.body.data.bulkChangePrices.message).toContain(String(a.id));
    expect((await db.service.findUniqueOrThrow({ where: { id: a.id } })).price.toString()).toBe("11.135803");

    const provider = await buildProvider(db);
    const mine = await buildService(db, { categoryId: other.id, providerId: provider.id, providerServiceId: "9", price: "100", cost: "50" });
    const byProvider = await gql(admin, mutation, { p: "-7.5", s: "PROVIDER", id: provider.id });
    expect(byProvider.body.data.bulkChangePrices.data).toEqual({ changed: 1, services: [{ id: mine.id, price: "92.5" }] });

    for (const [p, s, id, code] of [["abc", "CATEGORY", category.id, "percent_invalid"], ["0", "CATEGORY", category.id, "percent_invalid"], ["-95", "CATEGORY", category.id, "percent_invalid"], ["5", "CATEGORY", null, "scope_id_required"], ["5", "PROVIDER", 2_000_000_000, "not_found"]] as const) {
      const bad = await gql(admin, mutation, { p, s, id });
      expect(bad.body.data.bulkChangePrices.code, `${p} ${s} ${id}`).toBe(code);
    }
    expect((await db.service.findUniqueOrThrow({ where: { id: b.id } })).price.toString()).toBe("220");
  });
});

describe("import with preview", () => {
  const preview = `query($id: Int!, $m: String!) { previewServiceImport(providerId: $id, markupPercent: $m) { __typename ... on Error { code message }
    ... on QueryPreviewServiceImportSuccess { data { token skipped added { providerServiceId serviceId newCost newPrice unsupportedReason }
      changedCost { providerServiceId serviceId oldCost newCost oldPrice newPrice } unchanged { providerServiceId } vanished { serviceId providerServiceId } } } } }`;
  const apply = `mutation($id: Int!, $m: String!, $t: String!) { applyServiceImport(providerId: $id, markupPercent: $m, token: $t) { __typename ... on Error { code message }
    ... on MutationApplyServiceImportSuccess { data { created updated deactivated } } } }`;

  it("shows new, changed-cost, unchanged and vanished services without writing, and applies only what was previewed", async () => {
    const provider = await buildProvider(db, { url: sim.url, apiKeyEncrypted: deps.box.seal(sim.apiKey), apiKeyLast4: sim.apiKey.slice(-4), currency: "USD" });
    sim.setServices(SEED_SERVICES);
    const listed = SEED_SERVICES.filter((s) => s.active !== false).length;
    const first = (await gql(admin, preview, { id: provider.id, m: "25" })).body.data.previewServiceImport.data;
    expect(first.added).toHaveLength(listed);
    // 0.90 USD × 122 = 109.8 cost; × 1.25 = 137.25.
    expect(first.added.find((s: { providerServiceId: string }) => s.providerServiceId === "1")).toEqual({ providerServiceId: "1", serviceId: null, newCost: "109.8", newPrice: "137.25", unsupportedReason: null });
    expect([first.changedCost, first.unchanged, first.vanished]).toEqual([[], [], []]);
    expect(await db.service.count({ where: { providerId: provider.id } }), "a preview writes nothing").toBe(0);

    // The list changes upstream after the preview: applying it is refused, nothing written.
    sim.setServices(SEED_SERVICES.filter((s) => s.service !== 3));
    const stale = (await gql(admin, apply, { id: provider.id, m: "25", t: first.token })).body.data.applyServiceImport;
    expect(stale).toMatchObject({ __typename: "ConflictError", code: "import_preview_stale" });
    expect(await db.service.count({ where: { providerId: provider.id } })).toBe(0);
    // A token is bound to its markup too.
    sim.setServices(SEED_SERVICES);
    expect((await gql(admin, apply, { id: provider.id, m: "30", t: first.token })).body.data.applyServiceImport.code).toBe("import_preview_stale");

    const applied = (await gql(admin, apply, { id: provider.id, m: "25", t: first.token })).body.data.applyServiceImport;
    expect(applied.data).toEqual({ created: listed, updated: 0, deactivated: 0 });
    expect((await audits("Provider", provider.id, "catalogue.import")).map((a) => (a.after as { previewToken?: string }).previewToken)).toEqual([first.token]);
    // Applied once: the same token no longer matches the catalogue.
    expect((await gql(admin, apply, { id: provider.id, m: "25", t: first.token })).body.data.applyServiceImport.code).toBe("import_preview_stale");

    sim.setServices(SEED_SERVICES.filter((s) => s.service !== 2).map((s) => (s.service === 1 ? { ...s, rate: "1.10" } : s)));
    const second = (await gql(admin, preview, { id: provider.id, m: "25" })).body.data.previewServiceImport.data;
    const followers = await db.service.findFirstOrThrow({ where: { providerId: provider.id, providerServiceId: "1" } });
    const likes = await db.service.findFirstOrThrow({ where: { providerId: provider.id, providerServiceId: "2" } });
    expect(second.added).toEqual([]);
    expect(second.changedCost).toEqual([{ providerServiceId: "1", serviceId: followers.id, oldCost: "109.8", newCost: "134.2", oldPrice: "137.25", newPrice: "167.75" }]);
    expect(second.vanished).toEqual([{ serviceId: likes.id, providerServiceId: "2" }]);
    expect(second.unchanged).toHaveLength(listed - 2);
    expect((await db.service.findUniqueOrThrow({ where: { id: followers.id } })).cost!.toString(), "still unchanged after the preview").toBe("109.8");
    const again = (await gql(admin, apply, { id: provider.id, m: "25", t: second.token })).body.data.applyServiceImport.data;
    expect(again).toEqual({ created: 0, updated: listed - 1, deactivated: 1 });
    expect((await db.service.findUniqueOrThrow({ where: { id: likes.id } })).active).toBe(false);
    expect((await db.service.findUniqueOrThrow({ where: { id: followers.id } })).cost!.toString()).toBe("134.2");

    const bad = (await gql(admin, preview, { id: provider.id, m: "-5" })).body.data.previewServiceImport;
    expect(bad).toMatchObject({ __typename: "ValidationError", code: "markup_invalid" });
  });
});

describe("providers page", () => {
  const test = `mutation($id: Int, $url: String, $key: String) { testProviderKey(providerId: $id, url: $url, apiKey: $key) { __typename ... on Error { code message }
    ... on MutationTestProviderKeySuccess { data { ok balance currency error latencyMs } } } }`;

  it("tests a saved or typed key with a balance call, never showing the key, and audit-logs it", async () => {
    const provider = await buildProvider(db, { url: sim.url, apiKeyEncrypted: deps.box.seal(sim.apiKey), apiKeyLast4: sim.apiKey.slice(-4), currency: "USD" });
    const saved = (await gql(admin, test, { id: provider.id })).body.data.testProviderKey;
    expect(saved.data).toMatchObject({ ok: true, balance: "77.25", error: null });
    expect(saved.data.latencyMs).toBeGreaterThanOrEqual(0);

    const wrongKey = "wrong-key-0123456789abcdef";
    const typed = (await gql(admin, test, { url: sim.url, key: wrongKey })).body.data.testProviderKey;
    expect(typed.data).toMatchObject({ ok: false, balance: null });
    expect(typed.data.error).toContain("Invalid API key");
    expect(JSON.stringify(typed)).not.toContain(wrongKey);
    const typedGood = (await gql(admin, test, { url: sim.url, key: sim.apiKey })).body.data.testProviderKey;
    expect(typedGood.data).toMatchObject({ ok: true, balance: "77.25" });

    const unreachable = (await gql(admin, test, { url: "http://127.0.0.1:9/api/v2", key: wrongKey })).body.data.testProviderKey;
    expect(unreachable.data.ok).toBe(false);
    expect(unreachable.data.error).toMatch(/could not be reached/);
    expect(JSON.stringify(unreachable)).not.toContain(wrongKey);

    const entries = await db.auditLog.findMany({ where: { action: "provider.test_key", actorId: admin.user.id }, select: { entityId: true, before: true, after: true } });
    expect(entries.length).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(entries)).not.toContain(wrongKey);
    expect(JSON.stringify(entries)).not.toContain(sim.apiKey);

    for (const [vars, code] of [[{ url: "ftp://x" , key: wrongKey }, "url_invalid"], [{ url: sim.url }, "api_key_required"], [{ key: wrongKey }, "url_required"], [{ id: 2_000_000_000 }, "not_found"], [{ id: provider.id, url: "http://127.0.0.1:9/elsewhere" }, "api_key_required"]] as const) {
      const r = (await gql(admin, test, vars)).body.data.testProviderKey;
      expect(r.code, JSON.stringify(vars)).toBe(code);
    }
  });

  it("shows services count, last sync, error rate and latency over the last 24 h from the call log", async () => {
    const provider = await buildProvider(db);
    const category = await buildCategory(db);
    await buildService(db, { categoryId: category.id, providerId: provider.id, providerServiceId: "1" });
    await buildService(db, { categoryId: category.id, providerId: provider.id, providerServiceId: "2", active: false });
    const now = Date.now();
    const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000);
    await db.providerCall.createMany({
      data: [
        { providerId: provider.id, action: "status", request: {}, latencyMs: 100, outcome: "ok", createdAt: at(30) },
        { providerId: provider.id, action: "status", request: {}, latencyMs: 200, outcome: "ok", createdAt: at(20) },
        { providerId: provider.id, action: "status", request: {}, latencyMs: 300, outcome: "unknown", createdAt: at(10) },
        { providerId: provider.id, action: "add", request: {}, latencyMs: 400, outcome: "rejected", createdAt: at(5) },
        // Older than a day: not in the figures.
        { providerId: provider.id, action: "status", request: {}, latencyMs: 9000, outcome: "unknown", createdAt: at(25 * 60) },
      ],
    });
    const { body } = await gql(admin, "{ providers { id apiKeyMasked health { servicesCount activeServicesCount calls errors errorRate p50LatencyMs p95LatencyMs lastCallAt lastSyncAt lastImportAt } } }");
    const row = body.data.providers.find((p: { id: number }) => p.id === provider.id);
    // p50 of 100..400 = 250; p95 = 300 + 0.85 × 100 = 385.
    expect(row.health).toEqual({
      servicesCount: 2,
      activeServicesCount: 1,
      calls: 4,
      errors: 2,
      errorRate: 0.5,
      p50LatencyMs: 250,
      p95LatencyMs: 385,
      lastCallAt: at(5).toISOString(),
      lastSyncAt: at(20).toISOString(),
      lastImportAt: null,
    });
    expect(row.apiKeyMasked).toMatch(/^\*+/);
  });
});

