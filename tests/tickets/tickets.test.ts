import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forwardOrder } from "../../src/fulfilment/forward-order.js";
import { placeOrder } from "../../src/orders/place-order.js";
import { startProviderSimulator, type ProviderSimulator } from "../../src/providers/simulator/index.js";
import { NotFoundError } from "../../src/shared/errors.js";
import { closeTicket } from "../../src/tickets/close-ticket.js";
import { openTicket, parseOrderIds } from "../../src/tickets/open-ticket.js";
import { replyToTicket } from "../../src/tickets/reply-to-ticket.js";
import { REPLY_WAIT_MS, testDeps } from "../support/deps.js";
import { buildService, buildUser } from "../support/factories.js";
import { expectLedgerInvariants } from "../support/ledger-invariants.js";
import { buildSimProvider, buildSimService } from "../support/provider-factories.js";
import { useTestDb } from "../support/test-db.js";

const { prisma: db } = await useTestDb(10);
const deps = testDeps(db, { PROVIDER_TIMEOUT_MS: REPLY_WAIT_MS, PROVIDER_BALANCE_CACHE_SECONDS: "0" });
let sim: ProviderSimulator;

beforeAll(async () => {
  sim = await startProviderSimulator({ balance: "100000" });
});
afterAll(() => sim.close());

async function orderAtProvider(overrides: { refill?: boolean; cancel?: boolean } = {}) {
  const provider = await buildSimProvider(db, deps.box, sim);
  const service = await buildSimService(db, provider, overrides);
  const user = await buildUser(db, { balance: "1000" });
  const { order } = await placeOrder(testDeps(db), { userId: user.id, serviceId: service.id, link: "https://x.com/a", quantity: 1000 });
  const forwarded = await forwardOrder(deps, order.id);
  expect(forwarded.status).toBe("IN_PROGRESS");
  return { user, order: forwarded };
}

describe("ticket auto-replies", () => {
  it("cancel on a PENDING order: cancelled and refunded, answered automatically", async () => {
    const user = await buildUser(db, { balance: "500" });
    const service = await buildService(db, { price: "100" });
    const { order } = await placeOrder(testDeps(db), { userId: user.id, serviceId: service.id, link: "https://x.com/a", quantity: 1000 });
    const opened = await openTicket(deps, { userId: user.id, type: "CANCEL", orderIds: [order.id], text: "please cancel" });
    expect(opened.outcomes).toEqual([{ orderId: order.id, kind: "canceled", refund: "100" }]);
    expect(opened.answered).toBe(true);
    expect(opened.ticket.status).toBe("ANSWERED");
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("CANCELED");
    const messages = await db.ticketMessage.findMany({ where: { ticketId: opened.ticket.id }, orderBy: { id: "asc" } });
    expect(messages.map((m) => m.author)).toEqual(["CUSTOMER", "AUTO"]);
    expect((await db.account.findUniqueOrThrow({ where: { id: user.account.id } })).balance.toString()).toBe("500");
    await expectLedgerInvariants(db, [user.account.id]);
  });

  it("cancel on an order at the provider with a cancellable service asks the provider", async () => {
    const { user, order } = await orderAtProvider({ cancel: true });
    const opened = await openTicket(deps, { userId: user.id, type: "CANCEL", orderIds: [order.id], text: "cancel" });
    expect(opened.outcomes).toEqual([{ orderId: order.id, kind: "cancel_requested" }]);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).cancelRequestedAt).not.toBeNull();
    expect(sim.callCount("cancel")).toBeGreaterThan(0);
  });

  it("cancel on an order at the provider without cancel: the reason, no refund", async () => {
    const { user, order } = await orderAtProvider({ cancel: false });
    const opened = await openTicket(deps, { userId: user.id, type: "CANCEL", orderIds: [order.id], text: "cancel" });
    expect(opened.outcomes).toEqual([{ orderId: order.id, kind: "cannot_cancel", status: "IN_PROGRESS" }]);
    expect(opened.ticket.status).toBe("ANSWERED");
    expect(await db.ledgerEntry.count({ where: { orderId: order.id, kind: "REFUND" } })).toBe(0);
  });

  it("refill: requested upstream when completed and refillable; otherwise the reason", async () => {
    const { user, order } = await orderAtProvider({ refill: true });
    const early = await openTicket(deps, { userId: user.id, type: "REFILL", orderIds: [order.id], text: "refill" });
    expect(early.outcomes[0]).toMatchObject({ kind: "refill_not_completed", status: "IN_PROGRESS" });
    sim.advance(order.providerOrderId!, { to: "Completed" });
    await db.order.update({ where: { id: order.id }, data: { status: "COMPLETED", completedAt: new Date() } });
    const opened = await openTicket(deps, { userId: user.id, type: "REFILL", orderIds: [order.id], text: "refill" });
    expect(opened.outcomes[0]).toMatchObject({ orderId: order.id, kind: "refill_requested" });
    expect(await db.refill.count({ where: { orderId: order.id } })).toBe(1);
    // A second ticket while that refill is open: the refill policy's answer, nothing asked upstream.
    const again = await openTicket(deps, { userId: user.id, type: "REFILL", orderIds: [order.id], text: "refill again" });
    expect(again.outcomes).toEqual([{ orderId: order.id, kind: "refill_refused", reason: "refill_open", message: "A refill for this order is already in progress" }]);
    expect(again.ticket.status).toBe("ANSWERED");
    expect(await db.refill.count({ where: { orderId: order.id } })).toBe(1);

    const plain = await orderAtProvider({ refill: false });
    const none = await openTicket(deps, { userId: plain.user.id, type: "REFILL", orderIds: [plain.order.id], text: "refill" });
    expect(none.outcomes[0]).toMatchObject({ kind: "refill_unsupported" });
  });

  it("speed up: live progress, and the ticket stays open for an admin", async () => {
    const user = await buildUser(db, { balance: "500" });
    const service = await buildService(db, { price: "100" });
    const { order } = await placeOrder(testDeps(db), { userId: user.id, serviceId: service.id, link: "https://x.com/a", quantity: 1000 });
    await db.order.update({ where: { id: order.id }, data: { status: "IN_PROGRESS", startCount: 120, remains: 400 } });
    const opened = await openTicket(deps, { userId: user.id, type: "SPEED_UP", orderIds: [order.id], text: "faster please" });
    expect(opened.outcomes).toEqual([{ orderId: order.id, kind: "progress", status: "IN_PROGRESS", startCount: 120, delivered: 600, remains: 400 }]);
    expect(opened.ticket.status).toBe("OPEN");
  });

  it("a FAILED or UNKNOWN order is shown as pending, never by its internal name", async () => {
    const user = await buildUser(db, { balance: "500" });
    const service = await buildService(db, { price: "100" });
    const { order } = await placeOrder(testDeps(db), { userId: user.id, serviceId: service.id, link: "https://x.com/a", quantity: 1000 });
    await db.order.update({ where: { id: order.id }, data: { status: "UNKNOWN" } });
    const opened = await openTicket(deps, { userId: user.id, type: "CANCEL", orderIds: [order.id], text: "cancel" });
    expect(opened.outcomes).toEqual([{ orderId: order.id, kind: "needs_admin", status: "PENDING" }]);
    expect(opened.ticket.status).toBe("OPEN");
  });

  it("someone else's order: not found, nothing written; payment tickets wait for an admin", async () => {
    const owner = await buildUser(db, { balance: "500" });
    const other = await buildUser(db);
    const service = await buildService(db, { price: "100" });
    const { order } = await placeOrder(testDeps(db), { userId: owner.id, serviceId: service.id, link: "https://x.com/a", quantity: 1000 });
    await expect(openTicket(deps, { userId: other.id, type: "CANCEL", orderIds: [order.id], text: "cancel" })).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.ticket.count({ where: { userId: other.id } })).toBe(0);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PENDING");
    await expect(openTicket(deps, { userId: other.id, type: "CANCEL", orderIds: [], text: "x" })).rejects.toMatchObject({ code: "ticket_orders_required" });
    const payment = await openTicket(deps, { userId: other.id, type: "PAYMENT", orderIds: [], text: "my bkash top-up is missing" });
    expect(payment).toMatchObject({ outcomes: [], answered: false });
    expect(payment.ticket.status).toBe("OPEN");
  });

  it("parses order ids as customers type them", () => {
    expect(parseOrderIds("#12, 15 and 15;  17")).toEqual([12, 15, 17]);
    expect(parseOrderIds("none")).toEqual([]);
  });
});

describe("ticket replies", () => {
  it("admin answers → ANSWERED; the customer writes more → OPEN; strangers see nothing; closing twice is fine", async () => {
    const user = await buildUser(db);
    const admin = await buildUser(db, { role: "ADMIN" });
    const stranger = await buildUser(db);
    const { ticket } = await openTicket(deps, { userId: user.id, type: "OTHER", orderIds: [], text: "hello" });
    const adminActor = { userId: admin.id, label: "telegram:admin", isAdmin: true };
    const answered = await replyToTicket(deps, { ticketId: ticket.id, actor: adminActor, text: "hi, how can we help?" });
    expect(answered.ticket.status).toBe("ANSWERED");
    expect(answered.message.author).toBe("ADMIN");
    const more = await replyToTicket(deps, { ticketId: ticket.id, actor: { userId: user.id, label: "telegram:user" }, text: "thanks" });
    expect(more.ticket.status).toBe("OPEN");
    await expect(replyToTicket(deps, { ticketId: ticket.id, actor: { userId: stranger.id, label: "x" }, text: "peek" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(closeTicket(deps, { ticketId: ticket.id, actor: { userId: stranger.id, label: "x" } })).rejects.toBeInstanceOf(NotFoundError);
    expect((await closeTicket(deps, { ticketId: ticket.id, actor: { userId: user.id, label: "u" } })).status).toBe("CLOSED");
    expect((await closeTicket(deps, { ticketId: ticket.id, actor: adminActor })).status).toBe("CLOSED");
    expect(await db.auditLog.count({ where: { entity: "Ticket", entityId: String(ticket.id) } })).toBe(1);
  });
});
