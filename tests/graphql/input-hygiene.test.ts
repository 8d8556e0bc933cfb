// The audit's untyped errors: NUL bytes in a note, a name, extra.comments and a search, and a
// numeric search too large for a Telegram id, answered INTERNAL with an error-level stack trace.
// Now: a validation error naming the field, nothing written, nothing logged at error level.
import { describe, expect, it, vi } from "vitest";
import { buildService, buildUser } from "../support/factories.js";
import { buildCaller, graphqlFor } from "../support/graphql-factories.js";
import { buildTestBot, callbackUpdate, textUpdate, tgUser } from "../support/bot-factories.js";
import { useTestDb } from "../support/test-db.js";

const { prisma: db } = await useTestDb();

function spiedGraphql() {
  const g = graphqlFor(db, { rateLimitPerMinute: 10_000 });
  const errors = vi.spyOn(g.deps.logger, "error");
  return { ...g, errors };
}

describe("GraphQL input hygiene", () => {
  it("refuses NUL and control characters in variables and literals with VALIDATION_ERROR naming the field; no INTERNAL, no error log, no write", async () => {
    const { gql, errors } = spiedGraphql();
    const admin = await buildCaller(db, "ADMIN", "hyg-admin");
    const reseller = await buildCaller(db, "RESELLER", "hyg-res", "500");
    const service = await buildService(db, { price: "100", type: "Custom Comments" });
    const cases: [string, Awaited<ReturnType<typeof gql>>][] = [
      ["note", await gql(admin, `mutation($a: Int!, $n: String!) { adjustBalance(accountId: $a, amount: "5", note: $n) { __typename } }`, { a: reseller.user.account.id, n: "bonus\u0000" })],
      ["input.nameEn", await gql(admin, `mutation($i: CategoryInput!) { createCategory(input: $i) { __typename } }`, { i: { nameBn: "x", nameEn: "Hyg\u0000iene" } })],
      ["input.nameEn", await gql(admin, `mutation { createCategory(input: { nameBn: "x", nameEn: "Hyg\\u0007iene" }) { __typename } }`)],
      ["input.extra.comments", await gql(reseller, `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { __typename } }`, { i: { serviceId: service.id, link: "https://instagram.com/p/abc", quantity: 2, extra: { comments: "nice\nwow\u0000" } } })],
      ["search", await gql(admin, `query($s: String) { users(first: 1, search: $s) { totalCount } }`, { s: "rahim\u0000" })],
    ];
    for (const [field, res] of cases) {
      expect(res.body.errors?.[0]?.extensions, field).toMatchObject({ code: "VALIDATION_ERROR", field });
      expect(res.body.data ?? null).toBeNull();
    }
    expect(errors).not.toHaveBeenCalled();
    expect(await db.category.count({ where: { nameBn: "x", nameEn: { startsWith: "Hyg" } } })).toBe(0);
    expect(await db.order.count({ where: { userId: reseller.user.id } })).toBe(0);
    expect((await db.account.findUniqueOrThrow({ where: { id: reseller.user.account.id } })).balance.toString()).toBe("500");
  });

  it("keeps line breaks where text is free", async () => {
    const { gql } = spiedGraphql();
    const admin = await buildCaller(db, "ADMIN", "hyg-admin2");
    const user = await buildUser(db);
    const res = await gql(admin, `mutation($a: Int!, $n: String!) { adjustBalance(accountId: $a, amount: "5", note: $n) { __typename } }`, { a: user.account.id, n: "line one\nline two\ttab" });
    expect(res.body.data?.adjustBalance.__typename).toBe("MutationAdjustBalanceSuccess");
  });

  it("answers a numeric search too large for a Telegram id, and a 20-digit group chat id, as VALIDATION_ERROR / ValidationError", async () => {
    const { gql, errors } = spiedGraphql();
    const admin = await buildCaller(db, "ADMIN", "hyg-admin3");
    const search = await gql(admin, `{ users(first: 1, search: "99999999999999999999") { totalCount } }`);
    expect(search.body.errors?.[0]?.extensions).toMatchObject({ code: "VALIDATION_ERROR", field: "search" });
    const fits = await gql(admin, `{ users(first: 1, search: "9007199254740991") { totalCount } }`);
    expect(fits.body.data?.users.totalCount).toBe(0);
    const group = await gql(admin, `mutation { registerGroup(chatId: "-99999999999999999999", rate: "1", creditLimit: "0") { __typename ... on ValidationError { field } } }`);
    expect(group.body.data?.registerGroup).toEqual({ __typename: "ValidationError", field: "chatId" });
    expect(errors).not.toHaveBeenCalled();
  });
});

describe("bot input hygiene", () => {
  it("answers a message or a button with control characters in the customer's language and changes nothing", async () => {
    const { bot, telegram } = await buildTestBot(db);
    const customer = await buildUser(db, { language: "en" });
    const from = tgUser(customer);
    await bot.handleUpdate(textUpdate(from, "🎫 Support"));
    await bot.handleUpdate(textUpdate(from, "help\u0000me"));
    expect(telegram.texts(from.id).at(-1)).toMatch(/control characters/);
    await bot.handleUpdate(callbackUpdate(from, "tt:\u0000"));
    expect(telegram.callsTo("answerCallbackQuery").at(-1)?.payload.text).toMatch(/control characters/);
    expect(await db.ticket.count({ where: { userId: customer.id } })).toBe(0);
  });

  it("keeps a Telegram first name with control characters, without them", async () => {
    const { bot } = await buildTestBot(db);
    const telegramId = 880_000_000 + Math.floor(Math.random() * 1_000_000);
    await bot.handleUpdate(textUpdate({ id: telegramId, is_bot: false, first_name: "Ra\u0000him\u0007" } as never, "/start"));
    expect((await db.user.findUniqueOrThrow({ where: { telegramId: BigInt(telegramId) } })).firstName).toBe("Rahim");
  });
});
