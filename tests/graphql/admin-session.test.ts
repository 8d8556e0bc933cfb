// Admin web sessions exist only through the bot's one-time login link (or an admin API key).
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGraphQL } from "../../schema/index.js";
import { createAdminLoginLink, LOGIN_LINK_TTL_MS } from "../../src/auth/login-link.js";
import { ForbiddenError } from "../../src/shared/errors.js";
import { pruneExpiredLogins } from "../../src/auth/prune-expired-logins.js";
import { SESSION_TTL_SECONDS } from "../../src/auth/session.js";
import { createHttpServer, type Route } from "../../src/http/server.js";
import { testDeps } from "../support/deps.js";
import { buildUser } from "../support/factories.js";
import { useTestDb } from "../support/test-db.js";

const { prisma: db } = await useTestDb();
const routes: Route[] = [];
let server: Server;
let base = "";
let clock = Date.now();
let deps: ReturnType<typeof testDeps>;

beforeAll(async () => {
  server = createHttpServer(routes, testDeps(db).logger);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  deps = testDeps(db, { PUBLIC_URL: base }, () => new Date(clock));
  routes.push(...createGraphQL(deps).routes);
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const me = (cookie: string) =>
  fetch(`${base}/graphql`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ query: "{ me { id role } }" }) }).then(
    (r) => r.json() as Promise<{ data?: { me: { id: number; role: string } }; errors?: { extensions: { code: string } }[] }>,
  );

async function meHttp(cookie: string) {
  const res = await fetch(`${base}/graphql`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ query: "{ me { id role } }" }) });
  return { status: res.status, body: (await res.json()) as { data?: { me: { id: number } } | null; errors?: { extensions: { code: string } }[] } };
}

const logout = (cookie: string, headers: Record<string, string>, everywhere = false) =>
  fetch(`${base}/admin/logout${everywhere ? "?everywhere=1" : ""}`, { method: "POST", redirect: "manual", headers: { cookie, "content-type": "application/x-www-form-urlencoded", ...headers } });

async function login(link: string) {
  const res = await fetch(link, { redirect: "manual" });
  return { status: res.status, cookie: (res.headers.get("set-cookie") ?? "").split(";")[0]!, setCookie: res.headers.get("set-cookie") ?? "", location: res.headers.get("location") };
}

describe("login links", () => {
  it("opens an HttpOnly, SameSite=Strict session once", async () => {
    const admin = await buildUser(db, { role: "ADMIN" });
    const link = await createAdminLoginLink(deps, admin.id);
    expect(link.startsWith(`${base}/admin/login?token=`)).toBe(true);
    const first = await login(link);
    expect(first).toMatchObject({ status: 303, location: "/admin/" });
    expect(first.setCookie).toMatch(/HttpOnly/);
    expect(first.setCookie).toMatch(/SameSite=Strict/);
    expect((await me(first.cookie)).data?.me).toEqual({ id: admin.id, role: "ADMIN" });
    expect((await login(link)).status).toBe(403);
    expect(await db.auditLog.count({ where: { action: "admin.web_login", entityId: String(admin.id) } })).toBe(1);
  });

  it("refuses tampered and expired links, and links for non-admins", async () => {
    const admin = await buildUser(db, { role: "ADMIN" });
    const link = await createAdminLoginLink(deps, admin.id);
    expect((await login(link.replace(/.$/, (c) => (c === "A" ? "B" : "A")))).status).toBe(403);
    clock += LOGIN_LINK_TTL_MS + 1000;
    try {
      expect((await login(link)).status).toBe(403);
    } finally {
      clock -= LOGIN_LINK_TTL_MS + 1000;
    }
    const customer = await buildUser(db);
    await expect(createAdminLoginLink(deps, customer.id)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("ends the session when the user stops being an admin: the next request is refused, and stays so", async () => {
    const admin = await buildUser(db, { role: "ADMIN" });
    const { cookie } = await login(await createAdminLoginLink(deps, admin.id));
    expect((await meHttp(cookie)).status).toBe(200);
    await db.user.update({ where: { id: admin.id }, data: { role: "CUSTOMER" } });
    const refused = await meHttp(cookie);
    expect(refused.status).toBe(401);
    expect(refused.body.errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
    await db.user.update({ where: { id: admin.id }, data: { role: "ADMIN" } });
    expect((await meHttp(cookie)).status).toBe(401);
  });

  it("serves the dashboard with a strict content security policy", async () => {
    const res = await fetch(`${base}/admin/`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toMatch(/script-src 'self'/);
    expect(await res.text()).toMatch(/<script type="module" src="\/admin\/assets\/app.js"/);
  });
});

describe("server-side sessions", () => {
  it("logout revokes the session: the old cookie then gets 401", async () => {
    const admin = await buildUser(db, { role: "ADMIN" });
    const { cookie } = await login(await createAdminLoginLink(deps, admin.id));
    expect((await meHttp(cookie)).body.data?.me.id).toBe(admin.id);
    const out = await logout(cookie, { origin: base });
    expect(out.status).toBe(303);
    expect(out.headers.get("set-cookie")).toMatch(/Max-Age=0/);
    const after = await meHttp(cookie);
    expect(after.status).toBe(401);
    expect(after.body.data ?? null).toBeNull();
  });

  it("refuses a cross-site (or origin-less) logout POST and keeps the session", async () => {
    const admin = await buildUser(db, { role: "ADMIN" });
    const { cookie } = await login(await createAdminLoginLink(deps, admin.id));
    expect((await logout(cookie, { origin: "https://evil.example" })).status).toBe(403);
    expect((await logout(cookie, { "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await logout(cookie, { origin: "https://evil.example" }, true)).status).toBe(403);
    expect((await meHttp(cookie)).status).toBe(200);
    expect((await logout(cookie, { "sec-fetch-site": "same-origin" })).status).toBe(303);
    expect((await meHttp(cookie)).status).toBe(401);
  });

  it("log out everywhere ends every session of that admin, and no one else's", async () => {
    const admin = await buildUser(db, { role: "ADMIN" });
    const other = await buildUser(db, { role: "ADMIN" });
    const phone = (await login(await createAdminLoginLink(deps, admin.id))).cookie;
    const laptop = (await login(await createAdminLoginLink(deps, admin.id))).cookie;
    const someoneElse = (await login(await createAdminLoginLink(deps, other.id))).cookie;
    expect((await logout(phone, { origin: base }, true)).status).toBe(303);
    expect((await meHttp(phone)).status).toBe(401);
    expect((await meHttp(laptop)).status).toBe(401);
    expect((await meHttp(someoneElse)).body.data?.me.id).toBe(other.id);
  });

  it("a session expires after 12 hours", async () => {
    const admin = await buildUser(db, { role: "ADMIN" });
    const { cookie } = await login(await createAdminLoginLink(deps, admin.id));
    clock += SESSION_TTL_SECONDS * 1000 + 1000;
    try {
      expect((await meHttp(cookie)).status).toBe(401);
    } finally {
      clock -= SESSION_TTL_SECONDS * 1000 + 1000;
    }
  });

  it("the prune job deletes expired login links and expired or revoked sessions, and keeps live ones", async () => {
    const admin = await buildUser(db, { role: "ADMIN" });
    const live = (await login(await createAdminLoginLink(deps, admin.id))).cookie;
    const revoked = (await login(await createAdminLoginLink(deps, admin.id))).cookie;
    await logout(revoked, { origin: base });
    await createAdminLoginLink(deps, admin.id); // never used
    // This admin's rows are made to expire instead of the clock moved on: a prune at a later "now"
    // would also delete the live logins of the test files running beside this one.
    const past = new Date(clock - 1000);
    await db.loginToken.updateMany({ where: { userId: admin.id }, data: { expiresAt: past } });
    await pruneExpiredLogins(db, new Date(clock));
    expect(await db.loginToken.count({ where: { userId: admin.id } })).toBe(0);
    expect(await db.adminSession.count({ where: { userId: admin.id } })).toBe(1);
    expect((await meHttp(live)).status).toBe(200);
    await db.adminSession.updateMany({ where: { userId: admin.id }, data: { expiresAt: past } });
    await pruneExpiredLogins(db, new Date(clock));
    expect(await db.adminSession.count({ where: { userId: admin.id } })).toBe(0);
  });
});
