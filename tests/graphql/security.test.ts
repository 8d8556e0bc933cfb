import { Prisma } from "@prisma/client";
import { beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../src/db/client.js";
import { openSession } from "../../src/auth/session.js";
import { buildCaller, graphqlFor, type Caller } from "../support/graphql-factories.js";
import { testDeps } from "../support/deps.js";
import { useTestDb } from "../support/test-db.js";

const { prisma: db } = await useTestDb();
const { gql, yoga, deps } = graphqlFor(db);
let admin: Caller & { key: string; user: { id: number } };

beforeAll(async () => {
  admin = await buildCaller(db, "ADMIN", "sec-admin");
});

const LEAKS = /prisma|postgres|ECONNREFUSED|SELECT|invocation|\bat \w|\.ts:\d|stack|node_modules/i;

describe("query limits", () => {
  it("accepts depth 7 and refuses depth 8", async () => {
    const depth7 = "{ orders(first: 1) { nodes { user { account { entries(first: 1) { nodes { id } } } } } } }";
    const depth8 = "{ orders(first: 1) { nodes { user { account { entries(first: 1) { edges { node { id } } } } } } } }";
    expect((await gql(admin, depth7)).body.errors).toBeUndefined();
    const refused = await gql(admin, depth8);
    expect(refused.body.data).toBeUndefined();
    expect(refused.body.errors?.[0]?.message).toMatch(/depth/i);
  });

  it("accepts 16 aliases and refuses 17", async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: me { id }`).join(" ")} }`;
    expect((await gql(admin, aliases(16))).body.errors).toBeUndefined();
    const refused = await gql(admin, aliases(17));
    expect(refused.body.errors?.[0]?.message).toMatch(/alias/i);
  });

  it("refuses a query over the cost limit", async () => {
    const heavy = `{ ${Array.from({ length: 12 }, (_, i) => `o${i}: orders(first: 100) { nodes { id status link user { id username account { id balance } } service { id nameEn category { id nameEn } provider { id name } } provider { id name } } }`).join(" ")} }`;
    const refused = await gql(admin, heavy);
    expect(refused.body.data).toBeUndefined();
    expect(refused.body.errors?.[0]?.message).toMatch(/cost/i);
  });
});

describe("masked errors", () => {
  it("answers a database outage with \"Unexpected error\" only", async () => {
    const dead = createDb("postgresql://postgres@127.0.0.1:1/panelbot_down", 1);
    try {
      const down = graphqlFor(dead.prisma, { deps: testDeps(dead.prisma) });
      const res = await down.gql(admin, "{ orders(first: 5) { nodes { id } } }");
      expect(res.body.errors?.map((e) => e.message)).toEqual(["Unexpected error"]);
      expect(JSON.stringify(res.body)).not.toMatch(LEAKS);
    } finally {
      await dead.close();
    }
  });

  it("hides a failing query's SQL and Prisma text when the database fails mid-request", async () => {
    const failing = db.$extends({
      query: {
        order: {
          findMany() {
            throw new Prisma.PrismaClientKnownRequestError('Invalid `prisma.order.findMany()` invocation: SELECT "public"."Order"."id" FROM "public"."Order" — connection terminated', {
              code: "P1017",
              clientVersion: Prisma.prismaVersion.client,
            });
          },
        },
      },
    }) as unknown as Db;
    const broken = graphqlFor(failing, { deps: { ...deps, db: failing } });
    const res = await broken.gql(admin, "{ orders(first: 5) { nodes { id } } }");
    expect(res.body.errors?.map((e) => e.message)).toEqual(["Unexpected error"]);
    expect(JSON.stringify(res.body)).not.toMatch(LEAKS);
  });

  it("does not suggest field names", async () => {
    const res = await gql(admin, "{ ordrs { id } }");
    expect(JSON.stringify(res.body)).not.toMatch(/Did you mean/);
  });
});

// Request budgets (and body limits) are counted before Yoga, over HTTP: tests/http/limits.test.ts.

describe("CSRF protection for the admin session cookie", () => {
  let cookie = "";
  beforeAll(async () => {
    cookie = (await openSession(deps, admin.user.id)).split(";")[0]!;
  });
  const post = (headers: Record<string, string>, body = JSON.stringify({ query: "{ me { id } }" })) =>
    yoga.fetch("http://panelbot.test/graphql", { method: "POST", headers: { cookie, ...headers }, body });

  it("accepts a same-origin JSON POST", async () => {
    const res = await post({ "content-type": "application/json", origin: "http://panelbot.test" });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data: { me: { id: number } } }).data.me.id).toBe(admin.user.id);
  });

  it("refuses form posts, cross-origin requests and GET queries that carry the cookie", async () => {
    expect((await post({ "content-type": "text/plain" })).status).toBe(403);
    expect((await post({ "content-type": "application/x-www-form-urlencoded" }, "query=%7Bme%7Bid%7D%7D")).status).toBe(403);
    expect((await post({ "content-type": "application/json", origin: "https://evil.example" })).status).toBe(403);
    const get = await yoga.fetch("http://panelbot.test/graphql?query=%7Bme%7Bid%7D%7D", { headers: { cookie, accept: "application/json" } });
    expect(get.status).toBe(403);
  });

  it("treats a forged session cookie as no session (401, nothing answered)", async () => {
    const live = await db.adminSession.findFirstOrThrow({ where: { userId: admin.user.id } });
    for (const forged of [`pb_admin=${admin.user.id}.${Math.floor(Date.now() / 1000) + 3600}.AAAA`, `pb_admin=${live.id}.AAAA`]) {
      const res = await yoga.fetch("http://panelbot.test/graphql", { method: "POST", headers: { cookie: forged, "content-type": "application/json" }, body: JSON.stringify({ query: "{ me { id } }" }) });
      expect(res.status).toBe(401);
      const body = (await res.json()) as { data?: unknown; errors: { extensions: { code: string } }[] };
      expect(body.data ?? null).toBeNull();
      expect(body.errors[0]!.extensions.code).toBe("UNAUTHENTICATED");
    }
  });
});

describe("production mode", () => {
  it("refuses introspection and serves no GraphiQL, even to an admin", async () => {
    const prod = graphqlFor(db, { env: { NODE_ENV: "production" } });
    const res = await prod.gql(admin, "{ __schema { queryType { name } } }");
    expect(res.body.errors?.[0]?.message).toMatch(/introspection/i);
    const page = await prod.yoga.fetch("http://panelbot.test/graphql", { headers: { accept: "text/html", authorization: admin.headers.authorization! } });
    expect(await page.text()).not.toMatch(/graphiql/i);
  });

  it("serves GraphiQL in development to an admin only", async () => {
    const page = (headers: Record<string, string>) => yoga.fetch("http://panelbot.test/graphql", { headers: { accept: "text/html", ...headers } });
    const forAdmin = await page({ authorization: admin.headers.authorization! });
    expect(forAdmin.status).toBe(200);
    expect(await forAdmin.text()).toMatch(/panelbot GraphiQL/);
    const reseller = await buildCaller(db, "RESELLER", "no-graphiql");
    expect(await (await page(reseller.headers)).text()).not.toMatch(/GraphiQL/);
    expect(await (await page({})).text()).not.toMatch(/GraphiQL/);
  });
});

describe("GraphiQL's schema query", () => {
  it("fits the limits in development (depth, aliases, tokens, cost)", async () => {
    const { getIntrospectionQuery } = await import("graphql");
    const res = await gql(admin, getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }));
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.__schema.queryType.name).toBe("Query");
  });
});
