import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/money/decimal.js";
import { post } from "../../src/money/ledger.js";
import { buildUser } from "../support/factories.js";
import { expectLedgerInvariants } from "../support/ledger-invariants.js";
import { buildTestBot, callbackUpdate, nextUpdateId, textUpdate, tgUser, type TgUser } from "../support/bot-factories.js";
import { useTestDb } from "../support/test-db.js";

const { prisma: db } = await useTestDb(10);
const ADMIN_TG = 990_000_000 + (process.pid % 100_000);
const env = { STARS_RATE: "1.5", ADMIN_IDS: String(ADMIN_TG), ADMIN_CHAT_ID: String(ADMIN_TG) };

function preCheckout(from: TgUser, payload: string, total: number, currency = "XTR"): Update {
  return { update_id: nextUpdateId(), pre_checkout_query: { id: String(nextUpdateId()), from: { is_bot: false, ...from }, currency, total_amount: total, invoice_payload: payload } };
}

function paid(from: TgUser, payload: string, total: number, chargeId: string): Update {
  return {
    update_id: nextUpdateId(),
    message: {
      message_id: nextUpdateId() % 1_000_000,
      date: Math.floor(Date.now() / 1000),
      chat: { id: from.id, type: "private", first_name: from.first_name },
      from: { is_bot: false, ...from },
      successful_payment: { currency: "XTR", total_amount: total, invoice_payload: payload, telegram_payment_charge_id: chargeId, provider_payment_charge_id: "" },
    },
  } as Update;
}

async function invoiceFor(test: Awaited<ReturnType<typeof buildTestBot>>, from: TgUser, amount: string) {
  await test.bot.handleUpdate(textUpdate(from, "/topup"));
  await test.bot.handleUpdate(callbackUpdate(from, "tm:STARS"));
  await test.bot.handleUpdate(textUpdate(from, amount));
  const call = test.telegram.callsTo("sendInvoice", from.id).at(-1);
  expect(call, "an invoice was sent").toBeDefined();
  return call!.payload as { currency: string; payload: string; prices: { amount: number }[]; provider_token?: string };
}

describe("Telegram Stars top-up through the bot", () => {
  it("invoice in XTR at the configured rate → pre-checkout ok → the payment ×5 credits once → refund debits once", async () => {
    const test = await buildTestBot(db, env);
    const customer = await buildUser(db, { language: "en" });
    const from = tgUser(customer);
    const invoice = await invoiceFor(test, from, "150");
    expect({ currency: invoice.currency, prices: invoice.prices.map((p) => p.amount), token: invoice.provider_token ?? "" }).toEqual({ currency: "XTR", prices: [100], token: "" });

    await test.bot.handleUpdate(preCheckout(from, invoice.payload, 100));
    expect(test.telegram.callsTo("answerPreCheckoutQuery").at(-1)!.payload).toMatchObject({ ok: true });

    const chargeId = `stxCHARGE${nextUpdateId()}`;
    const update = paid(from, invoice.payload, 100, chargeId);
    for (let i = 0; i < 5; i++) await test.bot.handleUpdate({ ...update, update_id: i === 1 ? update.update_id : nextUpdateId() });
    const topUps = await db.topUp.findMany({ where: { userId: customer.id } });
    expect(topUps.map((t) => [t.method, t.status, t.amount.toFixed(2), t.stars, t.trxId])).toEqual([["STARS", "APPROVED", "150.00", 100, chargeId]]);
    expect((await db.account.findUniqueOrThrow({ where: { id: customer.account.id } })).balance.toFixed(2)).toBe("150.00");
    expect(test.telegram.texts(from.id).filter((t) => t.includes("approved"))).toHaveLength(1);

    // The admin refunds it: Telegram is asked once, the balance is debited once.
    const admin = { id: ADMIN_TG, first_name: "Admin" };
    await test.bot.handleUpdate(textUpdate(admin, `/refundstars ${topUps[0]!.id}`));
    await test.bot.handleUpdate(textUpdate(admin, `/refundstars ${topUps[0]!.id}`));
    expect(test.telegram.callsTo("refundStarPayment").map((c) => c.payload)).toEqual([{ user_id: from.id, telegram_payment_charge_id: chargeId }]);
    const entries = await db.ledgerEntry.findMany({ where: { accountId: customer.account.id }, orderBy: { id: "asc" } });
    expect(entries.map((e) => [e.kind, e.amount.toFixed(2)])).toEqual([["TOPUP", "150.00"], ["ADJUSTMENT", "-150.00"]]);
    expect(test.errors).toEqual([]);
    await expectLedgerInvariants(db, [customer.account.id]);
  });

  it("pre-checkout refuses a changed amount, another customer's invoice, another currency and a blocked customer", async () => {
    const test = await buildTestBot(db, env);
    const customer = await buildUser(db, { language: "en" });
    const stranger = await buildUser(db);
    const from = tgUser(customer);
    const invoice = await invoiceFor(test, from, "300");
    const answers = async (u: Update) => {
      await test.bot.handleUpdate(u);
      return test.telegram.callsTo("answerPreCheckoutQuery").at(-1)!.payload as { ok: boolean; error_message?: string };
    };
    expect(await answers(preCheckout(from, invoice.payload, 50))).toMatchObject({ ok: false });
    expect(await answers(preCheckout(tgUser(stranger), invoice.payload, 200))).toMatchObject({ ok: false });
    expect(await answers(preCheckout(from, invoice.payload, 200, "USD"))).toMatchObject({ ok: false });
    await db.user.update({ where: { id: customer.id }, data: { blocked: true } });
    const blocked = await answers(preCheckout(from, invoice.payload, 200));
    expect(blocked.ok).toBe(false);
    expect(blocked.error_message).toMatch(/\S/);
    expect(await db.topUp.count({ where: { userId: customer.id } })).toBe(0);
  });

  it("a refund the balance no longer covers is refused: no debit, Telegram not asked", async () => {
    const test = await buildTestBot(db, env);
    const customer = await buildUser(db);
    const from = tgUser(customer);
    const invoice = await invoiceFor(test, from, "90");
    await test.bot.handleUpdate(paid(from, invoice.payload, 60, `stxSPENT${nextUpdateId()}`));
    const topUp = await db.topUp.findFirstOrThrow({ where: { userId: customer.id } });
    await db.$transaction((tx) => post(tx, { accountId: customer.account.id, amount: new Decimal("-50"), kind: "ADJUSTMENT", note: "spent" }));
    await test.bot.handleUpdate(textUpdate({ id: ADMIN_TG, first_name: "Admin" }, `/refundstars ${topUp.id}`));
    expect(test.telegram.callsTo("refundStarPayment")).toEqual([]);
    expect((await db.account.findUniqueOrThrow({ where: { id: customer.account.id } })).balance.toFixed(2)).toBe("40.00");
    expect((await db.topUp.findUniqueOrThrow({ where: { id: topUp.id } })).refundedAt).toBeNull();
    await expectLedgerInvariants(db, [customer.account.id]);
  });
});
