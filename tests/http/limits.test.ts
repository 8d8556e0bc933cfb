// Body limits enforced while reading and request budgets counted before the body (src/http/limits.ts),
// through real HTTP on 127.0.0.1: GraphQL, the Telegram webhook, /admin and /try.
import { describe, expect, it } from "vitest";
import { webhookRoute } from "../../src/bot/runtime/webhook-route.js";
import { KiB, MiB } from "../../src/http/limits.js";
import { buildTestBot, textUpdate, tgUser } from "../support/bot-factories.js";
import { buildUser } from "../support/factories.js";
import { buildCaller, graphqlFor } from "../support/graphql-factories.js";
import { paddedGraphQLBody, rawRequest, serve } from "../support/http.js";
import { useTestDb } from "../support/test-db.js";

const { prisma: db } = await useTestDb(10);

const SECRET = "webhook-secret-0123456789";
const WEBHOOK_ENV = { WEBHOOK_URL: "https://shop.example.com/telegram/hook", WEBHOOK_SECRET: SECRET };

describe("GraphQL body limit (64 KiB)", () => {
  it("answers 413 for a declared or a chunked body over 64 KiB, and runs one just under it", async () => {
    const { routes } = graphqlFor(db);
    const { url } = await serve(routes);
    const declared = await rawRequest(`${url}/graphql`, { body: paddedGraphQLBody(65 * KiB) });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body).errors[0].extensions.code).toBe("PAYLOAD_TOO_LARGE");
    const chunked = await rawRequest(`${url}/graphql`, { body: paddedGraphQLBody(2 * MiB), chunked: true });
    expect(chunked.status).toBe(413);
    const fits = await rawRequest(`${url}/graphql`, { body: paddedGraphQLBody(63 * KiB) });
    expect(fits.status).toBe(200);
    expect(JSON.parse(fits.body)).toEqual({ data: { __typename: "Query" } });
  });

  it("refuses sub-paths of /graphql", async () => {
    const { routes } = graphqlFor(db);
    const { url } = await serve(routes);
    expect((await rawRequest(`${url}/graphql/x`, { body: paddedGraphQLBody(100) })).status).toBe(404);
  });
});

describe("GraphQL request budget, counted before the body is read", () => {
  it("counts refused, malformed and oversized requests; each key and each address has its own budget", async () => {
    const { routes } = graphqlFor(db, { rateLimitPerMinute: 3 });
    const { url } = await serve(routes);
    const a = await buildCaller(db, "RESELLER", "rl-a");
    const b = await buildCaller(db, "RESELLER", "rl-b");
    const statuses = [
      (await rawRequest(`${url}/graphql`, { headers: a.headers, body: Buffer.from("{not json") })).status,
      (await rawRequest(`${url}/graphql`, { headers: a.headers, body: Buffer.from('{"query":"{ nope }"}') })).status,
      (await rawRequest(`${url}/graphql`, { headers: a.headers, body: paddedGraphQLBody(100 * KiB) })).status,
    ];
    // malformed JSON, an unknown field (a GraphQL error, answered 200), an oversized body
    expect(statuses).toEqual([400, 200, 413]);
    const over = await rawRequest(`${url}/graphql`, { headers: a.headers, body: Buffer.from('{"query":"{ me { id } }"}') });
    expect(over.status).toBe(429);
    expect(over.headers["retry-after"]).toBe("60");
    expect(JSON.parse(over.body).errors[0].extensions.code).toBe("RATE_LIMITED");
    expect((await rawRequest(`${url}/graphql`, { headers: b.headers, body: Buffer.from('{"query":"{ me { id } }"}') })).status).toBe(200);
  });

  it("an address inventing a new key per request still runs out", async () => {
    const { routes } = graphqlFor(db, { rateLimitPerMinute: 2 });
    const { url } = await serve(routes);
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await rawRequest(`${url}/graphql`, { headers: { authorization: `Bearer pb_fake_${i}` }, body: Buffer.from('{"query":"{ __typename }"}') })).status);
    expect(statuses.filter((s) => s === 429)).toHaveLength(2);
  });
});

describe("Telegram webhook (1 MiB, exact path)", () => {
  it("answers a 5 MB body 413 instead of resetting the connection; refuses sub-paths; a normal update is handled", async () => {
    const { bot, deps, telegram } = await buildTestBot(db, WEBHOOK_ENV);
    const { url } = await serve([webhookRoute(deps, bot)]);
    const headers = { "x-telegram-bot-api-secret-token": SECRET };
    const customer = await buildUser(db);
    const huge = Buffer.from(JSON.stringify({ ...textUpdate(tgUser(customer), "/start"), pad: "x".repeat(5_000_000) }));
    expect((await rawRequest(`${url}/telegram/hook`, { headers, body: huge })).status).toBe(413);
    expect((await rawRequest(`${url}/telegram/hook`, { headers, body: huge, chunked: true })).status).toBe(413);
    const update = Buffer.from(JSON.stringify(textUpdate(tgUser(customer), "/start")));
    expect((await rawRequest(`${url}/telegram/hook/extra`, { headers, body: update })).status).toBe(404);
    expect(telegram.callsTo("sendMessage", customer.telegramId!)).toHaveLength(0);
    expect((await rawRequest(`${url}/telegram/hook`, { headers, body: update })).status).toBe(200);
    expect(telegram.callsTo("sendMessage", customer.telegramId!)).toHaveLength(1);
  });
});

describe("/admin/login budget", () => {
  it("answers 429 once an address has spent its budget, bad tokens included", async () => {
    const { routes } = graphqlFor(db);
    const { url } = await serve(routes);
    const statuses: number[] = [];
    for (let i = 0; i < 65; i++) statuses.push((await rawRequest(`${url}/admin/login?token=bad.${i}`, { method: "GET" })).status);
    expect(statuses.slice(0, 60).every((s) => s === 403)).toBe(true);
    expect(statuses.slice(60)).toEqual([429, 429, 429, 429, 429]);
  });
});
