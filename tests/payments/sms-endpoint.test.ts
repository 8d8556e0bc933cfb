import { describe, expect, it } from "vitest";
import { SYSTEM } from "../../src/audit/actor.js";
import { revokePaymentDevice } from "../../src/payments/devices.js";
import { CREDITING, NOT_CREDITING } from "../support/payment-sms-corpus.js";
import { buildPaymentDevice, startSmsEndpoint } from "../support/payment-factories.js";
import { unique } from "../support/factories.js";
import { useTestDb } from "../support/test-db.js";

const { prisma: db } = await useTestDb(10);
const endpoint = await startSmsEndpoint(db);
const { token, device } = await buildPaymentDevice(db);
const auth = { authorization: `Bearer ${token}` };
/** The corpus TrxIDs are shared with other runs on the same database: make them this run's own. */
const tag = unique("").replace(/[^A-Za-z0-9]/g, "").slice(-6).toUpperCase();
const retag = (text: string, trxId: string) => text.replaceAll(trxId, `${trxId.slice(0, 10)}${tag}`);

describe("POST /payments/sms: the corpus through the endpoint", () => {
  it("stores every genuine incoming-money SMS with exactly its fields, credits none without a request", async () => {
    for (const sample of CREDITING) {
      const text = retag(sample.text, sample.expect.trxId);
      const res = await endpoint.post({ body: JSON.stringify({ from: sample.sender, text, sentStamp: 1764450000000, sim: "SIM1" }), headers: auth });
      expect(res.status, sample.source).toBe(200);
      expect(res.json, sample.source).toMatchObject({
        outcome: "UNMATCHED",
        method: sample.expect.method,
        trxId: `${sample.expect.trxId.slice(0, 10)}${tag}`,
        amount: Number(sample.expect.amount).toFixed(2),
        replay: false,
      });
      const row = await db.paymentSms.findUniqueOrThrow({ where: { id: res.json.id } });
      expect({ kind: row.kind, counterparty: row.counterparty, printedTime: row.printedTime, deviceId: row.deviceId, text: row.text, sim: row.sim }, sample.source).toEqual({
        kind: sample.expect.kind,
        counterparty: sample.expect.counterparty,
        printedTime: sample.expect.printedTime,
        deviceId: device.id,
        text,
        sim: "SIM1",
      });
    }
  });

  it("stores the others as IGNORED with their reason, never keyed by a TrxID", async () => {
    for (const sample of NOT_CREDITING) {
      const text = `${sample.text} ${tag}`;
      const res = await endpoint.post({ body: JSON.stringify({ from: sample.sender, text }), headers: auth });
      expect(res.status, sample.source).toBe(200);
      expect(res.json, sample.source).toMatchObject({ outcome: "IGNORED", reason: sample.reason, trxId: null, topUpId: null });
    }
  });
});

describe("POST /payments/sms: transport", () => {
  const sms = () => `You have received Tk 500.00 from 01712345678. Fee Tk 0.00. Balance Tk 1,200.00. TrxID ${unique("E").replace(/[^A-Za-z0-9]/g, "").slice(-10).toUpperCase()} at 08/06/2026 14:32`;

  it("accepts the token as X-Device-Token, ?token= or a body field, and form bodies as SmsForwarder apps send them", async () => {
    const viaHeader = await endpoint.post({ body: JSON.stringify({ from: "bKash", message: sms(), timestamp: "1764450000" }), headers: { "x-device-token": token } });
    const viaQuery = await endpoint.post({ body: JSON.stringify({ sender: "bKash", body: sms() }), query: `?token=${token}` });
    const form = new URLSearchParams({ from: "bKash", content: sms(), timestamp: "1764450000000", card_slot: "2", token });
    const viaForm = await endpoint.post({ body: form.toString(), headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect([viaHeader.status, viaQuery.status, viaForm.status]).toEqual([200, 200, 200]);
    expect([viaHeader.json.outcome, viaQuery.json.outcome, viaForm.json.outcome]).toEqual(["UNMATCHED", "UNMATCHED", "UNMATCHED"]);
    const rows = await db.paymentSms.findMany({ where: { id: { in: [viaHeader.json.id, viaForm.json.id] } }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.sentAt?.toISOString(), r.sim])).toEqual([["2025-11-29T21:00:00.000Z", null], ["2025-11-29T21:00:00.000Z", "2"]]);
  });

  it("a replayed SMS answers with the first result and stores nothing new", async () => {
    const body = JSON.stringify({ from: "bKash", text: sms() });
    const first = await endpoint.post({ body, headers: auth });
    const again = await Promise.all([1, 2, 3].map(() => endpoint.post({ body, headers: auth })));
    expect(again.map((r) => [r.status, r.json.id, r.json.replay])).toEqual([1, 2, 3].map(() => [200, first.json.id, true]));
    expect(await db.paymentSms.count({ where: { trxId: first.json.trxId } })).toBe(1);
  });

  it("wrong, missing or revoked tokens → 401 and nothing stored", async () => {
    const other = await buildPaymentDevice(db);
    await revokePaymentDevice(db, other.device.id, SYSTEM);
    const text = sms();
    const before = await db.paymentSms.count();
    const answers = await Promise.all([
      endpoint.post({ body: JSON.stringify({ from: "bKash", text }) }),
      endpoint.post({ body: JSON.stringify({ from: "bKash", text }), headers: { authorization: `Bearer ${token}x` } }),
      endpoint.post({ body: JSON.stringify({ from: "bKash", text, token: "pd_" + "A".repeat(43) }) }),
      endpoint.post({ body: JSON.stringify({ from: "bKash", text }), headers: { authorization: `Bearer ${other.token}` } }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401]);
    expect(answers.every((a) => typeof a.json.error === "string" && !JSON.stringify(a.json).includes(token))).toBe(true);
    expect(await db.paymentSms.count({ where: { text } })).toBe(0);
    expect(await db.paymentSms.count()).toBeGreaterThanOrEqual(before);
  });

  it("a body over 16 KiB → 413; bad JSON or missing fields → 400; nothing stored", async () => {
    const text = sms();
    const big = await endpoint.post({ body: JSON.stringify({ from: "bKash", text: text + " ".repeat(17_000) }), headers: auth });
    const bad = await endpoint.post({ body: "{not json", headers: auth });
    const missing = await endpoint.post({ body: JSON.stringify({ from: "bKash" }), headers: auth });
    expect([big.status, bad.status, missing.status]).toEqual([413, 400, 400]);
    expect(await db.paymentSms.count({ where: { text } })).toBe(0);
  });
});
