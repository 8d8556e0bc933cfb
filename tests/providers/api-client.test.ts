import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  AddParamsError,
  createProviderClient,
  maskKey,
  ProviderError,
  type ProviderCallRecord,
  type ProviderClientOptions,
} from "../../src/providers/api-client.js";
import { addFields } from "../../src/providers/add-params.js";
import { classifyAdd } from "../../src/providers/classify-add.js";
import { indexById, toDecimalString, toId, toInt } from "../../src/providers/parse.js";
import { parseMultiStatus } from "../../src/providers/parse-order-status.js";
import { parseCancel } from "../../src/providers/parse-cancel.js";
import { parseMultiRefill, parseMultiRefillStatus } from "../../src/providers/parse-refills.js";
import { parseServices } from "../../src/providers/parse-services.js";
import { scrubSecret } from "../../src/providers/redact.js";
import { rejectionReason } from "../../src/providers/rejection.js";
import { readReply } from "../../src/providers/reply.js";
import { normaliseOrderStatus, normaliseRefillStatus } from "../../src/providers/status-map.js";
import type { TransportResult } from "../../src/providers/transport.js";
import { closedPortUrl, startProviderSimulator, type ProviderSimulator } from "../../src/providers/simulator/index.js";

const KEY = "sk_test_7f3a9c1e5b2d4f6a8c0e";
const LINK = "https://instagram.com/some.account";

let sim: ProviderSimulator;
let records: ProviderCallRecord[];

beforeAll(async () => {
  sim = await startProviderSimulator({ apiKey: KEY, balance: "100" });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  sim.reset();
  sim.setBalance("100");
  sim.setReplyStyle("perfectpanel");
  sim.setRejectDuplicateLinks(false);
  records = [];
});

function client(overrides: Partial<ProviderClientOptions> = {}) {
  return createProviderClient({
    url: sim.url,
    apiKey: KEY,
    // The production default: a busy machine never turns a reply into a timeout.
    timeoutMs: 30_000,
    onCall: (call) => {
      records.push(call);
    },
    ...overrides,
  });
}

const followers = (quantity = 100) => ({ service: 1, link: LINK, quantity });

const realSetTimeout = globalThis.setTimeout;

/**
 * Runs `call` with the client's timer under the test's control: the timeout fires only once the
 * simulator holds the request, so a slow machine can neither make it fire while connecting nor
 * make the test wait for it.
 */
async function timingOut<T>(call: () => Promise<T>, timeoutMs: number, action = "add"): Promise<T> {
  const before = sim.callCount(action);
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  try {
    const pending = call();
    for (let waited = 0; sim.callCount(action) === before; waited += 10) {
      if (waited > 30_000) throw new Error(`the simulator never received the ${action} request`);
      await new Promise((r) => realSetTimeout(r, 10));
    }
    vi.advanceTimersByTime(timeoutMs);
    return await pending;
  } finally {
    vi.useRealTimers();
  }
}

async function providerError(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

describe("add: accepted", () => {
  it('reads {"order": 1000}, charges the provider once and records the call', async () => {
    const result = await client().add(followers(100));
    expect(result).toEqual({ kind: "accepted", providerOrderId: "1000" });
    expect(sim.orderCount()).toBe(1);
    expect(sim.balance()).toBe("99.91");
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      action: "add",
      request: { key: maskKey(KEY), action: "add", service: "1", link: LINK, quantity: "100" },
      response: '{"order":1000}',
      httpStatus: 200,
      outcome: "accepted",
      error: null,
    });
    expect(records[0]!.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('reads the SmartPanel shape {"status":"success","order":151}', async () => {
    sim.setReplyStyle("smartpanel");
    expect(await client().add(followers())).toEqual({ kind: "accepted", providerOrderId: "1000" });
  });

  it("reads string ids and capitalised keys", async () => {
    sim.fault({ action: "add", kind: "strings" });
    expect(await client().add(followers())).toEqual({ kind: "accepted", providerOrderId: "1000" });
    sim.fault({ action: "add", kind: "transform", fn: (r) => ({ Order: (r as { order: number }).order }) });
    expect(await client().add(followers())).toEqual({ kind: "accepted", providerOrderId: "1001" });
  });

  it("answers normally after added latency shorter than the timeout", async () => {
    sim.fault({ action: "add", kind: "latency", ms: 150 });
    expect((await client().add(followers())).kind).toBe("accepted");
  });

  it("sends every service type with its own fields", async () => {
    const c = client();
    expect((await c.add({ service: 7, type: "Package", link: LINK })).kind).toBe("accepted");
    expect((await c.add({ service: 4, type: "Custom Comments", link: LINK, comments: ["Nice!", "Great post", "wow"] })).kind).toBe("accepted");
    expect((await c.add({ service: 5, type: "mentions with custom list", link: LINK, quantity: 20, usernames: "alice\nbob" })).kind).toBe("accepted");
    expect((await c.add({ service: 6, type: "Poll", link: LINK, quantity: 50, answer_number: 2 })).kind).toBe("accepted");
    expect((await c.add({ service: 1, type: "default", link: LINK, quantity: 100, runs: 5, interval: 30 })).kind).toBe("accepted");

    const [pkg, comments, mentions, poll, drip] = sim.orders();
    expect(pkg!.fields).not.toHaveProperty("quantity");
    expect(comments!.fields.comments).toBe("Nice!\nGreat post\nwow");
    expect(comments!.quantity).toBe(3);
    expect(mentions!.fields.usernames).toBe("alice\nbob");
    expect(poll!.fields.answer_number).toBe("2");
    expect(drip!.fields).toMatchObject({ quantity: "100", runs: "5", interval: "30" });
    expect(drip!.quantity).toBe(500);
    for (const r of records) expect(r.request).not.toHaveProperty("type");
  });
});

describe("add: input is validated before anything is sent", () => {
  it.each([
    ["Default without quantity", { service: 1, link: LINK }],
    ["Default with a fractional quantity", { service: 1, link: LINK, quantity: 10.5 }],
    ["drip-feed runs without interval", { service: 1, link: LINK, quantity: 100, runs: 3 }],
    ["no link", { service: 1, link: "  ", quantity: 100 }],
    ["a link with a newline", { service: 1, link: "https://a.b/x\nhttps://c.d", quantity: 100 }],
    ["Custom Comments without comments", { service: 4, type: "Custom Comments", link: LINK, comments: [] }],
    ["Mentions without usernames", { service: 5, type: "Mentions with custom list", link: LINK, quantity: 10 }],
    ["Poll without answer_number", { service: 6, type: "Poll", link: LINK, quantity: 10 }],
    ["an unsupported type", { service: 1, type: "Subscriptions", link: LINK, quantity: 10 }],
    ["a service id with a comma", { service: "1,2", link: LINK, quantity: 10 }],
  ])("refuses %s", async (_name, params) => {
    await expect(client().add(params as never)).rejects.toBeInstanceOf(AddParamsError);
    expect(sim.callCount("add")).toBe(0);
    expect(records).toHaveLength(0);
  });
});

describe("add: rejected", () => {
  it.each([
    ["provider_balance", "Not enough funds on balance", () => sim.setBalance("0.01"), followers(100)],
    ["bad_quantity", "neworder.error.min_quantity", () => {}, followers(5)],
    ["bad_quantity", "neworder.error.max_quantity", () => {}, followers(100_001)],
    ["bad_service", "Incorrect service ID", () => {}, { service: 999, link: LINK, quantity: 100 }],
    ["service_inactive", "neworder.error.service_inactive", () => {}, { service: 8, link: LINK, quantity: 100 }],
    ["bad_link", "Bad link", () => {}, { service: 1, link: "not a link", quantity: 100 }],
  ] as const)("%s from the simulator's own check (%s)", async (reason, error, arrange, params) => {
    arrange();
    const result = await client().add(params);
    expect(result).toEqual({ kind: "rejected", error, reason });
    expect(sim.orderCount()).toBe(0);
    expect(records[0]).toMatchObject({ outcome: "rejected", error, httpStatus: 200 });
  });

  it("duplicate_link when the link already has an active order", async () => {
    sim.setRejectDuplicateLinks(true);
    expect((await client().add(followers())).kind).toBe("accepted");
    expect(await client().add(followers())).toEqual({
      kind: "rejected",
      error: "You have active order with this link. Please wait until order being completed.",
      reason: "duplicate_link",
    });
    expect(sim.ordersForLink(LINK)).toBe(1);
  });

  it("invalid_key for a wrong key", async () => {
    const result = await client({ apiKey: "wrong-key-0000000000" }).add(followers());
    expect(result).toEqual({ kind: "rejected", error: "Invalid API key", reason: "invalid_key" });
  });

  it.each([
    ["neworder.error.not_enough_funds", "provider_balance"],
    ["neworder.error.link_duplicate", "duplicate_link"],
    ["neworder.error.invalid_link", "bad_link"],
    ["neworder.error.min_quantity", "bad_quantity"],
    ["neworder.error.service_inactive", "service_inactive"],
    ["Something unexpected happened", "other"],
  ] as const)('maps a 200 {"error": "%s"} to %s', async (text, reason) => {
    sim.fault({ action: "add", kind: "error", text });
    expect(await client().add(followers())).toEqual({ kind: "rejected", error: text, reason });
    expect(sim.orderCount()).toBe(0);
  });

  it("treats a JSON error on a 4xx as a refusal", async () => {
    sim.fault({ action: "add", kind: "error", text: "Invalid API key", httpStatus: 401 });
    expect(await client().add(followers())).toMatchObject({ kind: "rejected", reason: "invalid_key" });
  });
});

describe("add: not sent (safe to retry)", () => {
  it("connection refused on a closed port", async () => {
    const result = await client({ url: await closedPortUrl() }).add(followers());
    expect(result.kind).toBe("not_sent");
    expect(result.kind === "not_sent" && result.error).toMatch(/ECONNREFUSED/);
    expect(records[0]).toMatchObject({ outcome: "not_sent", httpStatus: null, response: null });
  });

  it("connection refused by a simulator that was closed", async () => {
    const gone = await startProviderSimulator({ apiKey: KEY });
    await gone.close();
    expect((await client({ url: gone.url }).add(followers())).kind).toBe("not_sent");
  });

  it("TLS failure (https to a plain HTTP port): nothing reached the API", async () => {
    const result = await client({ url: sim.url.replace("http:", "https:") }).add(followers());
    expect(result.kind).toBe("not_sent");
    expect(sim.callCount()).toBe(0);
  });

  it("DNS failure", async () => {
    const result = await client({ url: "http://no-such-provider.invalid/api/v2" }).add(followers());
    expect(result.kind).toBe("not_sent");
  });
});

describe("add: unknown (never retried automatically)", () => {
  it("timeout after the provider created the order and charged for it", async () => {
    sim.fault({ action: "add", kind: "timeout_after_commit" });
    const result = await timingOut(() => client({ timeoutMs: 300 }).add(followers(100)), 300);
    expect(result.kind).toBe("unknown");
    expect(result.kind === "unknown" && result.error).toMatch(/timed out after 300 ms/);
    expect(sim.orderCount()).toBe(1);
    expect(sim.ordersForLink(LINK)).toBe(1);
    expect(sim.balance()).toBe("99.91");
    expect(sim.callCount("add")).toBe(1);
    expect(records[0]).toMatchObject({ outcome: "unknown", httpStatus: null });
  });

  it("timeout before the provider did anything is still unknown to us", async () => {
    sim.fault({ action: "add", kind: "timeout_before_commit" });
    expect((await timingOut(() => client({ timeoutMs: 300 }).add(followers()), 300)).kind).toBe("unknown");
    expect(sim.orderCount()).toBe(0);
  });

  it.each([
    ["html_503", 503, /HTML/],
    ["html_502", 502, /HTML/],
    ["html_403", 403, /HTML/],
    ["empty_body", 200, /empty body/],
    ["broken_json", 200, /unparsable JSON/],
  ] as const)("%s", async (kind, status, message) => {
    sim.fault({ action: "add", kind });
    const result = await client().add(followers());
    expect(result.kind).toBe("unknown");
    expect(result.kind === "unknown" && result.error).toMatch(message);
    expect(records[0]).toMatchObject({ outcome: "unknown", httpStatus: status });
  });

  it("HTML or broken JSON after the order was made", async () => {
    sim.fault({ action: "add", kind: "html_503", commit: true });
    sim.fault({ action: "add", kind: "broken_json", commit: true });
    expect((await client().add(followers())).kind).toBe("unknown");
    expect((await client().add(followers())).kind).toBe("unknown");
    expect(sim.orderCount()).toBe(2);
  });

  it("connection reset after the request was written (order not created)", async () => {
    sim.fault({ action: "add", kind: "reset" });
    const result = await client().add(followers());
    expect(result.kind).toBe("unknown");
    expect(sim.callCount("add")).toBe(1);
    expect(sim.orderCount()).toBe(0);
  });

  it("connection reset after the order was made", async () => {
    sim.fault({ action: "add", kind: "reset", commit: true });
    expect((await client().add(followers())).kind).toBe("unknown");
    expect(sim.orderCount()).toBe(1);
  });

  it.each([
    ["HTTP 500 even with a JSON error", 500, '{"error":"Not enough funds on balance"}'],
    ["JSON with neither order nor error", 200, '{"status":"success"}'],
    ["an empty object", 200, "{}"],
    ["a list", 200, "[]"],
    ["order id 0", 200, '{"order":0}'],
    ["a redirect", 302, ""],
    ["4xx JSON without an error", 404, '{"message":"not found"}'],
  ])("%s", async (_name, status, body) => {
    sim.fault({ action: "add", kind: "raw", status, body });
    expect((await client().add(followers())).kind).toBe("unknown");
  });
});

describe("status", () => {
  it("reads one order, with string numbers, and follows it to Partial", async () => {
    const c = client();
    const placed = await c.add(followers(1000));
    const id = placed.kind === "accepted" ? placed.providerOrderId : "";
    expect(await c.status(id)).toEqual({
      status: "in_progress",
      providerStatus: "Pending",
      charge: "0.9",
      startCount: 0,
      remains: 1000,
      currency: "USD",
    });
    sim.advance(id);
    sim.advance(id, { to: "Partial", remains: 157 });
    expect(await c.status(Number(id))).toMatchObject({ status: "partial", providerStatus: "Partial", remains: 157, charge: "0.7587" });
    expect(records.at(-1)).toMatchObject({ action: "status", request: { order: id }, outcome: "ok" });
  });

  it('reads "Unknown" remains as null and keeps negative remains', async () => {
    const c = client();
    await c.add(followers());
    sim.setOrder(1000, { status: "Completed", remains: -25 });
    expect((await c.status(1000)).remains).toBe(-25);
    sim.fault({ action: "status", kind: "transform", fn: (r) => ({ ...(r as object), remains: "Unknown" }) });
    expect((await c.status(1000)).remains).toBeNull();
  });

  it("reads capitalised keys and numeric values", async () => {
    const c = client();
    await c.add(followers());
    sim.fault({
      action: "status",
      kind: "transform",
      fn: () => ({ Charge: 0.27819, Start_count: 3572, Status: "In Progress", Remains: 157, Currency: "usd" }),
    });
    expect(await c.status(1000)).toEqual({
      status: "in_progress",
      providerStatus: "In Progress",
      charge: "0.27819",
      startCount: 3572,
      remains: 157,
      currency: "USD",
    });
  });

  it("throws a rejected ProviderError for an unknown order id", async () => {
    const error = await providerError(client().status(424242));
    expect(error.kind).toBe("rejected");
    expect(error.providerError).toBe("Incorrect order ID");
    expect(records[0]).toMatchObject({ outcome: "rejected", error: "Incorrect order ID" });
  });
});

describe("multiStatus", () => {
  it("returns per-id results, including per-id errors and odd spellings, without throwing", async () => {
    const c = client();
    for (let i = 0; i < 6; i++) await c.add({ service: 1, link: `${LINK}/${i}`, quantity: 100 });
    sim.setOrder(1000, { status: "In Progress" });
    sim.setOrder(1001, { status: "processing" });
    sim.setOrder(1002, { status: "Cancelled" });
    sim.setOrder(1003, { status: "Refunded" });
    sim.setOrder(1004, { status: "active" });
    sim.setOrder(1005, { status: "On hold (awaiting moderation)" });
    sim.fault({ action: "status", kind: "strings" });
    const result = await c.multiStatus([1000, "1001", 1002, 1003, 1004, 1005, 99999]);
    expect([...result.keys()]).toEqual(["1000", "1001", "1002", "1003", "1004", "1005", "99999"]);
    const statuses = [...result.values()].map((r) => (r.ok ? r.status : r.error));
    expect(statuses).toEqual(["in_progress", "in_progress", "canceled", "canceled", "in_progress", "in_progress", "Incorrect order ID"]);
    const odd = result.get("1005");
    expect(odd).toMatchObject({ ok: true, providerStatus: "On hold (awaiting moderation)" });
    expect(odd!.ok && odd!.warning).toMatch(/Unrecognised provider status/);
    expect(result.get("1000")).toMatchObject({ ok: true, remains: 100, startCount: 0, charge: "0.09" });
    expect(records.at(-1)).toMatchObject({ action: "status", request: { orders: "1000,1001,1002,1003,1004,1005,99999" }, outcome: "ok" });
  });

  it("marks ids the provider left out of its reply", async () => {
    const c = client();
    await c.add(followers());
    sim.fault({ action: "status", kind: "transform", fn: (r) => ({ "1000": (r as Record<string, unknown>)["1000"] }) });
    const result = await c.multiStatus(["1000", "1001"]);
    expect(result.get("1000")?.ok).toBe(true);
    expect(result.get("1001")).toEqual({ ok: false, error: "missing from the provider's reply" });
  });

  it("refuses more than 100 ids before sending, and accepts exactly 100", async () => {
    const ids = Array.from({ length: 101 }, (_, i) => 1000 + i);
    await expect(client().multiStatus(ids)).rejects.toThrow(RangeError);
    expect(sim.callCount("status")).toBe(0);
    const result = await client().multiStatus(ids.slice(0, 100));
    expect(result.size).toBe(100);
    expect(sim.callCount("status")).toBe(1);
  });

  it("makes no call for an empty list", async () => {
    expect((await client().multiStatus([])).size).toBe(0);
    expect(sim.callCount()).toBe(0);
  });

  it("throws typed errors for whole-call failures", async () => {
    sim.fault({ action: "status", kind: "html_503" });
    expect((await providerError(client().multiStatus([1]))).kind).toBe("unknown");
    expect((await providerError(client({ apiKey: "nope-nope-nope" }).multiStatus([1]))).reason).toBe("invalid_key");
    expect((await providerError(client({ url: await closedPortUrl() }).multiStatus([1]))).kind).toBe("not_sent");
  });
});

describe("refill", () => {
  async function completedOrders(n: number) {
    const c = client();
    for (let i = 0; i < n; i++) await c.add({ service: 1, link: `${LINK}/${i}`, quantity: 100 });
    sim.advanceAll({ to: "Completed" });
    return c;
  }

  it("requests a refill and follows its status", async () => {
    const c = await completedOrders(1);
    expect(await c.refill(1000)).toEqual({ refillId: "1" });
    expect(await c.refillStatus(1)).toEqual({ status: "pending", providerStatus: "Pending" });
    sim.setRefillStatus(1, "Completed");
    expect(await c.refillStatus("1")).toEqual({ status: "completed", providerStatus: "Completed" });
    sim.setRefillStatus(1, "Failed");
    expect((await c.refillStatus(1)).status).toBe("error");
  });

  it("throws rejected when the provider refuses one refill", async () => {
    const c = client();
    await c.add({ service: 2, link: LINK, quantity: 100 });
    const error = await providerError(c.refill(1000));
    expect(error).toMatchObject({ kind: "rejected", providerError: "Refill is not available for this order" });
  });

  it("multiRefill and multiRefillStatus return per-id results", async () => {
    const c = await completedOrders(2);
    const refills = await c.multiRefill([1000, 1001, 5]);
    expect(Object.fromEntries(refills)).toEqual({
      "1000": { ok: true, refillId: "1" },
      "1001": { ok: true, refillId: "2" },
      "5": { ok: false, error: "Incorrect order ID" },
    });
    sim.setRefillStatus(2, "Rejected");
    const statuses = await c.multiRefillStatus([1, 2, 77]);
    expect(Object.fromEntries(statuses)).toEqual({
      "1": { ok: true, status: "pending", providerStatus: "Pending" },
      "2": { ok: true, status: "rejected", providerStatus: "Rejected" },
      "77": { ok: false, error: "Incorrect refill ID" },
    });
  });
});

describe("cancel", () => {
  it("returns per-id results; the order is cancelled and refunded later", async () => {
    const c = client();
    await c.add(followers(1000));
    await c.add({ service: 3, link: LINK, quantity: 1000 });
    const result = await c.cancel([1000, 1001, 9]);
    expect(Object.fromEntries(result)).toEqual({
      "1000": { ok: true },
      "1001": { ok: false, error: "Cancel is not available for this order" },
      "9": { ok: false, error: "Incorrect order ID" },
    });
    expect(sim.order(1000)).toMatchObject({ status: "Pending", cancelRequested: true });
    sim.advance(1000);
    expect(await c.status(1000)).toMatchObject({ status: "canceled", charge: "0" });
    expect(sim.balance()).toBe("98.8");
  });

  it("refuses more than 100 ids", async () => {
    await expect(client().cancel(Array.from({ length: 150 }, (_, i) => i + 1))).rejects.toThrow(/at most 100/);
  });
});

describe("balance and services", () => {
  it("reads the balance as a decimal string", async () => {
    expect(await client().balance()).toEqual({ balance: "100", currency: "USD" });
    sim.setBalance("100.84292");
    expect((await client().balance()).balance).toBe("100.84292");
    sim.fault({ action: "balance", kind: "transform", fn: () => ({ Balance: 12.5, Currency: "eur" }) });
    expect(await client().balance()).toEqual({ balance: "12.5", currency: "EUR" });
  });

  it("reads the services list with string numbers and flags", async () => {
    const { services, skipped } = await client().services();
    expect(skipped).toEqual([]);
    expect(services.map((s) => s.service)).toEqual(["1", "2", "3", "4", "5", "6", "7", "9", "10", "11"]);
    expect(services[0]).toEqual({
      service: "1",
      name: "Instagram Followers [Refill 30d]",
      type: "Default",
      category: "Instagram",
      rate: "0.9",
      min: 10,
      max: 100000,
      refill: true,
      // The window the provider names in the service's name.
      refillDays: 30,
      cancel: true,
      dripfeed: true,
      description: null,
    });
    expect(services.find((s) => s.service === "7")).toMatchObject({ type: "Package", rate: "2.5", refill: false });
  });

  it("keeps unreadable service entries apart instead of dropping them silently", async () => {
    sim.fault({
      action: "services",
      kind: "transform",
      fn: (list) => [...(list as unknown[]), { name: "no id", rate: "1" }, { service: 99, name: "no rate" }, "junk"],
    });
    const { services, skipped } = await client().services();
    expect(services).toHaveLength(10);
    expect(skipped.map((s) => s.reason)).toEqual(["no service id", "no valid rate", "not an object"]);
  });

  it("throws unknown for an HTML page and rejected for an error", async () => {
    sim.fault({ action: "services", kind: "html_403" });
    expect(await providerError(client().services())).toMatchObject({ kind: "unknown", httpStatus: 403 });
    sim.fault({ action: "balance", kind: "error", text: "Invalid API key" });
    expect(await providerError(client().balance())).toMatchObject({ kind: "rejected", reason: "invalid_key" });
  });
});

describe("the API key never leaks", () => {
  it("not in errors, results or call records, even when the provider echoes it", async () => {
    const messages: string[] = [];
    const c = client();
    const collect = async (p: Promise<unknown>) => {
      try {
        messages.push(JSON.stringify(await p));
      } catch (e) {
        messages.push(String(e), (e as Error).message, (e as Error).stack ?? "", JSON.stringify(e));
      }
    };
    sim.fault({ kind: "raw", body: JSON.stringify({ error: `Invalid API key ${KEY}` }), times: 2 });
    await collect(c.add(followers()));
    await collect(c.balance());
    sim.fault({ action: "add", kind: "timeout_after_commit" });
    await collect(timingOut(() => c.add(followers()), 30_000));
    sim.fault({ action: "status", kind: "html_503" });
    await collect(c.status(1));
    sim.fault({ action: "services", kind: "reset" });
    await collect(c.services());
    await collect(c.multiStatus([1, 2]));
    await collect(c.cancel([1]));
    await collect(createProviderClient({ url: await closedPortUrl(), apiKey: KEY, timeoutMs: 500, onCall: (r) => void records.push(r) }).balance());
    await collect(createProviderClient({ url: sim.url, apiKey: "x", timeoutMs: 500, onCall: (r) => void records.push(r) }).balance());

    expect(records.length).toBeGreaterThanOrEqual(9);
    const everything = messages.join("\n") + JSON.stringify(records);
    expect(everything).toContain("Invalid API key ****");
    expect(everything).not.toContain(KEY);
    for (const r of records) expect(r.request.key).toMatch(/^\*\*\*\*/);
  });

  it("maskKey shows only the last 4 characters of a long key", () => {
    expect(maskKey("abcdefghijkl1234")).toBe("****1234");
    expect(maskKey("short")).toBe("****");
    expect(scrubSecret('{"order":1}', "1")).toBe('{"order":1}');
    expect(scrubSecret(`a ${KEY} b ${encodeURIComponent(KEY)}`, KEY)).toBe(`a ${maskKey(KEY)} b ${maskKey(KEY)}`);
  });
});

describe("call records", () => {
  it("truncates the recorded response to 4,000 characters", async () => {
    sim.fault({ action: "balance", kind: "raw", body: JSON.stringify({ balance: "1", currency: "USD", pad: "x".repeat(10_000) }) });
    expect((await client().balance()).balance).toBe("1");
    expect(records[0]!.response).toHaveLength(4000);
  });

  it("a failing onCall does not change the result", async () => {
    const onCallError = vi.fn();
    const c = client({ onCall: () => Promise.reject(new Error("db down")), onCallError });
    expect((await c.add(followers())).kind).toBe("accepted");
    expect(onCallError).toHaveBeenCalledOnce();
  });

  it("one record per HTTP call, including failures", async () => {
    const c = client();
    sim.fault({ action: "balance", kind: "empty_body" });
    await c.balance().catch(() => {});
    await c.balance();
    expect(records.map((r) => r.outcome)).toEqual(["unknown", "ok"]);
  });
});

// ——— pure functions ———

describe("status normalisation", () => {
  it.each([
    ["Pending", "in_progress"],
    ["In progress", "in_progress"],
    ["In Progress", "in_progress"],
    ["IN_PROGRESS", "in_progress"],
    ["Processing", "in_progress"],
    ["Active", "in_progress"],
    ["completed", "completed"],
    [" Completed ", "completed"],
    ["Partial", "partial"],
    ["Canceled", "canceled"],
    ["Cancelled", "canceled"],
    ["REFUNDED", "canceled"],
  ])("order %j → %s", (raw, status) => {
    expect(normaliseOrderStatus(raw)).toEqual({ status, providerStatus: raw });
  });

  it("unknown order strings stay in progress with a warning", () => {
    expect(normaliseOrderStatus("Paused")).toEqual({
      status: "in_progress",
      providerStatus: "Paused",
      warning: 'Unrecognised provider status "Paused"',
    });
    expect(normaliseOrderStatus(undefined).warning).toBeDefined();
  });

  it.each([
    ["Pending", "pending"],
    ["In progress", "in_progress"],
    ["Processing", "in_progress"],
    ["Completed", "completed"],
    ["Rejected", "rejected"],
    ["Failed", "error"],
    ["error", "error"],
  ])("refill %j → %s", (raw, status) => {
    expect(normaliseRefillStatus(raw)).toEqual({ status, providerStatus: raw });
  });

  it("unknown refill strings stay in progress with a warning", () => {
    expect(normaliseRefillStatus("Queued")).toMatchObject({ status: "in_progress", warning: expect.stringContaining("Queued") });
  });
});

describe("rejectionReason", () => {
  it.each([
    ["Not enough funds on balance", "provider_balance"],
    ["neworder.error.not_enough_funds", "provider_balance"],
    ["Insufficient balance", "provider_balance"],
    ["You have active order with this link. Please wait until order being completed.", "duplicate_link"],
    ["neworder.error.link_duplicate", "duplicate_link"],
    ["neworder.error.min_quantity", "bad_quantity"],
    ["neworder.error.max_quantity", "bad_quantity"],
    ["Quantity less than minimal 50", "bad_quantity"],
    ["Bad link", "bad_link"],
    ["neworder.error.invalid_link", "bad_link"],
    ["neworder.error.service_inactive", "service_inactive"],
    ["Incorrect service ID", "bad_service"],
    ["Invalid API key", "invalid_key"],
    ["Incorrect order ID", "other"],
    ["Server busy", "other"],
  ])("%j → %s", (text, reason) => {
    expect(rejectionReason(text)).toBe(reason);
  });
});

describe("lenient values", () => {
  it("toInt", () => {
    expect([toInt(157), toInt("157"), toInt(" -20 "), toInt("1,234"), toInt("157.0")]).toEqual([157, 157, -20, 1234, 157]);
    expect([toInt("Unknown"), toInt(""), toInt(null), toInt(1.5), toInt("1.5")]).toEqual([null, null, null, null, null]);
  });

  it("toDecimalString keeps exact decimals", () => {
    expect(toDecimalString("0.27819")).toBe("0.27819");
    expect(toDecimalString("100.84292000")).toBe("100.84292");
    expect(toDecimalString(0.1)).toBe("0.1");
    expect(toDecimalString("12345678901234567890.123456789")).toBe("12345678901234567890.123456789");
    expect(toDecimalString("abc")).toBeNull();
    expect(toDecimalString(Number.NaN)).toBeNull();
  });

  it("toId", () => {
    expect([toId(23501), toId("23501"), toId(" 151 "), toId("ab-12")]).toEqual(["23501", "23501", "151", "ab-12"]);
    expect([toId(0), toId("0"), toId(-3), toId(1.5), toId(""), toId(null), toId("a b")]).toEqual([null, null, null, null, null, null, null]);
  });

  it("indexById reads keyed objects and lists", () => {
    expect([...indexById({ "1": { a: 1 }, " 2": { a: 2 } }, ["order"]).keys()]).toEqual(["1", "2"]);
    expect([...indexById([{ Order: 3 }, { id: "4" }, "junk"], ["order", "id"]).keys()]).toEqual(["3", "4"]);
  });
});

describe("reply parsers", () => {
  it("parseMultiStatus handles a list reply and the single shape for one id", () => {
    const list = parseMultiStatus([{ order: "7", status: "Completed", remains: 0 }], ["7", "8"]);
    expect(list.get("7")).toMatchObject({ ok: true, status: "completed", remains: 0 });
    expect(list.get("8")).toMatchObject({ ok: false });
    const single = parseMultiStatus({ status: "Partial", remains: "5", charge: "1.5" }, ["9"]);
    expect(single.get("9")).toMatchObject({ ok: true, status: "partial", remains: 5, charge: "1.5" });
    const noStatus = parseMultiStatus(
      { "1": { charge: "1" }, "2": 42, "3": { error: "Incorrect order ID" }, "4": "Incorrect order ID" },
      ["1", "2", "3", "4"],
    );
    expect([...noStatus.values()]).toEqual([
      { ok: false, error: "entry has no status" },
      { ok: false, error: "entry is not an object" },
      { ok: false, error: "Incorrect order ID" },
      { ok: false, error: "Incorrect order ID" },
    ]);
  });

  it("parseMultiRefill, parseMultiRefillStatus and parseCancel read per-entry errors", () => {
    const refills = parseMultiRefill([{ order: 1, refill: 1 }, { order: 3, refill: { error: "Incorrect order ID" } }], ["1", "3"]);
    expect(Object.fromEntries(refills)).toEqual({ "1": { ok: true, refillId: "1" }, "3": { ok: false, error: "Incorrect order ID" } });
    const statuses = parseMultiRefillStatus(
      [{ refill: 1, status: "Completed" }, { refill: 2, status: { error: "Refill not found" } }],
      ["1", "2"],
    );
    expect(Object.fromEntries(statuses)).toEqual({
      "1": { ok: true, status: "completed", providerStatus: "Completed" },
      "2": { ok: false, error: "Refill not found" },
    });
    const cancels = parseCancel([{ order: 2, cancel: 1 }, { order: 9, cancel: { error: "Incorrect order ID" } }, { order: 4, cancel: 0 }], ["2", "9", "4"]);
    expect(Object.fromEntries(cancels)).toEqual({
      "2": { ok: true },
      "9": { ok: false, error: "Incorrect order ID" },
      "4": { ok: false, error: "cancel not accepted" },
    });
  });

  it("parseServices accepts an object of entries and capitalised keys", () => {
    const { services } = parseServices({ a: { Service: "12", Name: "X", Rate: "1.50", Min: "10", Max: "100", Refill: "1", Cancel: false } });
    expect(services[0]).toMatchObject({ service: "12", name: "X", rate: "1.5", min: 10, max: 100, refill: true, cancel: false, type: "Default" });
  });
});

describe("readReply and classifyAdd", () => {
  const sent = (httpStatus: number | null, body: string | null, error: string | null = null): TransportResult => ({
    sent: true,
    httpStatus,
    body,
    error,
    latencyMs: 1,
  });

  it.each([
    ["accepted", sent(200, '{"order":23501}'), { kind: "accepted", providerOrderId: "23501" }],
    ["accepted with a BOM", sent(200, '\uFEFF{"order":"23501"}'), { kind: "accepted", providerOrderId: "23501" }],
    ["order id beats an error", sent(200, '{"order":5,"error":"x"}'), { kind: "accepted", providerOrderId: "5" }],
    ["smartpanel fail", sent(200, '{"status":"fail","error":"Bad link"}'), { kind: "rejected", error: "Bad link", reason: "bad_link" }],
    ["nested error", sent(200, '{"error":{"message":"Incorrect service ID"}}'), { kind: "rejected", error: "Incorrect service ID", reason: "bad_service" }],
    ["never sent", { sent: false, error: "connection refused (ECONNREFUSED)", latencyMs: 1 } as TransportResult, { kind: "not_sent", error: "connection refused (ECONNREFUSED)" }],
  ] as const)("%s", (_name, transport, expected) => {
    expect(classifyAdd(readReply(transport))).toEqual(expected);
  });

  it.each([
    ["reset after sending", sent(null, null, "connection reset (ECONNRESET)")],
    ["500 with an error", sent(500, '{"error":"Not enough funds on balance"}')],
    ["503 HTML", sent(503, "<html>…</html>")],
    ["200 HTML", sent(200, "<!DOCTYPE html><html></html>")],
    ["empty", sent(200, "  ")],
    ["broken", sent(200, '{"order":')],
    ["empty error", sent(200, '{"error":""}')],
    ["null order", sent(200, '{"order":null}')],
    ["negative order", sent(200, '{"order":-1}')],
    ["101 status", sent(101, "")],
  ])("%s → unknown", (_name, transport) => {
    expect(classifyAdd(readReply(transport)).kind).toBe("unknown");
  });
});

describe("addFields", () => {
  it("builds the form fields per type", () => {
    expect(addFields({ service: 1, link: " https://x.y/z ", quantity: 100 })).toEqual({ service: "1", link: "https://x.y/z", quantity: "100" });
    expect(addFields({ service: "7", type: "Package", link: "L", quantity: 5 })).toEqual({ service: "7", link: "L" });
    expect(addFields({ service: 4, type: "Custom Comments", link: "L", comments: "a\r\n\nb\n" })).toEqual({ service: "4", link: "L", comments: "a\nb" });
    expect(addFields({ service: 6, type: "POLL", link: "L", quantity: "10" as never, answer_number: "3" })).toEqual({
      service: "6",
      link: "L",
      quantity: "10",
      answer_number: "3",
    });
  });

  it("builds every other kind's fields, whatever the type's spelling, and refuses types we cannot forward", () => {
    expect(addFields({ service: 9, type: "custom_comments_PACKAGE", link: "L", quantity: 1, comments: ["x", "y"] })).toEqual({ service: "9", link: "L", comments: "x\ny" });
    expect(addFields({ service: 2, type: "Mentions  with Hashtags", link: "L", quantity: 50, usernames: "a\nb", hashtags: "#x" })).toEqual({
      service: "2", link: "L", quantity: "50", usernames: "a\nb", hashtags: "#x",
    });
    expect(addFields({ service: 3, type: "Mentions User Followers", link: "L", quantity: 50, username: " shop " })).toEqual({ service: "3", link: "L", quantity: "50", username: "shop" });
    expect(addFields({ service: 3, type: "Comment Likes", link: "L", quantity: 50, username: "shop" })).toMatchObject({ username: "shop" });
    expect(addFields({ service: 3, type: "Mentions Media Likes", link: "L", quantity: 50, media: "https://instagram.com/p/1" })).toMatchObject({ media: "https://instagram.com/p/1" });
    expect(addFields({ service: 3, type: "Mentions Hashtag", link: "L", quantity: 50, hashtag: "dhaka" })).toMatchObject({ hashtag: "dhaka" });
    expect(() => addFields({ service: 3, type: "Mentions User Followers", link: "L", quantity: 50 })).toThrow(AddParamsError);
    expect(() => addFields({ service: 3, type: "Subscriptions", link: "L", quantity: 50 })).toThrow(AddParamsError);
    expect(() => addFields({ service: 3, type: "Story Views Geo", link: "L", quantity: 50 })).toThrow(AddParamsError);
  });

  it("refuses a comment that spans lines inside a list", () => {
    expect(() => addFields({ service: 4, type: "Custom Comments", link: "L", comments: ["a\nb"] })).toThrow(AddParamsError);
  });
});
