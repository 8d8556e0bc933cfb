// Admin web sessions exist only through the bot's one-time login link (or an admin API key).
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGraphQL } from "../../schema/index.js";
import { createAdminLoginLink, LOGIN_LINK_TTL_MS } from "../../src/auth/login-link.js";
import { ForbiddenError } from "../../src/shared/errors.js";
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

  it("ends the session's power when the user stops being an admin", async () => {
    const admin = await buildUser(db, { role: "ADMIN" });
    const { cookie } = await login(await createAdminLoginLink(deps, admin.id));
    await db.user.update({ where: { id: admin.id }, data: { role: "CUSTOMER" } });
    expect((await me(cookie)).errors?.[0]?.extensions.code).toBe("FORBIDDEN");
  });

  it("serves the dashboard with a strict content security policy", async () => {
    const res = await fetch(`${base}/admin/`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toMatch(/script-src 'self'/);
    expect(await res.text()).toMatch(/<script src="\/admin\/app.js"/);
  });
});
