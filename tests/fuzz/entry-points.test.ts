// The same fuzzed texts through the entry points: the bot (order link and quantity, top-up amount
// and TrxID, ticket order ids, mass-order lines, group `.N`) and GraphQL inputs. Nothing crashes
// (no error-level log, never INTERNAL) and a refusal changes nothing (no order, no top-up, no ticket,
// balances as before).
import { vi, describe, expect, it } from "vitest";
import { buildService, buildUser } from "../support/factories.js";
import { buildCaller, graphqlFor } from "../support/graphql-factories.js";
import { buildTestBot, buttonData, callbackUpdate, testChatId, textUpdate, tgUser } from "../support/bot-factories.js";
import { expectLedgerInvariants } from "../support/ledger-invariants.js";
import { fc, fuzzParams, trickyText } from "../support/fuzz.js";
import { useTestDb } from "../support/test-db.js";

const { prisma: db } = await useTestDb(10);

const balanceOf = async (accountId: number) => (await db.account.findUniqueOrThrow({ where: { id: accountId } })).balance.toString();

describe("bot fuzz", () => {
  it("order link and quantity, top-up amount and TrxID, ticket ids and mass-order lines: no crash, nothing written on refusal", async () => {
    const { bot, telegram, errors } = await buildTestBot(db);
    const service = await buildService(db, { price: "100", min: 100, max: 5000, platform: "instagram" });
    const customer = await buildUser(db, { balance: "1000", language: "en" });
    const from = tgUser(customer);
    const send = (text: string) => bot.handleUpdate(textUpdate(from, text));
    const press = (data: string) => bot.handleUpdate(callbackUpdate(from, data));
    await fc.assert(
      fc.asyncProperty(trickyText, trickyText, async (a, b) => {
        await send("/start");
        await send("🛒 Services");
        await press(`cat:${service.categoryId}:0`);
        await press(`svc:${service.id}`);
        await press(buttonData(telegram, from.id, /^ord:/));
        await send(a);
        await send(b);
        await send("/start");
        await send("/topup");
        await press("tm:BKASH");
        await send(a);
        await send(b);
        await send("/start");
        await send("/support");
        await press("tt:CANCEL");
        await send(a);
        await send("/start");
        await send("/mass");
        await send(`${service.id} | ${a} | ${b}\n${a}|${b}`);
        await send("/start");
      }),
      fuzzParams(12),
    );
    expect(errors).toEqual([]);
    // A valid mass line or order needs a Confirm or a well-formed line the fuzzer is unlikely to make;
    // whatever it did make must be a whole, valid order paid through the ledger.
    const orders = await db.order.findMany({ where: { userId: customer.id } });
    for (const o of orders) expect(o.quantity >= 100 && o.quantity <= 5000 && o.link.startsWith("http")).toBe(true);
    await expectLedgerInvariants(db, [customer.account.id]);
    const topUps = await db.topUp.findMany({ where: { userId: customer.id } });
    for (const t of topUps) expect(t.trxId).toMatch(/^[A-Z0-9]{6,20}$/);
  }, 240_000);

  it("group `.N` with fuzzed N: only clean in-range quantities become orders, billed to the group", async () => {
    const admin = await buildUser(db, { role: "ADMIN" });
    const { bot, errors } = await buildTestBot(db, { ADMIN_IDS: String(admin.telegramId) });
    const diamonds = await buildService(db, { mode: "MANUAL", linkKind: "UID", platform: "freefire", priceUnit: "PER_UNIT", price: "0.85", min: 1, max: 100000 });
    const groupChat = { id: testChatId(), type: "supergroup" as const, title: "Fuzz shop" };
    await bot.handleUpdate(textUpdate(tgUser(admin), `/registergroup 1.20 5000 ${diamonds.id}`, groupChat));
    const member = await buildUser(db);
    const sent: string[] = [];
    await fc.assert(
      fc.asyncProperty(trickyText, async (n) => {
        sent.push(`.${n}`);
        await bot.handleUpdate(textUpdate(tgUser(member), `.${n}`, groupChat));
      }),
      fuzzParams(40),
    );
    expect(errors).toEqual([]);
    const clean = new Set(sent.filter((t) => /^\.[1-9][0-9]{0,8}$/.test(t)).map((t) => Number(t.slice(1))));
    const orders = await db.order.findMany({ where: { groupChatId: BigInt(groupChat.id) } });
    for (const o of orders) expect(clean.has(o.quantity)).toBe(true);
    const group = await db.group.findUniqueOrThrow({ where: { chatId: BigInt(groupChat.id) } });
    await expectLedgerInvariants(db, [group.accountId]);
  }, 120_000);
});

describe("GraphQL fuzz", () => {
  it("placeOrder, adjustBalance, createCategory and users(search) with fuzzed inputs: never INTERNAL, nothing written on refusal", async () => {
    const g = graphqlFor(db, { rateLimitPerMinute: 1_000_000 });
    const logged = vi.spyOn(g.deps.logger, "error");
    const admin = await buildCaller(db, "ADMIN", "fuzz-admin");
    const reseller = await buildCaller(db, "RESELLER", "fuzz-res", "1000");
    const service = await buildService(db, { price: "100", min: 100, max: 5000, type: "Custom Comments" });
    const codes = new Set<string>();
    const check = (res: Awaited<ReturnType<typeof g.gql>>) => {
      for (const e of res.body.errors ?? []) codes.add(String(e.extensions?.code));
      expect(res.body.errors?.map((e) => e.extensions?.code) ?? []).not.toContain("INTERNAL");
    };
    await fc.assert(
      fc.asyncProperty(trickyText, fc.integer(), fc.jsonValue({ maxDepth: 2 }), trickyText, async (text, quantity, extra, other) => {
        const ordersBefore = await db.order.count({ where: { userId: reseller.user.id } });
        const balanceBefore = await balanceOf(reseller.user.account.id);
        const placed = await g.gql(reseller, `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { __typename } }`, { i: { serviceId: service.id, link: text, quantity, extra: { comments: other, junk: extra } } });
        check(placed);
        if (placed.body.data?.placeOrder?.__typename !== "MutationPlaceOrderSuccess") {
          expect(await db.order.count({ where: { userId: reseller.user.id } })).toBe(ordersBefore);
          expect(await balanceOf(reseller.user.account.id)).toBe(balanceBefore);
        }
        const entriesBefore = await db.ledgerEntry.count({ where: { accountId: reseller.user.account.id } });
        const adjusted = await g.gql(admin, `mutation($a: Int!, $m: String!, $n: String!) { adjustBalance(accountId: $a, amount: $m, note: $n) { __typename } }`, { a: reseller.user.account.id, m: other, n: text });
        check(adjusted);
        if (adjusted.body.data?.adjustBalance?.__typename !== "MutationAdjustBalanceSuccess") {
          expect(await db.ledgerEntry.count({ where: { accountId: reseller.user.account.id } })).toBe(entriesBefore);
        }
        check(await g.gql(admin, `mutation($i: CategoryInput!) { createCategory(input: $i) { __typename } }`, { i: { nameBn: text, nameEn: other } }));
        check(await g.gql(admin, `query($s: String) { users(first: 1, search: $s) { totalCount } }`, { s: text }));
      }),
      fuzzParams(60),
    );
    expect(logged).not.toHaveBeenCalled();
    await expectLedgerInvariants(db, [reseller.user.account.id]);
    console.info(`[fuzz] GraphQL error codes seen: ${[...codes].sort().join(", ")}`);
  }, 240_000);
});
