// Every root operation × every kind of caller, against the expected allow/deny table.
import { beforeAll, describe, expect, it } from "vitest";
import { getSchema } from "../../schema/schema.js";
import { anonymous, buildCaller, buildFailedOrder, buildRevokedCaller, graphqlFor, type Caller } from "../support/graphql-factories.js";
import { buildService } from "../support/factories.js";
import { useTestDb } from "../support/test-db.js";

const { prisma: db } = await useTestDb();
const { gql } = graphqlFor(db, { rateLimitPerMinute: 100_000 });

type Who = "anonymous" | "customer" | "resellerA" | "resellerB" | "admin" | "revoked";
const ADMIN_ONLY: Who[] = ["admin"];
const EVERY_USER: Who[] = ["admin", "customer", "resellerA", "resellerB"];
const API_READERS: Who[] = ["customer", "resellerA", "resellerB"];
const RESELLERS: Who[] = ["resellerA", "resellerB"];

// Ids that exist nowhere: allowed callers get a typed NotFound (or null), and nothing changes.
const NO = 2_000_000_000;

/** [operation, document, who may run it]. Allowed means "not refused": a typed domain error still counts. */
const OPERATIONS: [string, string, Who[]][] = [
  ["orders", "{ orders(first: 1) { totalCount } }", ADMIN_ONLY],
  ["order", `{ order(id: ${NO}) { id } }`, ADMIN_ONLY],
  ["users", "{ users(first: 1) { totalCount } }", ADMIN_ONLY],
  ["user", `{ user(id: ${NO}) { id } }`, ADMIN_ONLY],
  ["account", `{ account(id: ${NO}) { id } }`, ADMIN_ONLY],
  ["auditLog", "{ auditLog(first: 1) { edges { cursor } } }", ADMIN_ONLY],
  ["topUps", "{ topUps(first: 1) { edges { cursor } } }", ADMIN_ONLY],
  ["paymentDevices", "{ paymentDevices { id } }", ADMIN_ONLY],
  ["paymentSms", "{ paymentSms(first: 1) { edges { cursor } } }", ADMIN_ONLY],
  ["categories", "{ categories { id } }", ADMIN_ONLY],
  ["services", "{ services(first: 1) { edges { cursor } } }", ADMIN_ONLY],
  ["providers", "{ providers { id } }", ADMIN_ONLY],
  ["provider", `{ provider(id: ${NO}) { id } }`, ADMIN_ONLY],
  ["tickets", "{ tickets(first: 1) { edges { cursor } } }", ADMIN_ONLY],
  ["ticket", `{ ticket(id: ${NO}) { id } }`, ADMIN_ONLY],
  ["groups", "{ groups { id } }", ADMIN_ONLY],
  ["dashboardStats", "{ dashboardStats { totalOrders } }", ADMIN_ONLY],
  ["stuckSummary", "{ stuckSummary { stuckCount } }", ADMIN_ONLY],
  ["ordersPerDayReport", "{ ordersPerDayReport(days: 7) { __typename } }", ADMIN_ONLY],
  ["providerOutcomeReport", "{ providerOutcomeReport { __typename } }", ADMIN_ONLY],
  ["serviceOutcomeReport", "{ serviceOutcomeReport { __typename } }", ADMIN_ONLY],
  ["completionTimeReport", "{ completionTimeReport { __typename } }", ADMIN_ONLY],
  ["stuckReasonReport", "{ stuckReasonReport { __typename } }", ADMIN_ONLY],
  ["topUpMethodReport", "{ topUpMethodReport { __typename } }", ADMIN_ONLY],
  ["previewServiceImport", `{ previewServiceImport(providerId: ${NO}, markupPercent: "25") { __typename } }`, ADMIN_ONLY],
  ["me", "{ me { id } }", EVERY_USER],
  ["shopServices", "{ shopServices { id } }", API_READERS],
  ["myOrders", "{ myOrders(first: 1) { edges { cursor } } }", API_READERS],
  ["myOrder", `{ myOrder(id: ${NO}) { __typename } }`, API_READERS],
  ["cancelOrder", `mutation { cancelOrder(orderId: ${NO}) { __typename } }`, ADMIN_ONLY],
  ["createManualOrder", `mutation { createManualOrder(input: { userId: ${NO}, serviceId: ${NO}, link: "123456789", quantity: 1 }) { __typename } }`, ADMIN_ONLY],
  ["takeManualOrder", `mutation { takeManualOrder(orderId: ${NO}) { __typename } }`, ADMIN_ONLY],
  ["completeManualOrder", `mutation { completeManualOrder(orderId: ${NO}) { __typename } }`, ADMIN_ONLY],
  ["resubmitOrder", `mutation { resubmitOrder(orderId: ${NO}) { __typename } }`, ADMIN_ONLY],
  ["resubmitOrders", `mutation { resubmitOrders(orderIds: [${NO}]) { __typename } }`, ADMIN_ONLY],
  ["reconcileUnknownOrder", `mutation { reconcileUnknownOrder(orderId: ${NO}, decision: PLACED, providerOrderId: "x1") { __typename } }`, ADMIN_ONLY],
  ["syncOrder", `mutation { syncOrder(orderId: ${NO}) { __typename } }`, ADMIN_ONLY],
  ["syncProvider", `mutation { syncProvider(providerId: ${NO}) { __typename } }`, ADMIN_ONLY],
  ["requestRefill", `mutation { requestRefill(orderId: ${NO}) { __typename } }`, ADMIN_ONLY],
  ["requestUpstreamCancel", `mutation { requestUpstreamCancel(orderId: ${NO}) { __typename } }`, ADMIN_ONLY],
  ["approveTopUp", `mutation { approveTopUp(id: ${NO}) { __typename } }`, ADMIN_ONLY],
  ["rejectTopUp", `mutation { rejectTopUp(id: ${NO}) { __typename } }`, ADMIN_ONLY],
  ["adjustBalance", `mutation { adjustBalance(accountId: ${NO}, amount: "x", note: "n") { __typename } }`, ADMIN_ONLY],
  ["setUserBlocked", `mutation { setUserBlocked(userId: ${NO}, blocked: true) { __typename } }`, ADMIN_ONLY],
  ["setUserRole", `mutation { setUserRole(userId: ${NO}, role: CUSTOMER) { __typename } }`, ADMIN_ONLY],
  ["setResellerAccess", `mutation { setResellerAccess(userId: ${NO}, reseller: true) { __typename } }`, ADMIN_ONLY],
  ["rejectResellerRequest", `mutation { rejectResellerRequest(userId: ${NO}) { __typename } }`, ADMIN_ONLY],
  ["setResellerPricing", `mutation { setResellerPricing(userId: ${NO}, discountPercent: "5") { __typename } }`, ADMIN_ONLY],
  ["issueApiKey", `mutation { issueApiKey(userId: ${NO}) { __typename } }`, ADMIN_ONLY],
  ["revokeApiKey", `mutation { revokeApiKey(apiKeyId: ${NO}) { __typename } }`, ADMIN_ONLY],
  // STARS is no SMS method: an admin gets a typed ValidationError and no device is created.
  ["registerPaymentDevice", `mutation { registerPaymentDevice(name: "x", methods: [STARS], shopNumber: "01712345678") { __typename } }`, ADMIN_ONLY],
  ["revokePaymentDevice", `mutation { revokePaymentDevice(id: ${NO}) { __typename } }`, ADMIN_ONLY],
  ["createCategory", `mutation { createCategory(input: { nameBn: "x", nameEn: "matrix" , active: false}) { __typename } }`, ADMIN_ONLY],
  ["updateCategory", `mutation { updateCategory(id: ${NO}, patch: { nameEn: "x" }) { __typename } }`, ADMIN_ONLY],
  ["createService", `mutation { createService(input: { categoryId: ${NO}, nameBn: "x", nameEn: "x", mode: MANUAL, price: "1", min: 1, max: 2 }) { __typename } }`, ADMIN_ONLY],
  ["updateService", `mutation { updateService(id: ${NO}, patch: { nameEn: "x" }) { __typename } }`, ADMIN_ONLY],
  ["createProvider", `mutation { createProvider(input: { name: "matrix", url: "ftp://127.0.0.1/x", apiKey: "k" }) { __typename } }`, ADMIN_ONLY],
  ["updateProvider", `mutation { updateProvider(id: ${NO}, patch: { active: false }) { __typename } }`, ADMIN_ONLY],
  ["refreshProviderBalance", `mutation { refreshProviderBalance(id: ${NO}) { __typename } }`, ADMIN_ONLY],
  ["testProviderKey", `mutation { testProviderKey(providerId: ${NO}) { __typename } }`, ADMIN_ONLY],
  ["applyServiceImport", `mutation { applyServiceImport(providerId: ${NO}, markupPercent: "25", token: "x") { __typename } }`, ADMIN_ONLY],
  ["bulkChangePrices", `mutation { bulkChangePrices(percent: "10", scope: CATEGORY, scopeId: ${NO}) { __typename } }`, ADMIN_ONLY],
  ["importProviderServices", `mutation { importProviderServices(providerId: ${NO}, markupPercent: "25") { __typename } }`, ADMIN_ONLY],
  ["replyToTicket", `mutation { replyToTicket(ticketId: ${NO}, text: "hello") { __typename } }`, ADMIN_ONLY],
  ["closeTicket", `mutation { closeTicket(ticketId: ${NO}) { __typename } }`, ADMIN_ONLY],
  ["registerGroup", `mutation { registerGroup(chatId: "-100", rate: "1", creditLimit: "0", serviceId: ${NO}) { __typename } }`, ADMIN_ONLY],
  ["placeOrder", `mutation { placeOrder(input: { serviceId: ${NO}, link: "https://x.com/a", quantity: 100 }) { __typename } }`, RESELLERS],
  ["cancelMyOrder", `mutation { cancelMyOrder(orderId: ${NO}) { __typename } }`, RESELLERS],
  ["requestMyRefill", `mutation { requestMyRefill(orderId: ${NO}) { __typename } }`, RESELLERS],
];

const callers = {} as Record<Who, Caller>;

beforeAll(async () => {
  callers.anonymous = anonymous;
  callers.customer = await buildCaller(db, "CUSTOMER", "customer");
  callers.resellerA = await buildCaller(db, "RESELLER", "resellerA");
  callers.resellerB = await buildCaller(db, "RESELLER", "resellerB");
  callers.admin = await buildCaller(db, "ADMIN", "admin");
  callers.revoked = await buildRevokedCaller(db);
});

describe("authorization matrix", () => {
  it("covers every root query and mutation of the schema", () => {
    const schema = getSchema();
    const all = [...Object.keys(schema.getQueryType()!.getFields()), ...Object.keys(schema.getMutationType()!.getFields())].sort();
    expect(OPERATIONS.map(([name]) => name).sort()).toEqual(all);
  });

  it.each(OPERATIONS)("%s", async (name, document, allowed) => {
    const outcome: Record<string, string> = {};
    const expected: Record<string, string> = {};
    for (const who of Object.keys(callers) as Who[]) {
      const { body } = await gql(callers[who], document);
      const codes = (body.errors ?? []).map((e) => e.extensions?.code);
      outcome[who] = codes.includes("FORBIDDEN") ? "deny" : codes.length ? `error ${JSON.stringify(body.errors)}` : "allow";
      expected[who] = allowed.includes(who) ? "allow" : "deny";
      if (outcome[who] === "deny") expect(body.data?.[name as never] ?? null).toBeNull();
    }
    expect(outcome, name).toEqual(expected);
  });
});

describe("reseller isolation", () => {
  it("answers another reseller's order exactly like a missing one, and shows FAILED as PENDING to its owner", async () => {
    const service = await buildService(db, { price: "10", min: 10, max: 1000 });
    const mine = await buildFailedOrder(db, callers.resellerA.user!.id, service.id);
    const query = "query($id: Int!) { myOrder(id: $id) { __typename ... on Error { code message } ... on QueryMyOrderSuccess { data { id status } } } }";
    const own = await gql(callers.resellerA, query, { id: mine.id });
    expect(own.body.data.myOrder).toEqual({ __typename: "QueryMyOrderSuccess", data: { id: mine.id, status: "PENDING" } });

    const other = await gql(callers.resellerB, query, { id: mine.id });
    const missing = await gql(callers.resellerB, query, { id: NO });
    const normalise = (b: unknown) => JSON.stringify(b).replaceAll(String(mine.id), "ID").replaceAll(String(NO), "ID");
    expect(normalise(other.body)).toBe(normalise(missing.body));
    expect(other.body.data.myOrder.__typename).toBe("NotFoundError");

    const cancel = "mutation($id: Int!) { cancelMyOrder(orderId: $id) { __typename } }";
    expect((await gql(callers.resellerB, cancel, { id: mine.id })).body.data.cancelMyOrder.__typename).toBe("NotFoundError");
    expect((await db.order.findUniqueOrThrow({ where: { id: mine.id } })).status).toBe("FAILED");

    const list = await gql(callers.resellerB, "{ myOrders(first: 100) { edges { node { id } } } }");
    expect(list.body.data.myOrders.edges.map((e: { node: { id: number } }) => e.node.id)).not.toContain(mine.id);
  });

  it("places an order once per idempotency key, and never exposes internal statuses", async () => {
    const service = await buildService(db, { price: "10", min: 10, max: 1000 });
    const place = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { __typename
      ... on MutationPlaceOrderSuccess { data { created order { id status charge } } }
      ... on InsufficientBalanceError { balance required } } }`;
    const input = { serviceId: service.id, link: "https://instagram.com/a", quantity: 100, idempotencyKey: "matrix-1" };
    const first = await gql(callers.resellerA, place, { input });
    const again = await gql(callers.resellerA, place, { input });
    expect(first.body.data.placeOrder.data).toMatchObject({ created: true, order: { status: "PENDING", charge: "1" } });
    expect(again.body.data.placeOrder.data).toMatchObject({ created: false, order: { id: first.body.data.placeOrder.data.order.id } });

    const poor = await buildCaller(db, "RESELLER", "poor", "0");
    const refused = await gql(poor, place, { input: { ...input, idempotencyKey: "matrix-2" } });
    expect(refused.body.data.placeOrder).toEqual({ __typename: "InsufficientBalanceError", balance: "0.00", required: "1.00" });

    const values = (getSchema().getType("CustomerOrderStatus") as unknown as { getValues(): { name: string }[] }).getValues().map((v) => v.name);
    expect(values).not.toContain("FAILED");
    expect(values).not.toContain("UNKNOWN");
  });
});
