import { testDeps } from "../support/deps.js";
import { describe, expect, it } from "vitest";
import { adjustBalance } from "../../src/money/adjust-balance.js";
import { Decimal } from "../../src/money/decimal.js";
import { post } from "../../src/money/ledger.js";
import { InsufficientBalanceError, ValidationError } from "../../src/shared/errors.js";
import { buildGroupAccount, buildUser } from "../support/factories.js";
import { expectLedgerInvariants, ledgerViolations } from "../support/ledger-invariants.js";
import { useTestDb } from "../support/test-db.js";

const { prisma: db } = await useTestDb(5);
const actor = { label: "telegram:42", isAdmin: true };

describe("admin balance adjustment", () => {
  it("credits and debits with a reason, audited, never below zero", async () => {
    const user = await buildUser(db, { balance: "10" });
    expect((await adjustBalance(testDeps(db), { accountId: user.account.id, amount: "+25.5", note: "bonus", actor })).toString()).toBe("35.5");
    expect((await adjustBalance(testDeps(db), { accountId: user.account.id, amount: "-35.5", note: "chargeback", actor })).toString()).toBe("0");
    await expect(adjustBalance(testDeps(db), { accountId: user.account.id, amount: "-0.0001", note: "x", actor })).rejects.toBeInstanceOf(InsufficientBalanceError);
    for (const amount of ["0", "1e3", "abc", "1.00001", ""]) {
      await expect(adjustBalance(testDeps(db), { accountId: user.account.id, amount, note: "x", actor })).rejects.toBeInstanceOf(ValidationError);
    }
    await expect(adjustBalance(testDeps(db), { accountId: user.account.id, amount: "5", note: "  ", actor })).rejects.toMatchObject({ code: "note_required" });
    const audit = await db.auditLog.findMany({ where: { entity: "Account", entityId: String(user.account.id) }, orderBy: { id: "asc" } });
    expect(audit.map((a) => (a.after as { balance: string }).balance)).toEqual(["35.5", "0"]);
    await expectLedgerInvariants(db, [user.account.id]);
  });
});

describe("ledger guards", () => {
  it("a group account may go into due down to its credit limit, and no further", async () => {
    const group = await buildGroupAccount(db, "500");
    await db.$transaction((tx) => post(tx, { accountId: group.id, amount: new Decimal("-499.99"), kind: "ORDER_CHARGE" }));
    const err = await db.$transaction((tx) => post(tx, { accountId: group.id, amount: new Decimal("-0.02"), kind: "ORDER_CHARGE" })).catch((e) => e);
    expect(err).toBeInstanceOf(InsufficientBalanceError);
    expect(err.balance).toBe("0.01");
    await db.$transaction((tx) => post(tx, { accountId: group.id, amount: new Decimal("499.99"), kind: "GROUP_SETTLEMENT" }));
    expect((await db.account.findUniqueOrThrow({ where: { id: group.id } })).balance.toString()).toBe("0");
    await expectLedgerInvariants(db, [group.id]);
  });

  it("the database refuses edits and deletions of ledger entries, and negative user balances", async () => {
    const user = await buildUser(db, { balance: "10" });
    const entry = await db.ledgerEntry.findFirstOrThrow({ where: { accountId: user.account.id } });
    await expect(db.ledgerEntry.update({ where: { id: entry.id }, data: { amount: "1000" } })).rejects.toThrow(/append-only/);
    await expect(db.ledgerEntry.delete({ where: { id: entry.id } })).rejects.toThrow(/append-only/);
    await expect(db.account.update({ where: { id: user.account.id }, data: { balance: "-1" } })).rejects.toThrow();
    await expectLedgerInvariants(db, [user.account.id]);
  });

  it("the invariant check itself catches a balance that drifts from its ledger", async () => {
    const user = await buildUser(db, { balance: "10" });
    await db.account.update({ where: { id: user.account.id }, data: { balance: "11" } });
    const found = await ledgerViolations(db, [user.account.id]);
    expect(found.join("\n")).toMatch(/balance differs from the sum of its ledger entries: \d+/);
    // Put it back so whole-database checks in other files stay meaningful.
    await db.account.update({ where: { id: user.account.id }, data: { balance: "10" } });
    expect(await ledgerViolations(db, [user.account.id])).toEqual([]);
  });
});
