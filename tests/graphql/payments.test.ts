import { beforeAll, describe, expect, it } from "vitest";
import { testDeps } from "../support/deps.js";
import { hashDeviceToken } from "../../src/payments/devices.js";
import { requestTopUp } from "../../src/topups/request-topup.js";
import { buildUser, unique } from "../support/factories.js";
import { buildCaller, graphqlFor, type Caller } from "../support/graphql-factories.js";
import { startSmsEndpoint } from "../support/payment-factories.js";
import { useTestDb } from "../support/test-db.js";

const { prisma: db } = await useTestDb(10);
const { gql } = graphqlFor(db, { rateLimitPerMinute: 10_000 });
const endpoint = await startSmsEndpoint(db);
let admin: Caller;
let reseller: Caller;

beforeAll(async () => {
  admin = await buildCaller(db, "ADMIN", "pay-admin");
  reseller = await buildCaller(db, "RESELLER", "pay-reseller");
});

const REGISTER = `mutation($m: [TopUpMethod!]!, $n: String!) { registerPaymentDevice(name: "Shop phone", methods: $m, shopNumber: $n) {
  __typename ... on MutationRegisterPaymentDeviceSuccess { data { token device { id name methods shopNumber revokedAt } } } ... on ValidationError { field code } } }`;

describe("payment devices and the SMS log over GraphQL", () => {
  it("registers a device (token once, stored hashed, audited), lists it without the token, revokes it; others cannot", async () => {
    const res = await gql(admin, REGISTER, { m: ["BKASH", "NAGAD"], n: "01712-345678" });
    const { token, device } = res.body.data.registerPaymentDevice.data;
    expect(device).toMatchObject({ name: "Shop phone", methods: ["BKASH", "NAGAD"], shopNumber: "01712345678", revokedAt: null });
    expect(token).toMatch(/^pd_[A-Za-z0-9_-]{43}$/);
    const row = await db.paymentDevice.findUniqueOrThrow({ where: { id: device.id } });
    expect(row.tokenHash).toBe(hashDeviceToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(await db.auditLog.count({ where: { entity: "PaymentDevice", entityId: String(device.id), action: "payment_device.register" } })).toBe(1);

    const list = await gql(admin, `{ paymentDevices { id name } }`);
    expect(JSON.stringify(list.body)).not.toContain(token);
    expect(list.body.data.paymentDevices.map((d: { id: number }) => d.id)).toContain(device.id);

    const bad = await gql(admin, REGISTER, { m: ["STARS"], n: "12345" });
    expect(bad.body.data.registerPaymentDevice).toMatchObject({ __typename: "ValidationError" });
    const denied = await gql(reseller, REGISTER, { m: ["BKASH"], n: "01712345678" });
    expect(denied.body.data?.registerPaymentDevice ?? null).toBeNull();
    expect(await db.paymentDevice.count({ where: { shopNumber: "12345" } })).toBe(0);

    const revoke = await gql(admin, `mutation($id: Int!) { revokePaymentDevice(id: $id) { __typename ... on MutationRevokePaymentDeviceSuccess { data { revokedAt } } } }`, { id: device.id });
    expect(revoke.body.data.revokePaymentDevice.data.revokedAt).not.toBeNull();
    const after = await endpoint.post({ body: JSON.stringify({ from: "bKash", text: "You have received Tk 100.00 from 01712345678. TrxID REVOKED1 at 08/06/2026 14:32" }), headers: { "x-device-token": token } });
    expect(after.status).toBe(401);
  });

  it("filters the SMS log by outcome and shows a mismatched SMS beside its request", async () => {
    const res = await gql(admin, REGISTER, { m: ["BKASH", "NAGAD", "ROCKET"], n: "01812345678" });
    const token = res.body.data.registerPaymentDevice.data.token as string;
    const customer = await buildUser(db);
    const trxId = unique("GQ").replace(/[^A-Za-z0-9]/g, "").slice(-12).toUpperCase();
    const topUp = await requestTopUp(testDeps(db), { userId: customer.id, method: "BKASH", amount: "600", trxId, limits: { min: "50", max: "25000" } });
    const sms = await endpoint.post({ body: JSON.stringify({ from: "bKash", text: `You have received Tk 500.00 from 01712345678. Fee Tk 0.00. Balance Tk 1,200.00. TrxID ${trxId} at 08/06/2026 14:32` }), headers: { "x-device-token": token } });
    expect(sms.json).toMatchObject({ outcome: "MISMATCH", reason: "amount_mismatch", topUpId: topUp.id });

    const log = await gql(admin, `{ paymentSms(outcome: [MISMATCH], first: 20) { edges { node { id outcome amount trxId topUp { id amount status } } } } }`);
    const nodes = log.body.data.paymentSms.edges.map((e: { node: unknown }) => e.node);
    expect(nodes.every((n: { outcome: string }) => n.outcome === "MISMATCH")).toBe(true);
    expect(nodes).toContainEqual({ id: sms.json.id, outcome: "MISMATCH", amount: "500", trxId, topUp: { id: topUp.id, amount: "600", status: "PENDING" } });
    const beside = await gql(admin, `query($u: Int) { topUps(userId: $u, first: 5) { edges { node { id paymentSms { id amount } } } } }`, { u: customer.id });
    const node = beside.body.data.topUps.edges.map((e: { node: { id: number } }) => e.node).find((n: { id: number }) => n.id === topUp.id);
    expect(node.paymentSms).toEqual([{ id: sms.json.id, amount: "500" }]);
    const hidden = await gql(reseller, `{ paymentSms(first: 5) { edges { node { id } } } }`);
    expect(hidden.body.data?.paymentSms ?? null).toBeNull();
  });
});
