// The refill policy (window from completion, per-order cap, cooldown) as each entry point meets it:
// the customer's card and button (handleUpdate), GraphQL (yoga.fetch), API v2 (HTTP). Time moves
// only through the injected clock (deps.now); the provider is the simulator on 127.0.0.1.
import { beforeAll, describe, expect, it } from "vitest";
import { issueApiKey } from "../../src/apikeys/api-keys.js";
import type { Deps } from "../../src/deps.js";
import { forwardOrder } from "../../src/fulfilment/forward-order.js";
import { syncProviderOrders } from "../../src/fulfilment/sync-orders.js";
import { placeOrder } from "../../src/orders/place-order.js";
import { startProviderSimulator, type ProviderSimulator } from "../../src/providers/simulator/index.js";
import { startApiServer } from "../api-v2/support.js";
import { buildTestBot, callbackUpdate, testChatId, tgUser, type FakeTelegram } from "../support/bot-factories.js";
import { deliverNotifications } from "../../src/bot/notifications/deliver-notifications.js";
import { testDeps } from "../support/deps.js";
import { buildUser } from "../support/factories.js";
import { buildCaller, graphqlFor } from "../support/graphql-factories.js";
import { buildSimProvider, buildSimService } from "../support/provider-factories.js";
import { useTestDb } from "../support/test-db.js";

const { prisma: db } = await useTestDb(10);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const COMPLETED_AT = new Date("2026-12-01T10:00:00.000Z");
const ENV = { PROVIDER_TIMEOUT_MS: "20000", SYNC_PACE_MS: "0" };

let sim: ProviderSimulator;
beforeAll(async () => {
  sim = await startProviderSimulator({ balance: "1000000" });
  return () => sim.close();
});

/** A clock the test moves by hand; `deps.now` reads it. */
function clockFor(deps: Deps) {
  let now = COMPLETED_AT;
  deps.now = () => now;
  return { set: (at: Date) => void (now = at), at: (ms: number) => void (now = new Date(COMPLETED_AT.getTime() + ms)) };
}

let links = 0;

/** An order placed, forwarded to the simulator and synced as Completed when the clock reads COMPLETED_AT. */
async function completedOrder(deps: Deps, userId: number, serviceId: number, providerId: number) {
  const { order } = await placeOrder(deps, { userId, serviceId, link: `https://instagram.com/refill_${Date.now()}_${++links}`, quantity: 1000 });
  await forwardOrder(deps, order.id);
  const placed = await db.order.findUniqueOrThrow({ where: { id: order.id } });
  sim.advance(placed.providerOrderId!, { to: "Completed" });
  await syncProviderOrders(deps, providerId, { paceMs: 0 });
  const done = await db.order.findUniqueOrThrow({ where: { id: order.id } });
  expect({ status: done.status, completedAt: done.completedAt?.toISOString() }, "the order was not synced as completed at the test clock").toEqual({ status: "COMPLETED", completedAt: COMPLETED_AT.toISOString() });
  return done;
}

/** The provider finishes every open refill of the order; the sync records it. */
async function finishRefills(deps: Deps, orderId: number, providerId: number) {
  for (const r of await db.refill.findMany({ where: { orderId, status: "PENDING", providerRefillId: { not: null } } })) sim.setRefillStatus(r.providerRefillId!, "Completed");
  await syncProviderOrders(deps, providerId, { paceMs: 0 });
}

const lastEdit = (telegram: FakeTelegram, chatId: number) => telegram.callsTo("editMessageText", chatId).at(-1)!;
const buttonsOf = (call: { payload: Record<string, unknown> }) =>
  (call.payload.reply_markup as { inline_keyboard: { text: string }[][] }).inline_keyboard.flat().map((b) => b.text);

describe("refill policy in 📋 My orders (handleUpdate)", () => {
  it("offers Refill only inside the window, one at a time, after the cooldown and up to the cap; each refusal says why", async () => {
    const { bot, telegram, errors, deps } = await buildTestBot(db, ENV);
    const clock = clockFor(deps);
    const provider = await buildSimProvider(db, deps.box, sim);
    // The admin's per-service window (10 days) wins over the shop default (30).
    const service = await buildSimService(db, provider, { refillDays: 10 });
    const customer = await buildUser(db, { balance: "10000", language: "en" });
    const from = tgUser(customer);
    const order = await completedOrder(deps, customer.id, service.id, provider.id);
    const card = async () => {
      await bot.handleUpdate(callbackUpdate(from, `oo:${order.id}`));
      const edit = lastEdit(telegram, from.id);
      return { text: String(edit.payload.text), buttons: buttonsOf(edit) };
    };
    const tapRefill = async () => {
      const before = telegram.calls.length;
      await bot.handleUpdate(callbackUpdate(from, `or:${order.id}`));
      const after = telegram.calls.slice(before);
      return {
        toast: after.find((c) => c.method === "answerCallbackQuery")?.payload.text ?? null,
        reply: after.find((c) => c.method === "sendMessage")?.payload.text ?? null,
      };
    };
    const refillCalls = () => sim.calls().filter((c) => c.action === "refill" && c.fields.order === order.providerOrderId).length;

    // The catalogue names the service's window.
    await bot.handleUpdate(callbackUpdate(from, `svc:${service.id}`));
    expect(telegram.texts(from.id).at(-1)).toContain("♻️ Refill: 10 days after completion");

    clock.at(1 * HOUR);
    expect((await card()).buttons).toContain("♻️ Refill");
    expect(await tapRefill()).toEqual({ toast: "♻️ Refill requested.", reply: null });
    const first = await card();
    expect(first.text).toContain("♻️ Refill requested, waiting for the supplier.");
    expect(first.buttons, "a refill is open: no second Refill button").not.toContain("♻️ Refill");

    // A stale button tapped again: refused with the reason, the provider is not asked twice.
    expect((await tapRefill()).reply).toBe("⏳ A refill for this order is already in progress.");
    expect(refillCalls()).toBe(1);

    // Done upstream; the cooldown (24 h from the ask) holds the next one back.
    await finishRefills(deps, order.id, provider.id);
    clock.at(2 * HOUR);
    const cooling = await card();
    expect(cooling.text).toContain("♻️ Last refill completed.");
    expect(cooling.text).toContain("♻️ The next refill can be asked in 23 h.");
    expect(cooling.buttons).not.toContain("♻️ Refill");
    expect((await tapRefill()).reply).toBe("⏳ A refill was asked recently: please ask again in 23 h.");
    expect(refillCalls()).toBe(1);

    // 2nd and 3rd refills, each a day apart; then the cap (3) is reached.
    for (const day of [2, 3]) {
      clock.at(1 * HOUR + (day - 1) * DAY);
      expect((await card()).buttons, `day ${day}: cooldown over, Refill offered again`).toContain("♻️ Refill");
      expect((await tapRefill()).toast).toBe("♻️ Refill requested.");
      await finishRefills(deps, order.id, provider.id);
    }
    clock.at(1 * HOUR + 3 * DAY);
    const capped = await card();
    expect(capped.text).toContain("♻️ This order has had all 3 refills it can have.");
    expect(capped.buttons).not.toContain("♻️ Refill");
    expect((await tapRefill()).reply).toBe("❌ This order has had all 3 refills it can have.");
    expect(refillCalls()).toBe(3);
    expect(await db.refill.count({ where: { orderId: order.id } })).toBe(3);
    expect(errors).toEqual([]);
  });

  it("closes the window N days after completion (Bengali), and a refill the provider refuses shows its reason without using up the cap", async () => {
    const { bot, telegram, errors, deps } = await buildTestBot(db, ENV);
    const clock = clockFor(deps);
    const provider = await buildSimProvider(db, deps.box, sim);
    const service = await buildSimService(db, provider, { refillDays: 10 });
    const customer = await buildUser(db, { balance: "10000", language: "bn" });
    const from = tgUser(customer);
    const order = await completedOrder(deps, customer.id, service.id, provider.id);

    // The provider refuses: the reason is on the card; the refusal starts the cooldown but is not counted.
    sim.fault({ action: "refill", kind: "error", text: "Refill is not possible: no drop detected", when: (r) => r.fields.order === order.providerOrderId });
    clock.at(1 * HOUR);
    await bot.handleUpdate(callbackUpdate(from, `or:${order.id}`));
    expect(telegram.texts(from.id).at(-2)).toBe("❌ সাপ্লায়ার এটি নেয়নি: Refill is not possible: no drop detected");
    expect(telegram.texts(from.id).at(-1)).toContain("♻️ সাপ্লায়ার রিফিল নেয়নি: Refill is not possible: no drop detected");
    expect(await db.refill.findMany({ where: { orderId: order.id }, select: { status: true, error: true } })).toEqual([{ status: "REJECTED", error: "Refill is not possible: no drop detected" }]);
    clock.at(25 * HOUR);
    await bot.handleUpdate(callbackUpdate(from, `or:${order.id}`));
    expect(await db.refill.count({ where: { orderId: order.id, status: "PENDING" } }), "after the cooldown a new refill is asked").toBe(1);
    await finishRefills(deps, order.id, provider.id);

    // Ten days after completion (plus a minute) the window is closed: no button, and a stale tap says since when.
    clock.at(10 * DAY + 60_000);
    await bot.handleUpdate(callbackUpdate(from, `oo:${order.id}`));
    const closed = lastEdit(telegram, from.id);
    expect(String(closed.payload.text)).toContain("♻️ এই অর্ডারের রিফিলের সময় ২০২৬-১২-১১ তারিখে শেষ হয়েছে।");
    expect(buttonsOf(closed)).not.toContain("♻️ রিফিল");
    await bot.handleUpdate(callbackUpdate(from, `or:${order.id}`));
    expect(telegram.callsTo("sendMessage", from.id).at(-1)!.payload.text).toBe("❌ এই অর্ডারের রিফিলের সময় ২০২৬-১২-১১ তারিখে শেষ হয়েছে।");
    expect(await db.refill.count({ where: { orderId: order.id } })).toBe(2);
    expect(errors).toEqual([]);
  });

  it("a refill the provider accepted and rejects later is recorded, and the admin chat hears it once", async () => {
    const adminChat = testChatId();
    const { bot, telegram, deps } = await buildTestBot(db, { ...ENV, ADMIN_CHAT_ID: String(adminChat), ADMIN_LANGUAGE: "en" });
    const clock = clockFor(deps);
    const provider = await buildSimProvider(db, deps.box, sim);
    const service = await buildSimService(db, provider, { refillDays: 10 });
    const customer = await buildUser(db, { balance: "10000" });
    const from = tgUser(customer);
    const order = await completedOrder(deps, customer.id, service.id, provider.id);
    clock.at(1 * HOUR);
    await bot.handleUpdate(callbackUpdate(from, `or:${order.id}`));
    const refill = await db.refill.findFirstOrThrow({ where: { orderId: order.id, status: "PENDING", providerRefillId: { not: null } } });

    sim.setRefillStatus(refill.providerRefillId!, "Rejected");
    await syncProviderOrders(deps, provider.id, { paceMs: 0 });
    await syncProviderOrders(deps, provider.id, { paceMs: 0 });
    expect(await db.refill.findUniqueOrThrow({ where: { id: refill.id }, select: { status: true } })).toEqual({ status: "REJECTED" });
    await deliverNotifications(deps, bot.api, { scope: { orderIds: [order.id] } });
    await deliverNotifications(deps, bot.api, { scope: { orderIds: [order.id] } });
    const alerts = telegram.texts(adminChat).filter((t) => t.includes("rejected the refill"));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toContain(`The provider rejected the refill of order #${order.id}`);
  });
});

describe("refill policy in GraphQL (yoga.fetch)", () => {
  it("requestMyRefill and the admin's requestRefill answer RefillRefusedError with the rule; allowedActions agrees; the admin sees the provider's reason", async () => {
    const deps = testDeps(db, ENV);
    const clock = clockFor(deps);
    const { gql } = graphqlFor(db, { deps });
    const provider = await buildSimProvider(db, deps.box, sim);
    const service = await buildSimService(db, provider);
    const reseller = await buildCaller(db, "RESELLER", "refiller", "10000");
    const admin = await buildCaller(db, "ADMIN", "refill-admin");
    const order = await completedOrder(deps, reseller.user.id, service.id, provider.id);

    // The admin sets a service's window; out of range is refused and changes nothing.
    const setDays = (days: number) =>
      gql(admin, `mutation($id: Int!, $d: Int!) { updateService(id: $id, patch: { refillDays: $d }) { __typename ... on MutationUpdateServiceSuccess { data { refillDays providerRefillDays } } ... on ValidationError { field } } }`, { id: service.id, d: days });
    const refusedDays = (await setDays(0)).body;
    expect(refusedDays.errors?.map((e: { message: string; extensions?: { code?: string } }) => [e.message, e.extensions?.code])).toEqual([["patch.refillDays: refillDays must be at least 1", "BAD_USER_INPUT"]]);
    expect((await db.service.findUniqueOrThrow({ where: { id: service.id } })).refillDays).toBeNull();
    expect((await setDays(45)).body.data.updateService).toEqual({ __typename: "MutationUpdateServiceSuccess", data: { refillDays: 45, providerRefillDays: null } });
    // An explicit null takes the service's own window away (the shop default applies again); an absent one keeps it.
    const clearDays = await gql(admin, `mutation($id: Int!) { updateService(id: $id, patch: { refillDays: null, nameEn: "Likes" }) { ... on MutationUpdateServiceSuccess { data { refillDays nameEn } } } }`, { id: service.id });
    expect(clearDays.body.data.updateService).toEqual({ data: { refillDays: null, nameEn: "Likes" } });
    await setDays(45);
    const keepDays = await gql(admin, `mutation($id: Int!) { updateService(id: $id, patch: { nameEn: "Likes" }) { ... on MutationUpdateServiceSuccess { data { refillDays } } } }`, { id: service.id });
    expect(keepDays.body.data.updateService).toEqual({ data: { refillDays: 45 } });
    await gql(admin, `mutation($id: Int!) { updateService(id: $id, patch: { refillDays: null }) { __typename } }`, { id: service.id });
    expect((await db.service.findUniqueOrThrow({ where: { id: service.id } })).refillDays).toBeNull();

    const mine = `mutation($id: Int!) { requestMyRefill(orderId: $id) { __typename
      ... on MutationRequestMyRefillSuccess { data { id status } }
      ... on RefillRefusedError { reason message retryAt closedAt max } } }`;
    const actions = async () => (await gql(reseller, `query($id: Int!) { myOrder(id: $id) { ... on QueryMyOrderSuccess { data { allowedActions } } } }`, { id: order.id })).body.data.myOrder.data.allowedActions;

    clock.at(1 * HOUR);
    expect(await actions()).toEqual(["REFILL"]);
    const asked = (await gql(reseller, mine, { id: order.id })).body.data.requestMyRefill;
    expect(asked).toMatchObject({ __typename: "MutationRequestMyRefillSuccess", data: { status: "PENDING" } });
    expect(await actions()).toEqual([]);
    expect((await gql(reseller, mine, { id: order.id })).body.data.requestMyRefill).toEqual({
      __typename: "RefillRefusedError", reason: "refill_open", message: "A refill for this order is already in progress", retryAt: null, closedAt: null, max: null,
    });

    await finishRefills(deps, order.id, provider.id);
    clock.at(3 * HOUR);
    expect((await gql(reseller, mine, { id: order.id })).body.data.requestMyRefill).toMatchObject({
      __typename: "RefillRefusedError", reason: "cooldown", retryAt: new Date(COMPLETED_AT.getTime() + 25 * HOUR).toISOString(),
    });

    // The admin obeys the same policy: 30 days (the shop default) after completion the window is closed.
    clock.at(30 * DAY);
    expect(await actions()).toEqual([]);
    const adminAsk = `mutation($id: Int!) { requestRefill(orderId: $id) { __typename ... on RefillRefusedError { reason closedAt } } }`;
    expect((await gql(admin, adminAsk, { id: order.id })).body.data.requestRefill).toEqual({
      __typename: "RefillRefusedError", reason: "window_closed", closedAt: new Date(COMPLETED_AT.getTime() + 30 * DAY).toISOString(),
    });
    expect(await db.refill.count({ where: { orderId: order.id } })).toBe(1);

    // A refusal by the provider: its reason is on the order for the admin and on the reseller's refill.
    clock.at(0);
    const second = await completedOrder(deps, reseller.user.id, service.id, provider.id);
    sim.fault({ action: "refill", kind: "error", text: "Refill period expired at provider", when: (r) => r.fields.order === second.providerOrderId });
    clock.at(1 * HOUR);
    const ask = `mutation($id: Int!) { requestMyRefill(orderId: $id) { __typename ... on Error { code message } } }`;
    const refused = (await gql(reseller, ask, { id: second.id })).body.data.requestMyRefill;
    expect(refused).toEqual({ __typename: "DomainError", code: "provider_refused", message: "The provider refused the refill: Refill period expired at provider" });
    // The same fields the dashboard's order details list.
    const seen = await gql(admin, `query($id: Int!) { order(id: $id) { refills { id createdAt status providerRefillId providerStatus error } } }`, { id: second.id });
    expect(seen.body.data.order.refills).toEqual([
      { id: expect.any(Number), createdAt: new Date(COMPLETED_AT.getTime() + HOUR).toISOString(), status: "REJECTED", providerRefillId: null, providerStatus: null, error: "Refill period expired at provider" },
    ]);
    // Five asks at once for a third order: one reaches the provider, the others find it open.
    clock.at(0);
    const third = await completedOrder(deps, reseller.user.id, service.id, provider.id);
    clock.at(1 * HOUR);
    const burst = await Promise.all(Array.from({ length: 5 }, () => gql(reseller, mine, { id: third.id })));
    const kinds = burst.map((r) => r.body.data?.requestMyRefill?.reason ?? r.body.data?.requestMyRefill?.__typename ?? JSON.stringify(r.body.errors)).sort();
    expect(kinds).toEqual(["MutationRequestMyRefillSuccess", "refill_open", "refill_open", "refill_open", "refill_open"]);
    expect(sim.calls().filter((c) => c.action === "refill" && c.fields.order === third.providerOrderId)).toHaveLength(1);
    expect(await db.refill.count({ where: { orderId: third.id } })).toBe(1);

    const theirs = await gql(reseller, `query($id: Int!) { myOrder(id: $id) { ... on QueryMyOrderSuccess { data { refills { status reason } } } } }`, { id: second.id });
    expect(theirs.body.errors ?? theirs.body.data.myOrder.data.refills).toEqual([{ status: "REJECTED", reason: "Refill period expired at provider" }]);
  });
});

const apiDeps = testDeps(db, ENV);
const api = await startApiServer(apiDeps);

describe("refill policy in API v2 (HTTP)", () => {
  it("answers `refill` with {\"error\": reason} while the policy refuses, per id in the multi form, and asks nothing", async () => {
    const deps = apiDeps;
    const clock = clockFor(deps);
    const provider = await buildSimProvider(db, deps.box, sim);
    const service = await buildSimService(db, provider);
    const user = await buildUser(db, { role: "RESELLER", balance: "10000" });
    const { key } = await issueApiKey(deps, { userId: user.id });
    const order = await completedOrder(deps, user.id, service.id, provider.id);
    const old = await completedOrder(deps, user.id, service.id, provider.id);

    clock.at(1 * HOUR);
    const asked = await api.post({ key, action: "refill", order: order.id });
    expect(asked.json).toEqual({ refill: expect.stringMatching(/^\d+$/) });
    await finishRefills(deps, order.id, provider.id);
    clock.at(2 * HOUR);
    expect((await api.post({ key, action: "refill", order: order.id })).json).toEqual({ error: "One refill per 24 h: ask again after 2026-12-02 11:00 UTC" });

    // A claim left by a process that died while asking (no refill id, older than the lease) neither blocks nor counts.
    await db.refill.create({ data: { orderId: old.id, status: "PENDING", createdAt: new Date(COMPLETED_AT.getTime() + 60_000) } });
    clock.at(26 * HOUR);
    expect((await api.post({ key, action: "refill", order: old.id })).json).toEqual({ refill: expect.stringMatching(/^\d+$/) });
    expect(await db.refill.findMany({ where: { orderId: old.id }, orderBy: { id: "asc" }, select: { status: true, error: true } })).toEqual([
      { status: "ERROR", error: "No answer from the provider was recorded" },
      { status: "PENDING", error: null },
    ]);
    await finishRefills(deps, old.id, provider.id);

    clock.at(30 * DAY + 1);
    expect((await api.post({ key, action: "refill", orders: `${order.id},${old.id}` })).json).toEqual([
      { order: order.id, refill: { error: "The refill window (30 days from completion) closed on 2026-12-31 10:00 UTC" } },
      { order: old.id, refill: { error: "The refill window (30 days from completion) closed on 2026-12-31 10:00 UTC" } },
    ]);
    expect([await db.refill.count({ where: { orderId: order.id } }), await db.refill.count({ where: { orderId: old.id } })]).toEqual([1, 2]);
  });
});
