import { execFile } from "node:child_process";
import { promisify } from "node:util";
import pino from "pino";
import { beforeAll, describe, expect, it } from "vitest";
import { issueApiKey } from "../../src/apikeys/api-keys.js";
import { forwardOrder } from "../../src/fulfilment/forward-order.js";
import { createProviderClient, ProviderError } from "../../src/providers/api-client.js";
import { startProviderSimulator, type ProviderSimulator } from "../../src/providers/simulator/index.js";
import { setResellerPricing } from "../../src/resellers/reseller-pricing.js";
import { syncProviderOrders } from "../../src/fulfilment/sync-orders.js";
import { refreshDeliveryEstimates } from "../../src/estimates/refresh-delivery-estimates.js";
import { testDeps } from "../support/deps.js";
import { buildService, buildUser } from "../support/factories.js";
import { expectLedgerInvariants } from "../support/ledger-invariants.js";
import { buildSimProvider, buildSimService } from "../support/provider-factories.js";
import { useTestDb } from "../support/test-db.js";
import { startApiServer } from "./support.js";

const { prisma: db } = await useTestDb();
const deps = testDeps(db, { PROVIDER_TIMEOUT_MS: "20000", SYNC_PACE_MS: "0" });
const admin = { label: "telegram:1", isAdmin: true };
const api = await startApiServer(deps);
let sim: ProviderSimulator;

beforeAll(async () => {
  sim = await startProviderSimulator({ balance: "1000000" });
  return () => sim.close();
});

async function reseller(balance = "10000", discount?: string) {
  const user = await buildUser(db, { role: "RESELLER", balance });
  if (discount) await setResellerPricing(db, { userId: user.id, discountPercent: discount, actor: admin });
  const { key } = await issueApiKey(deps, { userId: user.id });
  return { user, key };
}

async function money(userId: number) {
  const account = await db.account.findUniqueOrThrow({ where: { userId } });
  return {
    balance: account.balance.toFixed(4),
    ledger: await db.ledgerEntry.count({ where: { accountId: account.id } }),
    orders: await db.order.count({ where: { userId } }),
  };
}

describe("services", () => {
  it("lists active services with the reseller's rate per 1000, as strings, never below cost", async () => {
    const list = await buildService(db, { price: "200", cost: "60", type: "Default", refill: true, cancel: true });
    const own = await buildService(db, { price: "200", cost: "60" });
    const floor = await buildService(db, { price: "100", cost: "95" });
    const perUnit = await buildService(db, { price: "0.5", cost: "0.1", priceUnit: "PER_UNIT" });
    const hidden = await buildService(db, { active: false });
    const { user, key } = await reseller("0", "10");
    await setResellerPricing(db, { userId: user.id, prices: [{ serviceId: own.id, price: "150" }], actor: admin });

    const { status, json } = await api.post({ key, action: "services" });
    expect(status).toBe(200);
    const byId = new Map((json as any[]).map((s) => [s.service, s]));
    expect(byId.get(list.id)).toEqual({
      service: list.id, name: "Instagram followers", type: "Default", category: "Followers",
      rate: "180", min: "50", max: "10000", refill: true, cancel: true, dripfeed: false,
    });
    expect(byId.get(own.id)?.rate).toBe("150");
    expect(byId.get(floor.id)?.rate).toBe("95");
    expect(byId.get(perUnit.id)?.rate).toBe("450");
    expect(byId.has(hidden.id)).toBe(false);
  });

  it("shows average_time (median minutes to complete) once a service has enough history, and leaves it out before", async () => {
    const known = await buildService(db, { price: "200", cost: "60" });
    const fresh = await buildService(db, { price: "200", cost: "60" });
    const { user, key } = await reseller("0", "0");
    // Six completed orders, 1…6 h after placement: the median is 3.5 h = 210 min.
    for (let i = 1; i <= 6; i++) {
      const createdAt = new Date(Date.now() - 2 * 86_400_000 - i * 3_600_000);
      await db.order.create({
        data: {
          userId: user.id, accountId: user.account.id, serviceId: known.id, status: "COMPLETED", link: "https://instagram.com/a",
          quantity: 100, charge: "10", createdAt, startedAt: createdAt, completedAt: new Date(createdAt.getTime() + i * 3_600_000),
        },
      });
    }
    await refreshDeliveryEstimates(deps);
    const { json } = await api.post({ key, action: "services" });
    const byId = new Map((json as any[]).map((s) => [s.service, s]));
    expect(byId.get(known.id)?.average_time).toBe("210");
    expect(byId.get(fresh.id)).not.toHaveProperty("average_time");
  });
});

describe("add", () => {
  it("places and charges at the reseller price from a form, a JSON body and a GET", async () => {
    const service = await buildService(db, { price: "200", cost: "60" });
    const { user, key } = await reseller("1000", "10");
    const form = await api.post({ key, action: "add", service: service.id, link: "https://instagram.com/a", quantity: 100 });
    const json = await fetch(api.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ key, action: "add", service: service.id, link: "https://instagram.com/b", quantity: 200 }) }).then((r) => r.json());
    const get = await fetch(`${api.url}?${new URLSearchParams({ key, action: "add", service: String(service.id), link: "https://instagram.com/c", quantity: "300" })}`).then((r) => r.json());
    const ids = [form.json.order, json.order, get.order];
    expect(ids.every((id) => Number.isInteger(id))).toBe(true);
    const orders = await db.order.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
    expect(orders.map((o) => [o.source, o.quantity, o.charge.toFixed(4)])).toEqual([["API", 100, "18.0000"], ["API", 200, "36.0000"], ["API", 300, "54.0000"]]);
    expect((await money(user.id)).balance).toBe("892.0000");
    await expectLedgerInvariants(db, [user.account.id]);
  });

  it("answers a retry with the same request_id with the first order, charged once", async () => {
    const service = await buildService(db, { price: "200", cost: "60" });
    const other = await buildService(db, { price: "200", cost: "60" });
    const { user, key } = await reseller("1000");
    const fields = { key, action: "add", service: service.id, link: "https://instagram.com/r", quantity: 100, request_id: "B-order-77 ✓ any text" };
    const [a, b] = await Promise.all([api.post(fields), api.post(fields)]);
    const c = await api.post(fields);
    expect([a.json, b.json, c.json]).toEqual([{ order: a.json.order }, { order: a.json.order }, { order: a.json.order }]);
    expect(await money(user.id)).toMatchObject({ balance: "980.0000", orders: 1 });
    const reused = await api.post({ ...fields, service: other.id });
    expect(reused.json).toEqual({ error: "This request_id was already used for a different order" });
    expect(await money(user.id)).toMatchObject({ balance: "980.0000", orders: 1 });
  });

  it("takes the type's own fields: comments counted, poll answer, drip-feed runs", async () => {
    const comments = await buildService(db, { type: "Custom Comments", price: "1000", cost: "100", min: 2, max: 100 });
    const poll = await buildService(db, { type: "Poll", price: "200", cost: "60" });
    const drip = await buildService(db, { price: "200", cost: "60", dripfeed: true });
    const { key } = await reseller("1000");
    const c = await api.post({ key, action: "add", service: comments.id, link: "https://instagram.com/p/1", comments: "nice\nwow\n\ngreat" });
    const p = await api.post({ key, action: "add", service: poll.id, link: "https://instagram.com/p/2", quantity: 100, answer_number: 2 });
    const d = await api.post({ key, action: "add", service: drip.id, link: "https://instagram.com/p/3", quantity: 300, runs: 3, interval: 10 });
    const mentions = await buildService(db, { type: "Mentions with Hashtags", price: "200", cost: "60" });
    const m = await api.post({ key, action: "add", service: mentions.id, link: "https://instagram.com/p/4", quantity: 100, usernames: "ann\nbob", hashtags: "#sale\n#bd" });
    const missing = await api.post({ key, action: "add", service: mentions.id, link: "https://instagram.com/p/5", quantity: 100, usernames: "ann" });
    expect(missing.json).toEqual({ error: "Missing field: hashtags" });
    const orders = await db.order.findMany({ where: { id: { in: [c.json.order, p.json.order, d.json.order, m.json.order] } }, orderBy: { id: "asc" } });
    expect(orders.map((o) => [o.quantity, o.extra])).toEqual([
      [3, { comments: "nice\nwow\ngreat" }],
      [100, { answerNumber: 2 }],
      [300, { runs: 3, interval: 10 }],
      [100, { usernames: "ann\nbob", hashtags: "#sale\n#bd" }],
    ]);
  });
});

describe("bad input", () => {
  it("gets its own error text with HTTP 200 and changes nothing", async () => {
    const service = await buildService(db, { price: "200", cost: "60", min: 50, max: 1000 });
    const inactive = await buildService(db, { active: false });
    const customer = await buildUser(db, { balance: "1000" });
    const { key: customerKey } = await issueApiKey(deps, { userId: customer.id });
    const { user, key } = await reseller("10");
    const add = { key, action: "add", service: service.id, link: "https://instagram.com/x", quantity: 100 };
    const cases: [string, Record<string, string | number>][] = [
      ["missing key", { action: "balance" }],
      ["bad key", { key: "pb_" + "x".repeat(32), action: "balance" }],
      ["customer key", { key: customerKey, action: "balance" }],
      ["missing action", { key }],
      ["unknown action", { key, action: "drop_tables" }],
      ["missing service", { ...add, service: "" }],
      ["unknown service", { ...add, service: 99999999 }],
      ["inactive service", { ...add, service: inactive.id }],
      ["missing link", { ...add, link: "" }],
      ["bad link", { ...add, link: "not a link" }],
      ["missing quantity", { ...add, quantity: "" }],
      ["quantity not a number", { ...add, quantity: "1e3" }],
      ["quantity out of range", { ...add, quantity: 5 }],
      ["insufficient balance", add],
      ["request_id too long", { ...add, request_id: "r".repeat(129) }],
      ["no drip-feed", { ...add, runs: 2, interval: 5 }],
      ["status without order", { key, action: "status" }],
      ["too many ids", { key, action: "status", orders: Array.from({ length: 101 }, (_, i) => i + 1).join(",") }],
      ["refill_status without refill", { key, action: "refill_status" }],
      ["cancel without orders", { key, action: "cancel" }],
    ];
    const before = await money(user.id);
    const answers: Record<string, unknown> = {};
    for (const [name, fields] of cases) {
      const { status, json } = await api.post(fields);
      expect(status, name).toBe(200);
      expect(Object.keys(json), name).toEqual(["error"]);
      answers[name] = json.error;
    }
    expect(answers).toMatchObject({
      "missing key": "Missing API key",
      "bad key": "Invalid API key",
      "unknown service": "Incorrect service ID",
      "inactive service": "Service is not active",
      "quantity out of range": "Quantity must be between 50 and 1000",
      "insufficient balance": "Not enough funds on balance (balance 10.00, order 20.00)",
    });
    // Each bad input has a text of its own.
    expect(new Set(Object.values(answers)).size).toBe(cases.length);
    expect(await money(user.id)).toEqual(before);
    expect((await money(customer.id)).orders).toBe(0);
    await expectLedgerInvariants(db, [user.account.id]);
  });

  it("limits calls per key per minute", async () => {
    const limited = await startApiServer(deps, { rateLimitPerMinute: 2 });
    const { key } = await reseller();
    const { key: otherKey } = await reseller();
    const answers = [];
    for (let i = 0; i < 3; i += 1) answers.push((await limited.post({ key, action: "balance" })).json);
    expect(answers.map((a) => "error" in a)).toEqual([false, false, true]);
    expect(answers[2]).toEqual({ error: "Too many requests: at most 2 per minute per API key" });
    expect("balance" in (await limited.post({ key: otherKey, action: "balance" })).json).toBe(true);
  });
});

describe("the call log", () => {
  it("names the action, the key's prefix and the outcome, never the key", async () => {
    const lines: string[] = [];
    const logger = pino({ level: "info" }, { write: (line: string) => void lines.push(line) });
    const logged = await startApiServer({ ...deps, logger });
    const { user, key } = await reseller();
    await logged.post({ key, action: "balance" });
    await fetch(`${logged.url}?key=${key}&action=nope`);
    const calls = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === "API v2 call");
    expect(calls.map((c) => [c.action, c.keyPrefix, c.userId, c.error ?? null])).toEqual([
      ["balance", key.slice(0, 8), user.id, null],
      ["nope", key.slice(0, 8), user.id, "Incorrect action: use services, add, status, refill, refill_status, cancel or balance"],
    ]);
    expect(lines.join("\n")).not.toContain(key);
  });
});

describe("the order's life through the API", () => {
  it("status, refill, refill_status and cancel speak the panels' shapes; the API v2 client reads them all", async () => {
    const provider = await buildSimProvider(db, deps.box, sim);
    const service = await buildSimService(db, provider, { price: "200", cost: "109.8" });
    const { user, key } = await reseller("1000");
    const other = await reseller("1000");
    const client = createProviderClient({ url: api.url, apiKey: key, timeoutMs: 30_000 });

    const services = await client.services();
    expect(services.services.find((s) => s.service === String(service.id))).toMatchObject({ rate: expect.anything(), min: 10, max: 100000 });
    expect(await client.balance()).toMatchObject({ currency: "BDT" });

    const added = await client.add({ service: service.id, link: "https://instagram.com/life", quantity: 1000, requestId: "life-1" });
    expect(added).toMatchObject({ kind: "accepted" });
    const orderId = Number((added as { providerOrderId: string }).providerOrderId);
    const second = await client.add({ service: service.id, link: "https://instagram.com/life2", quantity: 1000 });
    const secondId = Number((second as { providerOrderId: string }).providerOrderId);
    const foreign = (await api.post({ key: other.key, action: "add", service: service.id, link: "https://instagram.com/theirs", quantity: 100 })).json.order;

    // Pending (not yet forwarded) reads Pending, with the whole quantity remaining.
    expect(await api.post({ key, action: "status", order: orderId }).then((r) => r.json)).toEqual({ charge: "200.0000", start_count: "0", status: "Pending", remains: "1000", currency: "BDT" });
    expect(await client.status(orderId)).toMatchObject({ status: "in_progress", providerStatus: "Pending" });

    await forwardOrder(deps, orderId);
    await forwardOrder(deps, secondId);
    const simId = (await db.order.findUniqueOrThrow({ where: { id: orderId } })).providerOrderId!;
    sim.advance(simId, { to: "Partial", remains: 250 });
    await syncProviderOrders(deps, provider.id, { paceMs: 0 });

    const multi = await client.multiStatus([orderId, secondId, foreign, 99999999]);
    expect(Object.fromEntries([...multi].map(([id, v]) => [id, v.ok ? v.providerStatus : v.error]))).toEqual({
      [orderId]: "Partial", [secondId]: "In progress", [foreign]: "Incorrect order ID", "99999999": "Incorrect order ID",
    });
    expect((await api.post({ key, action: "status", orders: `${orderId},${foreign}` })).json).toEqual({
      [orderId]: { charge: "150.0000", start_count: "0", status: "Partial", remains: "250", currency: "BDT" },
      [foreign]: { error: "Incorrect order ID" },
    });

    // Refill: the partial order is delivered; the second is still running.
    const refill = await client.refill(orderId);
    expect(refill.refillId).toMatch(/^\d+$/);
    const refills = await client.multiRefill([orderId, secondId, foreign]);
    expect(Object.fromEntries([...refills].map(([id, v]) => [id, v.ok ? "ok" : v.error]))).toEqual({
      [orderId]: "A refill for this order is already in progress",
      [secondId]: "Only delivered (completed or partial) orders can be refilled",
      [foreign]: "Incorrect order ID",
    });
    expect(await client.refillStatus(refill.refillId)).toMatchObject({ status: "pending", providerStatus: "Pending" });
    const refillStatuses = await client.multiRefillStatus([refill.refillId, "424242"]);
    expect(Object.fromEntries([...refillStatuses].map(([id, v]) => [id, v.ok ? v.providerStatus : v.error]))).toEqual({ [refill.refillId]: "Pending", "424242": "Incorrect refill ID" });

    // Cancel: the running one is asked upstream, the finished one and the foreign one are refused.
    const cancels = await client.cancel([secondId, orderId, foreign]);
    expect(Object.fromEntries([...cancels].map(([id, v]) => [id, v.ok ? "ok" : v.error]))).toEqual({
      [secondId]: "ok",
      [orderId]: "This order is already in progress or finished and cannot be cancelled",
      [foreign]: "Incorrect order ID",
    });
    await expect(client.status(foreign)).rejects.toThrow(ProviderError);
    await expectLedgerInvariants(db, [user.account.id, other.user.account.id]);
  });
});

describe("the /api page", () => {
  it("is public and its curl examples work as printed", async () => {
    await buildService(db, { price: "200", cost: "60", min: 10, platform: "instagram" });
    const { user, key } = await reseller("100000");
    const html = await fetch(`${api.base}/api`).then((r) => r.text());
    const commands = [...html.matchAll(/<pre class="curl">([^<]+)<\/pre>/g)].map((m) => m[1]!.replaceAll("&amp;", "&").replaceAll("&quot;", '"'));
    expect(commands.length).toBe(10);
    const answers = [];
    for (const command of commands) {
      const { stdout } = await promisify(execFile)("sh", ["-c", command], { env: { ...process.env, KEY: key } });
      answers.push(JSON.parse(stdout));
    }
    const [services, add, status] = answers;
    expect(Array.isArray(services) && services.length > 0).toBe(true);
    expect(add).toEqual({ order: expect.any(Number) });
    expect(status).toEqual({ error: "Incorrect order ID" });
    expect(answers.at(-1)).toEqual({ balance: expect.stringMatching(/^\d+\.\d{4}$/), currency: "BDT" });
    expect((await money(user.id)).orders).toBe(1);
  });
});
