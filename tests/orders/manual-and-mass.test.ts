import { testDeps } from "../support/deps.js";
import { describe, expect, it } from "vitest";
import { completeManualOrder, createManualOrder, takeManualOrder } from "../../src/orders/manual-orders.js";
import { placeMassOrder } from "../../src/orders/place-mass-order.js";
import { BatchValidationError, InsufficientBalanceError, InvalidStateError, PriceChangedError } from "../../src/shared/errors.js";
import { buildService, buildUser, unique } from "../support/factories.js";
import { expectLedgerInvariants } from "../support/ledger-invariants.js";
import { useTestDb } from "../support/test-db.js";

const { prisma: db } = await useTestDb(10);

describe("manual orders", () => {
  it("an admin creates, takes and completes a manual order; the confirmation is queued once", async () => {
    const customer = await buildUser(db, { balance: "2000" });
    const admin = await buildUser(db, { role: "ADMIN" });
    const actor = { userId: admin.id, label: `telegram:${admin.telegramId}`, isAdmin: true };
    const diamonds = await buildService(db, { mode: "MANUAL", linkKind: "UID", price: "100", priceUnit: "PER_UNIT", min: 1, max: 100 });
    const order = await createManualOrder(testDeps(db), { actor, userId: customer.id, serviceId: diamonds.id, link: "123456789", quantity: 10, adminNotes: "paid in shop" });
    expect(order).toMatchObject({ isManual: true, status: "PENDING", adminNotes: "paid in shop", source: "ADMIN" });
    expect(order.charge.toString()).toBe("1000");
    expect((await takeManualOrder(testDeps(db), order.id, actor)).status).toBe("IN_PROGRESS");
    await expect(takeManualOrder(testDeps(db), order.id, actor)).rejects.toBeInstanceOf(InvalidStateError);
    expect((await completeManualOrder(testDeps(db), order.id, actor)).status).toBe("COMPLETED");
    await expect(completeManualOrder(testDeps(db), order.id, actor)).rejects.toBeInstanceOf(InvalidStateError);
    expect(await db.outbox.count({ where: { kind: "notify-delivery", orderId: order.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { entity: "Order", entityId: String(order.id) } })).toBe(3);
    await expectLedgerInvariants(db, [customer.account.id]);
  });

  it("a goodwill order with charge 0 writes no charge; an auto order cannot be completed by hand", async () => {
    const customer = await buildUser(db);
    const actor = { label: "telegram:1", isAdmin: true };
    const diamonds = await buildService(db, { mode: "MANUAL", linkKind: "UID", price: "100", priceUnit: "PER_UNIT", min: 1, max: 100 });
    const order = await createManualOrder(testDeps(db), { actor, userId: customer.id, serviceId: diamonds.id, link: "123456789", quantity: 1, charge: "0" });
    expect(await db.ledgerEntry.count({ where: { orderId: order.id } })).toBe(0);
    await expect(createManualOrder(testDeps(db), { actor, userId: customer.id, serviceId: diamonds.id, link: "123456789", quantity: 1, charge: "-5" })).rejects.toMatchObject({ code: "amount_invalid" });
    const rich = await buildUser(db, { balance: "100" });
    const auto = await buildService(db, { price: "1" });
    const { placeOrder } = await import("../../src/orders/place-order.js");
    const { order: autoOrder } = await placeOrder(testDeps(db), { userId: rich.id, serviceId: auto.id, link: "https://x.com/a", quantity: 100 });
    await expect(completeManualOrder(testDeps(db), autoOrder.id, actor)).rejects.toBeInstanceOf(InvalidStateError);
    await expectLedgerInvariants(db, [customer.account.id, rich.account.id]);
  });
});

describe("mass orders", () => {
  it("places every line in one go, once per key", async () => {
    const user = await buildUser(db, { balance: "1000" });
    const s1 = await buildService(db, { price: "100" });
    const s2 = await buildService(db, { price: "50" });
    const text = `${s1.id} | https://x.com/a | 1000\n\n${s2.id}|https://x.com/b|2000\r\n${s1.id} | https://x.com/c | 500`;
    const key = unique("mass");
    const r = await placeMassOrder(testDeps(db), { userId: user.id, text, idempotencyKey: key });
    expect(r.created).toBe(true);
    expect(r.orders.map((o) => o.charge.toString())).toEqual(["100", "100", "50"]);
    const again = await placeMassOrder(testDeps(db), { userId: user.id, text, idempotencyKey: key });
    expect(again.created).toBe(false);
    expect(again.orders.map((o) => o.id)).toEqual(r.orders.map((o) => o.id));
    expect((await db.account.findUniqueOrThrow({ where: { id: user.account.id } })).balance.toString()).toBe("750");
    await expectLedgerInvariants(db, [user.account.id]);
  });

  it("one bad line refuses the whole batch and names every bad line; nothing is written", async () => {
    const user = await buildUser(db, { balance: "1000" });
    const s1 = await buildService(db, { price: "100" });
    const text = [`${s1.id} | https://x.com/a | 1000`, `${s1.id} | javascript:alert(1) | 1000`, "not a line", `${s1.id} | https://x.com/a | 1e3`, `999999999 | https://x.com/a | 100`].join("\n");
    const err = await placeMassOrder(testDeps(db), { userId: user.id, text }).catch((e) => e);
    expect(err).toBeInstanceOf(BatchValidationError);
    expect(err.lines.map((l: { line: number; error: { code: string } }) => [l.line, l.error.code])).toEqual([
      [2, "link_invalid"],
      [3, "mass_order_line_format"],
      [4, "quantity_not_integer"],
      [5, "not_found"],
    ]);
    expect(await db.order.count({ where: { userId: user.id } })).toBe(0);
  });

  it("all-or-nothing charge: a batch above the balance places nothing", async () => {
    const user = await buildUser(db, { balance: "150" });
    const s1 = await buildService(db, { price: "100" });
    const text = `${s1.id} | https://x.com/a | 1000\n${s1.id} | https://x.com/b | 1000`;
    await expect(placeMassOrder(testDeps(db), { userId: user.id, text })).rejects.toBeInstanceOf(InsufficientBalanceError);
    expect(await db.order.count({ where: { userId: user.id } })).toBe(0);
    expect((await db.account.findUniqueOrThrow({ where: { id: user.account.id } })).balance.toString()).toBe("150");
    await expectLedgerInvariants(db, [user.account.id]);
  });

  it("a total shown before placing is checked like a single order's: another total places nothing", async () => {
    const user = await buildUser(db, { balance: "1000" });
    const s1 = await buildService(db, { price: "100" });
    const text = `${s1.id} | https://x.com/a | 1000\n${s1.id} | https://x.com/b | 500`;
    const err = await placeMassOrder(testDeps(db), { userId: user.id, text, expectedCharge: "140" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PriceChangedError);
    expect((err as PriceChangedError).charge).toBe("150.0000");
    expect(await db.order.count({ where: { userId: user.id } })).toBe(0);
    const placed = await placeMassOrder(testDeps(db), { userId: user.id, text, expectedCharge: "150" });
    expect(placed.orders.map((o) => o.charge.toString())).toEqual(["100", "50"]);
    expect((await db.account.findUniqueOrThrow({ where: { id: user.account.id } })).balance.toString()).toBe("850");
    await expectLedgerInvariants(db, [user.account.id]);
  });
});
