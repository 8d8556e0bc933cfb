// Body limits enforced while reading and request budgets counted before the body (src/http/limits.ts),
// through real HTTP on 127.0.0.1: GraphQL, the Telegram webhook, /admin and /try.
import { connect, type Socket } from "node:net";
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

/** The server side of each connection, to read how many bytes the server took off the wire. */
function serverSockets(server: import("node:http").Server): Socket[] {
  const sockets: Socket[] = [];
  server.on("connection", (s: Socket) => sockets.push(s));
  return sockets;
}
const closed = (s: Socket) => (s.destroyed ? Promise.resolve() : new Promise<void>((r) => s.once("close", () => r())));

describe("an oversized body is refused without being read", () => {
  it("a declared 20 MiB body: 413 with Connection: close as soon as the headers are in, then the server closes (no body byte needed)", async () => {
    const { routes } = graphqlFor(db);
    const { server, url } = await serve(routes);
    const { port } = new URL(url);
    // Only the headers are sent; the body never comes. The server answers and closes by itself.
    const client = connect(Number(port), "127.0.0.1");
    let answer = "";
    client.on("data", (d: Buffer) => (answer += d.toString("latin1")));
    client.write(`POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${20 * MiB}\r\n\r\n`);
    await new Promise<void>((resolve, reject) => {
      client.once("end", () => resolve());
      client.once("error", reject);
    });
    client.destroy();
    expect(answer.split("\r\n")[0]).toBe("HTTP/1.1 413 Payload Too Large");
    expect(answer.toLowerCase()).toContain("\r\nconnection: close\r\n");
    expect(JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4)).errors[0].extensions.code).toBe("PAYLOAD_TOO_LARGE");
    expect(server.listening).toBe(true);
  });

  it("a declared and a chunked 20 MiB body from a client that keeps sending: the server answers, closes, and reads far less than the body", async () => {
    const { routes } = graphqlFor(db);
    const { server, url } = await serve(routes);
    const sockets = serverSockets(server);
    const body = paddedGraphQLBody(20 * MiB);
    for (const chunked of [false, true]) {
      const framing = chunked ? "Transfer-Encoding: chunked" : `Content-Length: ${body.length}`;
      const client = connect(Number(new URL(url).port), "127.0.0.1");
      let answer = "";
      client.on("data", (d: Buffer) => (answer += d.toString("latin1")));
      // The server's close shows up here as EPIPE / ECONNRESET on the writes still under way.
      client.on("error", () => {});
      client.write(`POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n${framing}\r\n\r\n`);
      client.write(chunked ? Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from("\r\n0\r\n\r\n")]) : body);
      client.end();
      await new Promise<void>((r) => client.once("close", () => r()));
      await closed(sockets.at(-1)!);
      expect(answer.split("\r\n")[0], `chunked=${chunked}`).toBe("HTTP/1.1 413 Payload Too Large");
      // Draining would take all 20 MiB off the wire; closing takes only what was in flight.
      expect(sockets.at(-1)!.bytesRead, `chunked=${chunked}: bytes the server read`).toBeLessThan(10 * MiB);
    }
    // The connection is closed, the server is not: a normal request on a new connection works.
    expect((await rawRequest(`${url}/graphql`, { body: Buffer.from('{"query":"{ __typename }"}') })).status).toBe(200);
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
