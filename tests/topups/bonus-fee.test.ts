import { describe, expect, it } from "vitest";
import { testDeps } from "../support/deps.js";
import { ConfigError, loadConfig } from "../../src/config.js";
import { approveTopUp } from "../../src/topups/decide-topup.js";
import { requestTopUp } from "../../src/topups/request-topup.js";
import { buildUser, unique } from "../support/factories.js";
import { expectLedgerInvariants } from "../support/ledger-invariants.js";
import { buildPaymentDevice, startSmsEndpoint } from "../support/payment-factories.js";
import { useTestDb } from "../support/test-db.js";

const { prisma: db } = await useTestDb(10);
const limits = { min: "50", max: "25000" };
const trx = () => unique("BF").replace(/[^A-Za-z0-9]/g, "").slice(-16).toUpperCase();
const lines = async (accountId: number) =>
  (await db.ledgerEntry.findMany({ where: { accountId }, orderBy: { id: "asc" } })).map((e) => [e.kind, e.amount.toFixed(2)]);

describe("per-method bonus or fee on top-ups", () => {
  it("reads TOPUP_ADJUST_PERCENT and STARS_RATE once, refusing bad values with the variable named", () => {
    const config = loadConfig({ TOPUP_ADJUST_PERCENT: "BKASH:2,NAGAD:-1.5", STARS_RATE: "1.25" });
    expect([...config.TOPUP_ADJUST_PERCENT]).toEqual([["BKASH", "2"], ["NAGAD", "-1.5"]]);
    for (const env of [{ TOPUP_ADJUST_PERCENT: "BKASH:60" }, { TOPUP_ADJUST_PERCENT: "PAYPAL:2" }, { TOPUP_ADJUST_PERCENT: "BKASH=2" }, { STARS_RATE: "0" }, { STARS_RATE: "-1" }]) {
      expect(() => loadConfig(env), JSON.stringify(env)).toThrow(ConfigError);
      expect(() => loadConfig(env)).toThrow(Object.keys(env)[0]!);
    }
  });

  it("a bonus is its own ledger line beside the credit; a fee too; none when the method has none", async () => {
    const [a, b, c] = [await buildUser(db), await buildUser(db), await buildUser(db)];
    const admin = { label: "admin", isAdmin: true };
    const bonus = await requestTopUp(testDeps(db), { userId: a.id, method: "BKASH", amount: "500", trxId: trx(), limits, adjustPercent: "2" });
    const fee = await requestTopUp(testDeps(db), { userId: b.id, method: "NAGAD", amount: "333.33", trxId: trx(), limits, adjustPercent: "-1.5" });
    const none = await requestTopUp(testDeps(db), { userId: c.id, method: "ROCKET", amount: "100", trxId: trx(), limits });
    for (const t of [bonus, fee, none]) await approveTopUp(testDeps(db), t.id, admin);
    expect(await lines(a.account.id)).toEqual([["TOPUP", "500.00"], ["TOPUP_BONUS", "10.00"]]);
    expect(await lines(b.account.id)).toEqual([["TOPUP", "333.33"], ["TOPUP_FEE", "-4.99"]]);
    expect(await lines(c.account.id)).toEqual([["TOPUP", "100.00"]]);
    await expectLedgerInvariants(db, [a.account.id, b.account.id, c.account.id]);
  });

  it("an SMS-approved top-up gets the same bonus line, once", async () => {
    const endpoint = await startSmsEndpoint(db);
    const { token } = await buildPaymentDevice(db);
    const user = await buildUser(db);
    const trxId = trx();
    await requestTopUp(testDeps(db), { userId: user.id, method: "BKASH", amount: "1000", trxId, limits, adjustPercent: "2.5" });
    const body = JSON.stringify({ from: "bKash", text: `You have received Tk 1,000.00 from 01712345678. Fee Tk 0.00. Balance Tk 1,200.00. TrxID ${trxId} at 08/06/2026 14:32` });
    for (let i = 0; i < 3; i++) await endpoint.post({ body, headers: { "x-device-token": token } });
    expect(await lines(user.account.id)).toEqual([["TOPUP", "1000.00"], ["TOPUP_BONUS", "25.00"]]);
    await expectLedgerInvariants(db, [user.account.id]);
  });
});
