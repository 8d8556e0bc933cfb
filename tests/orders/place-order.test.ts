import { describe, expect, it } from "vitest";
import { placeOrder } from "../../src/orders/place-order.js";
import { ConflictError, ForbiddenError, InsufficientBalanceError, ValidationError } from "../../src/shared/errors.js";
import { buildCategory, buildService, buildUser, unique } from "../support/factories.js";
import { expectLedgerInvariants } from "../support/ledger-invariants.js";
import { useTestDb } from "../support/test-db.js";
import { testDeps } from "../support/deps.js";

const { prisma: db } = await useTestDb(20);

async function snapshot(userId: number, accountId: number) {
  const [orders, entries, outbox, account] = await Promise.all([
    db.order.count({ where: { userId } }),
    db.ledgerEntry.count({ where: { accountId } }),
    db.outbox.count({ where: { orderId: { in: (await db.order.findMany({ where: { userId }, select: { id: true } })).map((o) => o.id) } } }),
    db.account.findUniqueOrThrow({ where: { id: accountId } }),
  ]);
  return { orders, entries, outbox, balance: account.balance.toString() };
}

describe("placeOrder", () => {
  it("charges the balance, writes one ledger entry and hands an auto order to forwarding", async () => {
    const user = await buildUser(db, { balance: "500" });
    const service = await buildService(db, { price: "120.5" });
    const { order, created } = await placeOrder(testDeps(db), { userId: user.id, serviceId: service.id, link: "https://instagram.com/p/abc", quantity: "1500" });
    expect(created).toBe(true);
    expect(order.status).toBe("PENDING");
    expect(order.charge.toString()).toBe("180.75");
    expect(order.providerId).toBe(service.providerId);
    const account = await db.account.findUniqueOrThrow({ where: { id: user.account.id } });
    expect(account.balance.toString()).toBe("319.25");
    const outbox = await db.outbox.findMany({ where: { orderId: order.id } });
    expect(outbox.map((o) => o.kind)).toEqual(["forward-order"]);
    await expectLedgerInvariants(db, [user.account.id]);
  });

  it("sends manual services to the admins instead of a provider", async () => {
    const user = await buildUser(db, { balance: "100" });
    const service = await buildService(db, { mode: "MANUAL", linkKind: "UID", price: "1", priceUnit: "PER_UNIT", min: 1, max: 1000 });
    const { order } = await placeOrder(testDeps(db), { userId: user.id, serviceId: service.id, link: "1234567890", quantity: 25 });
    expect(order.isManual).toBe(true);
    expect(order.charge.toString()).toBe("25");
    const outbox = await db.outbox.findMany({ where: { orderId: order.id } });
    expect(outbox.map((o) => o.kind)).toEqual(["notify-admin-order"]);
  });

  it("refuses an order above the balance and shows the balance, writing nothing", async () => {
    const user = await buildUser(db, { balance: "10" });
    const service = await buildService(db, { price: "100" });
    const before = await snapshot(user.id, user.account.id);
    const err = await placeOrder(testDeps(db), { userId: user.id, serviceId: service.id, link: "https://x.com/a", quantity: 1000 }).catch((e) => e);
    expect(err).toBeInstanceOf(InsufficientBalanceError);
    expect(err.balance).toBe("10.00");
    expect(err.required).toBe("100.00");
    expect(await snapshot(user.id, user.account.id)).toEqual(before);
  });

  it("refuses blocked users, unknown and inactive services", async () => {
    const blocked = await buildUser(db, { balance: "100", blocked: true });
    const user = await buildUser(db, { balance: "100" });
    const service = await buildService(db);
    const inactive = await buildService(db, { active: false });
    const hiddenCategory = await buildService(db, { categoryId: (await buildCategory(db, { active: false })).id });
    await expect(placeOrder(testDeps(db), { userId: blocked.id, serviceId: service.id, link: "https://x.com/a", quantity: 100 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(placeOrder(testDeps(db), { userId: user.id, serviceId: 2_000_000_000, link: "https://x.com/a", quantity: 100 })).rejects.toMatchObject({ code: "not_found" });
    await expect(placeOrder(testDeps(db), { userId: user.id, serviceId: inactive.id, link: "https://x.com/a", quantity: 100 })).rejects.toMatchObject({ code: "service_unavailable" });
    await expect(placeOrder(testDeps(db), { userId: user.id, serviceId: hiddenCategory.id, link: "https://x.com/a", quantity: 100 })).rejects.toMatchObject({ code: "service_unavailable" });
    expect(await db.order.count({ where: { userId: { in: [blocked.id, user.id] } } })).toBe(0);
  });

  const badQuantities: unknown[] = ["-1", "0", "49", "10001", "1e3", "0x10", "1.5", "١٠٠", " 100 ", "100abc", "9007199254740993", "", -1, 0, 1.5, 9007199254740993, Number.NaN, null];
  it.each(badQuantities.map((q) => [JSON.stringify(q) ?? String(q), q]))("refuses quantity %s with a typed error and writes nothing", async (_label, quantity) => {
    const user = await buildUser(db, { balance: "100000" });
    const service = await buildService(db, { min: 50, max: 10000 });
    const before = await snapshot(user.id, user.account.id);
    const err = await placeOrder(testDeps(db), { userId: user.id, serviceId: service.id, link: "https://instagram.com/p/1", quantity }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.field).toBe("quantity");
    expect(["quantity_not_integer", "quantity_out_of_range"]).toContain(err.code);
    expect(await snapshot(user.id, user.account.id)).toEqual(before);
  });

  const badLinks: [string, string][] = [
    ["javascript:", "javascript:alert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["over 2048 characters", `https://instagram.com/${"a".repeat(2040)}`],
    ["zero-width space", "https://insta\u200bgram.com/p/1"],
    ["RTL override", "https://instagram.com/p/\u202Egnp.exe"],
    ["byte order mark", "\ufeffhttps://instagram.com/p/1"],
    ["another platform", "https://evil.example/instagram.com"],
    ["lookalike host", "https://instagram.com.evil.example/p/1"],
    ["credentials in URL", "https://instagram.com@evil.example/p/1"],
    ["no scheme", "instagram.com/p/1"],
    ["ftp", "ftp://instagram.com/p/1"],
    ["empty", ""],
  ];
  it.each(badLinks)("refuses a link (%s) with a typed error and writes nothing", async (_label, link) => {
    const user = await buildUser(db, { balance: "100000" });
    const service = await buildService(db, { platform: "instagram" });
    const before = await snapshot(user.id, user.account.id);
    const err = await placeOrder(testDeps(db), { userId: user.id, serviceId: service.id, link, quantity: 100 }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.field).toBe("link");
    expect(await snapshot(user.id, user.account.id)).toEqual(before);
  });

  it("accepts a platform link on a subdomain and refuses a malformed player UID", async () => {
    const user = await buildUser(db, { balance: "1000" });
    const insta = await buildService(db, { platform: "instagram" });
    await expect(placeOrder(testDeps(db), { userId: user.id, serviceId: insta.id, link: "https://www.instagram.com/p/xyz/", quantity: 100 })).resolves.toMatchObject({ created: true });
    const game = await buildService(db, { mode: "MANUAL", linkKind: "UID", price: "1", priceUnit: "PER_UNIT", min: 1, max: 100 });
    for (const uid of ["12ab5678", "123", "https://ff.garena.com/1", "١٢٣٤٥٦٧٨"]) {
      await expect(placeOrder(testDeps(db), { userId: user.id, serviceId: game.id, link: uid, quantity: 1 })).rejects.toMatchObject({ code: "uid_invalid" });
    }
  });

  it("returns the same order for a repeated key and refuses the key for a different service", async () => {
    const user = await buildUser(db, { balance: "1000" });
    const service = await buildService(db);
    const other = await buildService(db);
    const key = unique("key");
    const first = await placeOrder(testDeps(db), { userId: user.id, serviceId: service.id, link: "https://x.com/a", quantity: 100, idempotencyKey: key });
    const again = await placeOrder(testDeps(db), { userId: user.id, serviceId: service.id, link: "https://x.com/a", quantity: 100, idempotencyKey: key });
    expect(again).toEqual({ order: first.order, created: false });
    await expect(placeOrder(testDeps(db), { userId: user.id, serviceId: other.id, link: "https://x.com/a", quantity: 100, idempotencyKey: key })).rejects.toBeInstanceOf(ConflictError);
    await expect(placeOrder(testDeps(db), { userId: user.id, serviceId: service.id, link: "https://x.com/a", quantity: 100, idempotencyKey: "bad key with spaces" })).rejects.toMatchObject({ code: "idempotency_key_invalid" });
    expect(await db.order.count({ where: { userId: user.id } })).toBe(1);
  });
});

describe("placeOrder under concurrency (real PostgreSQL server)", () => {
  it("500 concurrent 1.00 orders against 100.00 → exactly 100 placed, 400 refused, balance 0", async () => {
    const user = await buildUser(db, { balance: "100" });
    const service = await buildService(db, { price: "1", priceUnit: "PER_UNIT", min: 1, max: 10 });
    const results = await Promise.allSettled(
      Array.from({ length: 500 }, () => placeOrder(testDeps(db), { userId: user.id, serviceId: service.id, link: "https://x.com/a", quantity: 1 })),
    );
    const placed = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(placed).toHaveLength(100);
    expect(refused).toHaveLength(400);
    for (const r of refused) expect(r.reason).toBeInstanceOf(InsufficientBalanceError);
    const account = await db.account.findUniqueOrThrow({ where: { id: user.account.id } });
    expect(account.balance.toString()).toBe("0");
    expect(await db.order.count({ where: { userId: user.id } })).toBe(100);
    expect(await db.ledgerEntry.count({ where: { accountId: user.account.id, kind: "ORDER_CHARGE" } })).toBe(100);
    await expectLedgerInvariants(db, [user.account.id]);
  });

  it("the same idempotency key 50 times at once → 1 order, 1 charge, 50 answers naming it", async () => {
    const user = await buildUser(db, { balance: "1000" });
    const service = await buildService(db, { price: "10" });
    const key = unique("tap");
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => placeOrder(testDeps(db), { userId: user.id, serviceId: service.id, link: "https://x.com/a", quantity: 1000, idempotencyKey: key })),
    );
    const ids = new Set(answers.map((a) => a.order.id));
    expect(ids.size).toBe(1);
    expect(answers.filter((a) => a.created)).toHaveLength(1);
    expect(await db.order.count({ where: { userId: user.id } })).toBe(1);
    expect(await db.ledgerEntry.count({ where: { accountId: user.account.id, kind: "ORDER_CHARGE" } })).toBe(1);
    expect((await db.account.findUniqueOrThrow({ where: { id: user.account.id } })).balance.toString()).toBe("990");
    await expectLedgerInvariants(db, [user.account.id]);
  });
});
