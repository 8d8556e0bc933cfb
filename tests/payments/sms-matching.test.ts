import type { TopUpMethod } from "@prisma/client";
import { describe, expect, it } from "vitest";
import { testDeps } from "../support/deps.js";
import { approveTopUp } from "../../src/topups/decide-topup.js";
import { requestTopUp } from "../../src/topups/request-topup.js";
import { ConflictError } from "../../src/shared/errors.js";
import { buildUser, unique, type UserWithAccount } from "../support/factories.js";
import { expectLedgerInvariants } from "../support/ledger-invariants.js";
import { buildPaymentDevice, startSmsEndpoint } from "../support/payment-factories.js";
import { useTestDb } from "../support/test-db.js";

const { prisma: db } = await useTestDb(20);
const endpoint = await startSmsEndpoint(db);
const { token } = await buildPaymentDevice(db);
const limits = { min: "50", max: "25000" };
const METHODS: TopUpMethod[] = ["BKASH", "NAGAD", "ROCKET"];
const runTag = unique("").replace(/[^A-Za-z0-9]/g, "").slice(-8).toUpperCase();

/** A small seeded generator: the same shuffle every run, so a failure can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const grouped = (amount: string) => Number(amount).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The service's own text for money in (formats from the corpus: S2 bKash, S2 Nagad, S2 Rocket). */
function smsFor(method: TopUpMethod, amount: string, trxId: string): { from: string; text: string } {
  if (method === "BKASH") return { from: "bKash", text: `You have received Tk ${grouped(amount)} from 01712345678. Fee Tk 0.00. Balance Tk 9,200.00. TrxID ${trxId} at 08/06/2026 14:32` };
  if (method === "NAGAD") return { from: "NAGAD", text: `Money Received.\nAmount: Tk ${grouped(amount)}\nSender: 01634358056\nRef: N/A\nTxnID: ${trxId}\nBalance: Tk 1289.43\n08/06/2026 19:00` };
  return { from: "16216", text: `Tk${grouped(amount)} received from A/C:***515 Fee:Tk0, Your A/C Balance: Tk1,145.85 TxnId:${trxId} Date:08-JUN-26 06:21:43 am.` };
}

async function inBatches<T>(items: T[], size: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

interface Case {
  user: UserWithAccount;
  method: TopUpMethod;
  amount: string;
  smsAmount: string;
  trxId: string;
}

describe("matching forwarded SMS with top-up requests (real PostgreSQL server)", () => {
  it("100 request-then-SMS and 100 SMS-then-request, each SMS twice in random order, 10 amount mismatches, 5 TrxIDs claimed twice → exactly the right credits", { timeout: 600_000 }, async () => {
    const random = rng(20261129);
    const makeCase = async (i: number, group: string): Promise<Case> => {
      const amount = (50 + Math.floor(random() * 495_000) / 100).toFixed(2);
      return { user: await buildUser(db), method: METHODS[i % 3]!, amount, smsAmount: amount, trxId: `${group}${runTag}${String(i).padStart(3, "0")}` };
    };
    const first: Case[] = [];
    const later: Case[] = [];
    for (let i = 0; i < 100; i++) first.push(await makeCase(i, "A"));
    for (let i = 0; i < 100; i++) later.push(await makeCase(i, "B"));
    // Ten of the request-first customers typed an amount other than what they sent.
    const mismatched = first.filter((_, i) => i % 10 === 3);
    for (const c of mismatched) c.smsAmount = (Number(c.amount) + 1).toFixed(2);

    // 1. Requests first.
    await inBatches(first, 10, (c) => requestTopUp(testDeps(db), { userId: c.user.id, method: c.method, amount: c.amount, trxId: c.trxId, limits }));
    // 2. Every SMS (both groups) forwarded twice, shuffled, 8 at a time.
    const posts = [...first, ...later].flatMap((c) => [c, c]).map((c) => ({ c, r: random() })).sort((a, b) => a.r - b.r).map((x) => x.c);
    const answers: number[] = [];
    await inBatches(posts, 8, async (c) => {
      const res = await endpoint.post({ body: JSON.stringify(smsFor(c.method, c.smsAmount, c.trxId)), headers: { "x-device-token": token } });
      answers.push(res.status);
    });
    expect(answers.filter((s) => s !== 200)).toEqual([]);
    // 3. Then the SMS-first customers ask; five of their TrxIDs are claimed at the same moment by a second customer.
    const rivals = new Map<string, UserWithAccount>();
    for (const c of later.slice(0, 5)) rivals.set(c.trxId, await buildUser(db));
    const claims = later.flatMap((c) => {
      const rival = rivals.get(c.trxId);
      return rival ? [{ ...c, user: rival }, c] : [c];
    });
    const refused: string[] = [];
    await inBatches(claims, 10, async (c) => {
      try {
        await requestTopUp(testDeps(db), { userId: c.user.id, method: c.method, amount: c.amount, trxId: c.trxId, limits });
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        refused.push(c.trxId);
      }
    });
    expect(refused.sort()).toEqual([...rivals.keys()].sort());

    // Every case's TrxID: one request, one SMS row, and a credit only on an exact match.
    const trxIds = [...first, ...later].map((c) => c.trxId);
    const topUps = await db.topUp.findMany({ where: { trxId: { in: trxIds } }, include: { ledgerEntry: true } });
    const smsRows = await db.paymentSms.findMany({ where: { trxId: { in: trxIds } } });
    const count = <T,>(xs: T[], key: (x: T) => string) => xs.reduce<Record<string, number>>((m, x) => ({ ...m, [key(x)]: (m[key(x)] ?? 0) + 1 }), {});
    expect(topUps.length).toBe(200);
    expect(count(topUps, (t) => t.status)).toEqual({ APPROVED: 190, PENDING: 10 });
    expect(count(smsRows, (s) => s.outcome)).toEqual({ CREDITED: 190, MISMATCH: 10 });
    expect(smsRows.every((s) => s.topUpId === topUps.find((t) => t.trxId === s.trxId)!.id)).toBe(true);
    expect(topUps.filter((t) => t.status === "PENDING").map((t) => t.trxId).sort()).toEqual(mismatched.map((c) => c.trxId).sort());
    expect(topUps.filter((t) => t.status === "APPROVED").every((t) => t.ledgerEntry?.amount.equals(t.amount))).toBe(true);

    // Balances: the customer whose request matched has exactly the amount; everyone else nothing.
    const everyone = [...first, ...later].map((c) => c.user).concat([...rivals.values()]);
    const accounts = await db.account.findMany({ where: { id: { in: everyone.map((u) => u.account.id) } } });
    const balanceOf = new Map(accounts.map((a) => [a.id, a.balance.toFixed(2)]));
    const expected = new Map(everyone.map((u) => [u.account.id, "0.00"]));
    for (const t of topUps) if (t.status === "APPROVED") expected.set(t.accountId, t.amount.toFixed(2));
    expect(Object.fromEntries(balanceOf)).toEqual(Object.fromEntries(expected));
    expect(await db.outbox.count({ where: { kind: "notify-admin-payment", dedupeKey: { in: topUps.map((t) => `topup-auto:${t.id}`) } } })).toBe(190);
    expect(await db.outbox.count({ where: { kind: "notify-customer-topup", dedupeKey: { in: topUps.map((t) => `topup-decided:${t.id}`) } } })).toBe(190);
    await expectLedgerInvariants(db, everyone.map((u) => u.account.id));

    // A mismatch stays with the admin (SMS beside the request); manual approval still credits once.
    const waiting = topUps.find((t) => t.status === "PENDING")!;
    await approveTopUp(testDeps(db), waiting.id, { label: "admin", isAdmin: true });
    expect((await db.account.findUniqueOrThrow({ where: { id: waiting.accountId } })).balance.toFixed(2)).toBe(waiting.amount.toFixed(2));
    await expectLedgerInvariants(db, [waiting.accountId]);
  });

  it("an SMS and its request arriving at the same moment still meet: one credit", async () => {
    for (let round = 0; round < 10; round++) {
      const user = await buildUser(db);
      const trxId = `R${runTag}${round}`;
      const sms = smsFor("BKASH", "750.00", trxId);
      await Promise.all([
        endpoint.post({ body: JSON.stringify(sms), headers: { authorization: `Bearer ${token}` } }),
        requestTopUp(testDeps(db), { userId: user.id, method: "BKASH", amount: "750", trxId, limits }),
        endpoint.post({ body: JSON.stringify(sms), headers: { authorization: `Bearer ${token}` } }),
      ]);
      const topUp = await db.topUp.findUniqueOrThrow({ where: { trxId } });
      expect([topUp.status, (await db.account.findUniqueOrThrow({ where: { id: user.account.id } })).balance.toFixed(2)]).toEqual(["APPROVED", "750.00"]);
    }
  });

  it("an SMS for a request already decided by an admin, or with another method, never credits", async () => {
    const user = await buildUser(db);
    const decided = await requestTopUp(testDeps(db), { userId: user.id, method: "NAGAD", amount: "300", trxId: `D${runTag}1`, limits });
    await approveTopUp(testDeps(db), decided.id, { label: "admin", isAdmin: true });
    const other = await requestTopUp(testDeps(db), { userId: user.id, method: "BKASH", amount: "300", trxId: `D${runTag}2`, limits });
    const a = await endpoint.post({ body: JSON.stringify(smsFor("NAGAD", "300", decided.trxId)), headers: { authorization: `Bearer ${token}` } });
    const b = await endpoint.post({ body: JSON.stringify(smsFor("NAGAD", "300", other.trxId)), headers: { authorization: `Bearer ${token}` } });
    expect([a.json.outcome, a.json.reason, b.json.outcome, b.json.reason]).toEqual(["ALREADY_DECIDED", "request_approved", "MISMATCH", "method_mismatch"]);
    expect((await db.account.findUniqueOrThrow({ where: { id: user.account.id } })).balance.toFixed(2)).toBe("300.00");
    await expectLedgerInvariants(db, [user.account.id]);
  });
});
