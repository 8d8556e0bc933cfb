import { testDeps } from "../support/deps.js";
import { describe, expect, it } from "vitest";
import { approveTopUp, rejectTopUp } from "../../src/topups/decide-topup.js";
import { requestTopUp } from "../../src/topups/request-topup.js";
import { ConflictError, InvalidStateError, ValidationError } from "../../src/shared/errors.js";
import { buildUser, unique } from "../support/factories.js";
import { expectLedgerInvariants } from "../support/ledger-invariants.js";
import { useTestDb } from "../support/test-db.js";

const { prisma: db } = await useTestDb(20);
const limits = { min: "50", max: "25000" };
const admin = (id: number) => ({ userId: id, label: `telegram:${id}`, isAdmin: true });
const trx = () => unique("TX").replace(/[^A-Za-z0-9]/g, "").slice(-20).toUpperCase();

describe("top-ups", () => {
  it("a request waits for approval; approval credits once and is audited; a second decision is refused", async () => {
    const user = await buildUser(db);
    const a = await buildUser(db, { role: "ADMIN" });
    const topUp = await requestTopUp(testDeps(db), { userId: user.id, method: "BKASH", amount: "500.50", trxId: ` ${trx().toLowerCase()} `, limits });
    expect(topUp.status).toBe("PENDING");
    expect(topUp.trxId).toBe(topUp.trxId.toUpperCase());
    expect(await db.outbox.count({ where: { dedupeKey: `topup:${topUp.id}` } })).toBe(1);
    expect((await db.account.findUniqueOrThrow({ where: { id: user.account.id } })).balance.toString()).toBe("0");
    await approveTopUp(testDeps(db), topUp.id, admin(a.id));
    expect((await db.account.findUniqueOrThrow({ where: { id: user.account.id } })).balance.toString()).toBe("500.5");
    await expect(approveTopUp(testDeps(db), topUp.id, admin(a.id))).rejects.toBeInstanceOf(InvalidStateError);
    await expect(rejectTopUp(testDeps(db), topUp.id, admin(a.id))).rejects.toBeInstanceOf(InvalidStateError);
    expect(await db.auditLog.count({ where: { entity: "TopUp", entityId: String(topUp.id) } })).toBe(1);
    await expectLedgerInvariants(db, [user.account.id]);
  });

  it("a rejected top-up credits nothing and its TrxID stays used", async () => {
    const user = await buildUser(db);
    const id = trx();
    const topUp = await requestTopUp(testDeps(db), { userId: user.id, method: "NAGAD", amount: 100, trxId: id, limits });
    await rejectTopUp(testDeps(db), topUp.id, admin(user.id), "no such payment");
    await expect(approveTopUp(testDeps(db), topUp.id, admin(user.id))).rejects.toBeInstanceOf(InvalidStateError);
    await expect(requestTopUp(testDeps(db), { userId: user.id, method: "NAGAD", amount: 100, trxId: id, limits })).rejects.toBeInstanceOf(ConflictError);
    expect((await db.account.findUniqueOrThrow({ where: { id: user.account.id } })).balance.toString()).toBe("0");
    await expectLedgerInvariants(db, [user.account.id]);
  });

  it.each([["0"], ["49.99"], ["25000.01"], ["1e3"], ["100.123"], ["-100"], ["1,0"], [""], ["abc"]])("refuses amount %s and writes nothing", async (amount) => {
    const user = await buildUser(db);
    await expect(requestTopUp(testDeps(db), { userId: user.id, method: "ROCKET", amount, trxId: trx(), limits })).rejects.toBeInstanceOf(ValidationError);
    expect(await db.topUp.count({ where: { userId: user.id } })).toBe(0);
  });

  it.each([["১০০", "100"], ["1,000", "1000"], ["৳ ১,২৫০.৫০", "1250.5"], ["500 টাকা", "500"]])("takes amount %s as a person types it (%s)", async (typed, stored) => {
    const user = await buildUser(db);
    const topUp = await requestTopUp(testDeps(db), { userId: user.id, method: "NAGAD", amount: typed, trxId: trx(), limits });
    expect(topUp.amount.toString()).toBe(stored);
  });

  it.each([["AB12"], ["has space 123"], ["<script>"], ["A".repeat(21)], [""]])("refuses TrxID %j", async (trxId) => {
    const user = await buildUser(db);
    await expect(requestTopUp(testDeps(db), { userId: user.id, method: "BKASH", amount: "100", trxId, limits })).rejects.toMatchObject({ code: "trxid_invalid" });
    expect(await db.topUp.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("top-ups under concurrency (real PostgreSQL server)", () => {
  it("two admins approving the same top-up at once → exactly one credit", async () => {
    const user = await buildUser(db);
    const [a1, a2] = [await buildUser(db, { role: "ADMIN" }), await buildUser(db, { role: "ADMIN" })];
    const topUp = await requestTopUp(testDeps(db), { userId: user.id, method: "BKASH", amount: "1000", trxId: trx(), limits });
    for (let round = 0; round < 5; round++) {
      const results = await Promise.allSettled([approveTopUp(testDeps(db), topUp.id, admin(a1.id)), approveTopUp(testDeps(db), topUp.id, admin(a2.id))]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(round === 0 ? 1 : 0);
    }
    expect(await db.ledgerEntry.count({ where: { topUpId: topUp.id } })).toBe(1);
    expect((await db.account.findUniqueOrThrow({ where: { id: user.account.id } })).balance.toString()).toBe("1000");
    await expectLedgerInvariants(db, [user.account.id]);
  });

  it("two customers submitting the same TrxID at once → one request, one credit", async () => {
    const [u1, u2] = [await buildUser(db), await buildUser(db)];
    const id = trx();
    const results = await Promise.allSettled(
      [u1, u2, u1, u2].map((u) => requestTopUp(testDeps(db), { userId: u.id, method: "BKASH", amount: "300", trxId: id, limits })),
    );
    const ok = results.filter((r): r is PromiseFulfilledResult<Awaited<ReturnType<typeof requestTopUp>>> => r.status === "fulfilled");
    expect(ok).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(ConflictError);
    await Promise.allSettled([approveTopUp(testDeps(db), ok[0]!.value.id, admin(u1.id)), approveTopUp(testDeps(db), ok[0]!.value.id, admin(u2.id))]);
    const credits = await db.ledgerEntry.count({ where: { kind: "TOPUP", accountId: { in: [u1.account.id, u2.account.id] } } });
    expect(credits).toBe(1);
    await expectLedgerInvariants(db, [u1.account.id, u2.account.id]);
  });
});
