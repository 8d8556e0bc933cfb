import { describe, expect, it } from "vitest";
import { placeGroupQuickOrder } from "../../src/groups/place-group-quick-order.js";
import { registerGroup } from "../../src/groups/register-group.js";
import { ConflictError, ForbiddenError, InsufficientBalanceError, NotFoundError } from "../../src/shared/errors.js";
import { testDeps } from "../support/deps.js";
import { buildService, buildUser } from "../support/factories.js";
import { expectLedgerInvariants } from "../support/ledger-invariants.js";
import { useTestDb } from "../support/test-db.js";
import { testChatId } from "../support/bot-factories.js";

const { prisma: db } = await useTestDb(20);
const deps = testDeps(db);
const admin = { label: "telegram:1", isAdmin: true };

async function group(creditLimit = "100", rate = "0.9") {
  const diamonds = await buildService(db, { mode: "MANUAL", linkKind: "UID", priceUnit: "PER_UNIT", price: "0.85", cost: "0.7", min: 1, max: 10000 });
  const chatId = BigInt(testChatId());
  const g = await registerGroup(testDeps(db), { chatId, title: "Resellers", rate, creditLimit, actor: admin, serviceId: diamonds.id });
  return { g, chatId, diamonds };
}

let messageId = 1;
const profile = (telegramId: bigint) => ({ telegramId, firstName: "Member" });

describe("registerGroup", () => {
  it("creates a GROUP account with the credit limit; admins only; once per chat; validates rate and limit", async () => {
    const { g, chatId, diamonds } = await group("2500");
    const account = await db.account.findUniqueOrThrow({ where: { id: g.accountId } });
    expect(account).toMatchObject({ kind: "GROUP", userId: null });
    expect(account.creditLimit.toString()).toBe("2500");
    await expect(registerGroup(testDeps(db), { chatId, rate: "1", creditLimit: "1", actor: admin, serviceId: diamonds.id })).rejects.toBeInstanceOf(ConflictError);
    await expect(registerGroup(testDeps(db), { chatId: BigInt(testChatId()), rate: "1", creditLimit: "1", actor: { label: "x" }, serviceId: diamonds.id })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(registerGroup(testDeps(db), { chatId: BigInt(testChatId()), rate: "0", creditLimit: "1", actor: admin, serviceId: diamonds.id })).rejects.toMatchObject({ code: "group_rate_invalid" });
    await expect(registerGroup(testDeps(db), { chatId: BigInt(testChatId()), rate: "1", creditLimit: "-5", actor: admin, serviceId: diamonds.id })).rejects.toMatchObject({ code: "group_credit_invalid" });
    expect(await db.auditLog.count({ where: { entity: "Group", entityId: String(g.id) } })).toBe(1);
  });
});

describe("placeGroupQuickOrder", () => {
  it("charges rate × N to the group's account, once per (chat, message), for the sender", async () => {
    const { g, chatId, diamonds } = await group("100", "0.9");
    const member = await buildUser(db);
    const input = { chatId, messageId: messageId++, telegramUser: profile(member.telegramId!), quantity: "10", playerId: "123456789" };
    const first = await placeGroupQuickOrder(deps, input);
    const again = await placeGroupQuickOrder(deps, input);
    expect(first.created).toBe(true);
    expect(again).toMatchObject({ created: false, order: { id: first.order.id } });
    expect(first.order).toMatchObject({ userId: member.id, accountId: g.accountId, serviceId: diamonds.id, isManual: true, quantity: 10, link: "123456789" });
    expect(first.order.charge.toString()).toBe("9");
    expect((await db.account.findUniqueOrThrow({ where: { id: g.accountId } })).balance.toString()).toBe("-9");
    expect(await db.outbox.count({ where: { orderId: first.order.id, kind: "notify-admin-order" } })).toBe(1);
    await expectLedgerInvariants(db, [g.accountId]);
  });

  it("a new sender becomes a user; the credit limit holds; bad quantities and unknown groups are refused", async () => {
    const { g, chatId } = await group("10", "1");
    const telegramId = BigInt(Date.now()) * 1000n + BigInt(process.pid % 1000);
    await placeGroupQuickOrder(deps, { chatId, messageId: messageId++, telegramUser: profile(telegramId), quantity: "10", playerId: "123456789" });
    expect(await db.user.count({ where: { telegramId } })).toBe(1);
    await expect(placeGroupQuickOrder(deps, { chatId, messageId: messageId++, telegramUser: profile(telegramId), quantity: "1" })).rejects.toBeInstanceOf(InsufficientBalanceError);
    await expect(placeGroupQuickOrder(deps, { chatId, messageId: messageId++, telegramUser: profile(telegramId), quantity: "0" })).rejects.toMatchObject({ code: "quantity_out_of_range" });
    await expect(placeGroupQuickOrder(deps, { chatId: BigInt(testChatId()), messageId: 1, telegramUser: profile(telegramId), quantity: "1" })).rejects.toBeInstanceOf(NotFoundError);
    await expectLedgerInvariants(db, [g.accountId]);
  });

  it("the same message handled concurrently 10 times makes one order", async () => {
    const { g, chatId } = await group("1000", "1");
    const member = await buildUser(db);
    const input = { chatId, messageId: messageId++, telegramUser: profile(member.telegramId!), quantity: "5", playerId: "123456789" };
    const results = await Promise.all(Array.from({ length: 10 }, () => placeGroupQuickOrder(deps, input)));
    expect(new Set(results.map((r) => r.order.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    await expectLedgerInvariants(db, [g.accountId]);
  });
});
