import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createProviderClient } from "../../src/providers/api-client.js";
import { closedPortUrl, startProviderSimulator, type ProviderSimulator } from "../../src/providers/simulator/index.js";

const KEY = "sim_key_for_tests_00001234";
const LINK = "https://instagram.com/p/abc";

let sim: ProviderSimulator;

beforeAll(async () => {
  sim = await startProviderSimulator({ apiKey: KEY, balance: "100" });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  sim.reset();
  sim.setBalance("100");
});

/** A form POST, as the API is meant to be called. */
async function post(fields: Record<string, string>, url = sim.url): Promise<{ status: number; json: any; text: string }> {
  const res = await fetch(url, { method: "POST", body: new URLSearchParams({ key: KEY, ...fields }) });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // HTML, empty or broken bodies are what some tests are about.
  }
  return { status: res.status, json, text };
}

const addFollowers = (quantity = 100, link = LINK) => post({ action: "add", service: "1", link, quantity: String(quantity) });

describe("transport", () => {
  it("accepts form POST, JSON bodies and GET query strings", async () => {
    expect((await post({ action: "balance" })).json).toEqual({ balance: "100", currency: "USD" });
    const json = await fetch(sim.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ key: KEY, action: "add", service: 1, link: LINK, quantity: 100 }),
    });
    expect(await json.json()).toEqual({ order: 1000 });
    const get = await fetch(`${sim.url}?key=${KEY}&action=status&order=1000`);
    expect(await get.json()).toMatchObject({ status: "Pending", remains: "100" });
  });

  it("answers a wrong key and an unknown action like real panels", async () => {
    expect((await post({ key: "wrong", action: "balance" })).json).toEqual({ error: "Invalid API key" });
    expect((await post({ action: "frobnicate" })).json).toEqual({ error: "Incorrect request" });
    expect(sim.callCount("balance")).toBe(1);
    expect(sim.callCount()).toBe(2);
  });

  it("a closed port refuses connections", async () => {
    await expect(fetch(await closedPortUrl(), { method: "POST" })).rejects.toThrow();
  });
});

describe("add", () => {
  it("charges rate × quantity / 1000 exactly and keeps the order book", async () => {
    expect((await post({ action: "add", service: "2", link: LINK, quantity: "333" })).json).toEqual({ order: 1000 });
    expect(sim.balance()).toBe("99.91675");
    expect(sim.order(1000)).toMatchObject({ service: "2", link: LINK, quantity: 333, charge: "0.08325", status: "Pending", remains: 333 });
    await addFollowers(100, "https://other.link/x");
    expect(sim.orderCount()).toBe(2);
    expect(sim.ordersForLink(LINK)).toBe(1);
    expect(sim.orders({ link: "https://other.link/x" }).map((o) => o.id)).toEqual(["1001"]);
  });

  it("charges a package its rate, and drip-feed quantity × runs", async () => {
    await post({ action: "add", service: "7", link: LINK });
    expect(sim.order(1000)!.charge).toBe("2.5");
    await post({ action: "add", service: "1", link: LINK, quantity: "100", runs: "4", interval: "15" });
    expect(sim.order(1001)).toMatchObject({ quantity: 400, charge: "0.36" });
    expect((await post({ action: "add", service: "2", link: LINK, quantity: "100", runs: "4", interval: "15" })).json).toEqual({
      error: "Drip-feed is not available for this service",
    });
  });

  it.each([
    [{ service: "1", link: LINK, quantity: "5" }, "neworder.error.min_quantity"],
    [{ service: "1", link: LINK, quantity: "100001" }, "neworder.error.max_quantity"],
    [{ service: "1", link: LINK, quantity: "ten" }, "neworder.error.min_quantity"],
    [{ service: "42", link: LINK, quantity: "100" }, "Incorrect service ID"],
    [{ service: "8", link: LINK, quantity: "100" }, "neworder.error.service_inactive"],
    [{ service: "1", link: "", quantity: "100" }, "Bad link"],
    [{ service: "4", link: LINK, comments: "\n \n" }, "Comments are required"],
    [{ service: "6", link: LINK, quantity: "100" }, "Incorrect answer number"],
  ])("refuses %j with %s", async (fields, error) => {
    expect((await post({ action: "add", ...fields })).json).toEqual({ error });
    expect(sim.orderCount()).toBe(0);
    expect(sim.balance()).toBe("100");
  });

  it("refuses when the balance cannot cover the charge", async () => {
    sim.setBalance("0.089");
    expect((await addFollowers(100)).json).toEqual({ error: "Not enough funds on balance" });
    sim.setBalance("0.09");
    expect((await addFollowers(100)).json).toEqual({ order: 1000 });
    expect(sim.balance()).toBe("0");
  });

  it("optionally refuses a second active order for the same link", async () => {
    sim.setRejectDuplicateLinks(true);
    try {
      await addFollowers();
      expect((await addFollowers()).json.error).toMatch(/^You have active order with this link/);
      sim.advance(1000, { to: "Completed" });
      expect((await addFollowers()).json).toEqual({ order: 1001 });
    } finally {
      sim.setRejectDuplicateLinks(false);
    }
  });

  it("answers in the SmartPanel shape when asked", async () => {
    sim.setReplyStyle("smartpanel");
    try {
      expect((await addFollowers()).json).toEqual({ status: "success", order: 1000 });
    } finally {
      sim.setReplyStyle("perfectpanel");
    }
  });
});

describe("order life cycle", () => {
  it("Pending → In progress → Completed on command", async () => {
    await addFollowers(1000);
    expect(sim.advance(1000)).toMatchObject({ status: "In progress" });
    expect(sim.order(1000)!.startCount).toBeGreaterThan(0);
    expect(sim.advance(1000)).toMatchObject({ status: "Completed", remains: 0 });
    expect(sim.advance(1000)).toMatchObject({ status: "Completed" });
    expect(sim.balance()).toBe("99.1");
  });

  it("Partial refunds charge × remains / quantity once", async () => {
    await addFollowers(1000);
    sim.advance(1000, { to: "Partial", remains: 250 });
    expect(sim.order(1000)).toMatchObject({ status: "Partial", remains: 250, charge: "0.675" });
    expect(sim.balance()).toBe("99.325");
    sim.advance(1000, { to: "Canceled" });
    expect(sim.balance()).toBe("99.325");
  });

  it("Canceled refunds the whole charge; a cancel request is carried out by the next step", async () => {
    await addFollowers(1000);
    expect((await post({ action: "cancel", orders: "1000,77" })).json).toEqual([
      { order: 1000, cancel: 1 },
      { order: 77, cancel: { error: "Incorrect order ID" } },
    ]);
    expect(sim.order(1000)).toMatchObject({ status: "Pending", cancelRequested: true });
    expect(sim.advanceAll()).toBe(1);
    expect(sim.order(1000)).toMatchObject({ status: "Canceled", charge: "0", remains: 1000 });
    expect(sim.balance()).toBe("100");
    expect(sim.advanceAll()).toBe(0);
  });

  it("setOrder changes start count, remains and the status text", async () => {
    await addFollowers();
    sim.setOrder(1000, { startCount: 3572, remains: 157, status: "In Progress" });
    expect((await post({ action: "status", order: "1000" })).json).toEqual({
      charge: "0.09",
      start_count: "3572",
      status: "In Progress",
      remains: "157",
      currency: "USD",
    });
  });

  it("advances on a clock with autoAdvanceMs", async () => {
    const ticking = await startProviderSimulator({ apiKey: KEY, autoAdvanceMs: 20 });
    try {
      await post({ action: "add", service: "1", link: LINK, quantity: "100" }, ticking.url);
      await vi.waitFor(() => expect(ticking.order(1000)?.status).toBe("Completed"), { timeout: 30_000, interval: 10 });
    } finally {
      await ticking.close();
    }
  });
});

describe("multi replies", () => {
  it("status: an object keyed by id, with per-id errors", async () => {
    await addFollowers();
    const { json } = await post({ action: "status", orders: "1000, 5" });
    expect(json).toEqual({
      "1000": { charge: "0.09", start_count: "0", status: "Pending", remains: "100", currency: "USD" },
      "5": { error: "Incorrect order ID" },
    });
    const tooMany = Array.from({ length: 101 }, (_, i) => i + 1).join(",");
    expect((await post({ action: "status", orders: tooMany })).json).toEqual({ error: "Too many ids (max 100)" });
  });

  it("refill and refill_status, single and multi", async () => {
    await addFollowers();
    await post({ action: "add", service: "2", link: LINK, quantity: "100" });
    sim.advanceAll({ to: "Completed" });
    expect((await post({ action: "refill", order: "1000" })).json).toEqual({ refill: "1" });
    expect((await post({ action: "refill", orders: "1000,1001,9" })).json).toEqual([
      { order: 1000, refill: 2 },
      { order: 1001, refill: { error: "Refill is not available for this order" } },
      { order: 9, refill: { error: "Incorrect order ID" } },
    ]);
    expect((await post({ action: "refill_status", refill: "1" })).json).toEqual({ status: "Pending" });
    sim.advanceRefills();
    sim.setRefillStatus(2, "Rejected");
    expect((await post({ action: "refill_status", refills: "1,2,3" })).json).toEqual([
      { refill: 1, status: "In progress" },
      { refill: 2, status: "Rejected" },
      { refill: 3, status: { error: "Incorrect refill ID" } },
    ]);
  });
});

describe("faults", () => {
  it("apply to the matching action for the given number of requests, in order", async () => {
    sim.fault({ action: "balance", kind: "error", text: "first", times: 2 });
    sim.fault({ action: ["balance", "status"], kind: "error", text: "second" });
    expect(sim.pendingFaults()).toBe(2);
    expect((await post({ action: "services" })).json).toBeInstanceOf(Array);
    const texts = [];
    for (let i = 0; i < 4; i++) texts.push((await post({ action: "balance" })).json.error ?? "none");
    expect(texts).toEqual(["first", "first", "second", "none"]);
    expect(sim.pendingFaults()).toBe(0);
    expect(sim.calls().map((c) => c.fault)).toEqual([null, "error", "error", "error", null]);
  });

  it("a function rule decides per request until removed", async () => {
    const rule = sim.fault((req) => (req.fields.link === "https://bad.example" ? { kind: "error", text: "Bad link" } : null));
    expect((await addFollowers(100, "https://bad.example")).json).toEqual({ error: "Bad link" });
    expect((await addFollowers(100)).json).toEqual({ order: 1000 });
    rule.remove();
    expect((await addFollowers(100, "https://bad.example")).json).toEqual({ order: 1001 });
  });

  it("when narrows a rule", async () => {
    sim.fault({ action: "add", kind: "html_503", when: (req) => req.fields.service === "2" });
    expect((await addFollowers()).status).toBe(200);
    const html = await post({ action: "add", service: "2", link: LINK, quantity: "100" });
    expect(html.status).toBe(503);
    expect(html.text).toMatch(/^<!DOCTYPE html>/);
  });

  it("html pages, empty and broken bodies, with and without the order made", async () => {
    sim.fault({ action: "add", kind: "html_502" });
    sim.fault({ action: "add", kind: "html_403", commit: true });
    sim.fault({ action: "add", kind: "empty_body" });
    sim.fault({ action: "add", kind: "broken_json", commit: true });
    const replies = [await addFollowers(), await addFollowers(), await addFollowers(), await addFollowers()];
    expect(replies.map((r) => r.status)).toEqual([502, 403, 200, 200]);
    expect(replies[2]!.text).toBe("");
    expect(replies[3]!.json).toBeNull();
    expect(replies[3]!.text).toMatch(/^\{"ord/);
    expect(sim.orders().map((o) => o.id)).toEqual(["1000", "1001"]);
  });

  it("strings and transform rewrite the real reply", async () => {
    sim.fault({ action: "add", kind: "strings" });
    expect((await addFollowers()).json).toEqual({ order: "1000" });
    sim.fault({ action: "balance", kind: "transform", fn: (r) => ({ Balance: (r as { balance: string }).balance }) });
    expect((await post({ action: "balance" })).json).toEqual({ Balance: "99.91" });
  });

  it("reset destroys the connection without creating the order", async () => {
    sim.fault({ action: "add", kind: "reset" });
    await expect(addFollowers()).rejects.toThrow();
    expect(sim.orderCount()).toBe(0);
    expect(sim.callCount("add")).toBe(1);
  });

  it("timeout_before_commit holds and then drops the request, with no order", async () => {
    sim.fault({ action: "add", kind: "timeout_before_commit", holdMs: 50 });
    await expect(addFollowers()).rejects.toThrow();
    expect(sim.orderCount()).toBe(0);
  });

  it("timeout_after_commit with holdMs answers late, after charging", async () => {
    sim.fault({ action: "add", kind: "timeout_after_commit", holdMs: 100 });
    const started = Date.now();
    expect((await addFollowers()).json).toEqual({ order: 1000 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
  });

  it("close() does not wait for a held request", async () => {
    const other = await startProviderSimulator({ apiKey: KEY });
    other.fault({ action: "add", kind: "timeout_after_commit" });
    const pending = post({ action: "add", service: "1", link: LINK, quantity: "100" }, other.url).catch((e: unknown) => e);
    await vi.waitFor(() => expect(other.orderCount()).toBe(1), { timeout: 30_000 });
    // The hold has no end of its own: close() returns only by dropping the request.
    const closing = other.close().then(() => "closed");
    const deadline = new Promise((r) => setTimeout(() => r("still closing after 30 s"), 30_000).unref());
    expect(await Promise.race([closing, deadline])).toBe("closed");
    expect(await pending).toBeInstanceOf(Error);
  });

  it("the call log never keeps the key", async () => {
    await addFollowers();
    await post({ action: "balance" });
    expect(JSON.stringify(sim.calls())).not.toContain(KEY);
    expect(sim.calls()[0]).toMatchObject({ action: "add", fields: { service: "1", link: LINK, quantity: "100" } });
  });
});

describe("scale", () => {
  it("1,050 orders synced with multi-status in 11 calls", async () => {
    sim.setBalance("100000");
    const client = createProviderClient({ url: sim.url, apiKey: KEY, timeoutMs: 30_000 });
    const ids: string[] = [];
    for (let batch = 0; batch < 21; batch++) {
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) => client.add({ service: 1, link: `${LINK}/${batch * 50 + i}`, quantity: 100 })),
      );
      for (const r of results) {
        expect(r.kind).toBe("accepted");
        if (r.kind === "accepted") ids.push(r.providerOrderId);
      }
    }
    expect(sim.orderCount()).toBe(1050);
    sim.advanceAll();
    for (let i = 0; i < 50; i++) sim.advance(ids[i]!, { to: "Partial", remains: 10 });
    expect(sim.advanceAll()).toBe(1000);

    const started = Date.now();
    const statuses = new Map<string, string>();
    for (let i = 0; i < ids.length; i += 100) {
      const result = await client.multiStatus(ids.slice(i, i + 100));
      for (const [id, s] of result) statuses.set(id, s.ok ? s.status : s.error);
    }
    console.info(`[simulator] 11 multi-status calls for 1,050 orders in ${Date.now() - started} ms`);
    expect(sim.callCount("status")).toBe(11);
    expect(statuses.size).toBe(1050);
    expect([...statuses.values()].filter((s) => s === "completed")).toHaveLength(1000);
    expect([...statuses.values()].filter((s) => s === "partial")).toHaveLength(50);
  });
});

describe("control endpoints", () => {
  const control = (path: string, body?: unknown, key = KEY) =>
    fetch(new URL(`/_control/${path}`, sim.url), {
      method: body === undefined ? "GET" : "POST",
      headers: { "x-api-key": key, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it("need the key", async () => {
    expect((await control("state", undefined, "nope")).status).toBe(401);
  });

  it("steer balance, orders and faults", async () => {
    expect((await control("balance", { balance: "12.5" })).status).toBe(200);
    await addFollowers();
    expect(await (await control("advance", { id: 1000, to: "Partial", remains: 50 })).json()).toMatchObject({ status: "Partial", remains: 50 });
    expect(await (await control("fault", { action: "balance", kind: "error", text: "down" })).json()).toEqual({ pendingFaults: 1 });
    expect((await post({ action: "balance" })).json).toEqual({ error: "down" });
    const state = await (await control("state")).json();
    expect(state).toMatchObject({ balance: "12.455", orders: 1, calls: { add: 1, balance: 1 }, pendingFaults: 0 });
    expect(await (await control(`orders?link=${encodeURIComponent(LINK)}`)).json()).toHaveLength(1);
    expect((await control("reset", {})).status).toBe(200);
    expect(sim.orderCount()).toBe(0);
  });
});
