// ADMIN equals ADMIN_IDS (NULL-safe) plus one demo admin on the embedded default; other admins can
// be blocked or demoted. syncAdmins touches every row, so this file has a database of its own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueApiKey } from "../../src/apikeys/api-keys.js";
import { startupLoginLink } from "../../src/auth/startup-login-link.js";
import type { Db } from "../../src/db/client.js";
import { DEMO_ADMIN_USERNAME } from "../../src/users/admin-roster.js";
import { syncAdmins } from "../../src/users/sync-admins.js";
import { testDeps } from "../support/deps.js";
import { buildUser } from "../support/factories.js";
import { buildCaller, graphqlFor } from "../support/graphql-factories.js";
import { createJobsDatabase, type JobsDatabase } from "../jobs/support.js";

let database: JobsDatabase;
let db: Db;
beforeAll(async () => {
  database = await createJobsDatabase();
  db = database.db.prisma;
});
afterAll(() => database?.drop());

const SERVER = { DATABASE_URL: "postgresql://x@127.0.0.1/x" };
const adminsIn = async () => (await db.user.findMany({ where: { role: "ADMIN" }, select: { id: true }, orderBy: { id: "asc" } })).map((u) => u.id);

describe("syncAdmins", () => {
  it("demotes a demo admin without a Telegram id once ADMIN_IDS is set, and its API key loses admin access", async () => {
    const demo = await db.user.create({ data: { username: DEMO_ADMIN_USERNAME, role: "ADMIN", account: { create: {} } } });
    const { key } = await issueApiKey(testDeps(db), { userId: demo.id, name: "script" });
    const stale = await buildUser(db, { role: "ADMIN" });
    const listed = await buildUser(db, { role: "CUSTOMER" });
    const deps = testDeps(db, { ...SERVER, ADMIN_IDS: String(listed.telegramId) });
    await syncAdmins(db, deps.config);
    expect(await adminsIn()).toEqual([listed.id]);
    expect(await db.user.findUniqueOrThrow({ where: { id: demo.id } })).toMatchObject({ role: "CUSTOMER" });
    const { gql } = graphqlFor(db, { deps });
    const res = await gql({ headers: { authorization: `Bearer ${key}` } }, "{ users(first: 1) { totalCount } }");
    expect(res.body.data).toBeNull();
    expect(res.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("on the embedded default with no ADMIN_IDS, restarts keep the one demo admin (no new one per start)", async () => {
    const deps = testDeps(db);
    for (let start = 0; start < 3; start++) {
      await syncAdmins(db, deps.config);
      expect(await startupLoginLink(deps)).toMatch(/\/admin\/login\?token=/);
    }
    const demos = await db.user.findMany({ where: { username: DEMO_ADMIN_USERNAME, telegramId: null }, select: { id: true, role: true }, orderBy: { id: "asc" } });
    // The row the previous test demoted is the one reused: still one demo row, and it is the only admin.
    expect(demos.map((d) => d.role)).toEqual(["ADMIN"]);
    expect(await adminsIn()).toEqual([demos[0]!.id]);
  });

  it("keeps no demo admin on a real server or in production", async () => {
    await syncAdmins(db, testDeps(db, { NODE_ENV: "production" }).config);
    expect(await adminsIn()).toEqual([]);
  });
});

describe("blocking and demoting admins", () => {
  it("an admin can block and demote an admin who is not in ADMIN_IDS, never one who is", async () => {
    const listed = await buildUser(db, { role: "ADMIN" });
    const unlisted = await buildUser(db, { role: "ADMIN" });
    const { gql } = graphqlFor(db, { env: { ...SERVER, ADMIN_IDS: String(listed.telegramId) } });
    const caller = await buildCaller(db, "ADMIN", "roster-admin");
    const block = (u: number) => gql(caller, `mutation($u: Int!) { setUserBlocked(userId: $u, blocked: true) { __typename ... on MutationSetUserBlockedSuccess { data { blocked } } ... on Error { message } } }`, { u });
    const demote = (u: number, role = "CUSTOMER") => gql(caller, `mutation($u: Int!) { setUserRole(userId: $u, role: ${role}) { __typename ... on MutationSetUserRoleSuccess { data { role } } ... on ValidationError { field } ... on Error { message } } }`, { u });

    expect((await block(unlisted.id)).body.data.setUserBlocked).toEqual({ __typename: "MutationSetUserBlockedSuccess", data: { blocked: true } });
    expect((await demote(unlisted.id)).body.data.setUserRole).toEqual({ __typename: "MutationSetUserRoleSuccess", data: { role: "CUSTOMER" } });
    expect((await block(listed.id)).body.data.setUserBlocked).toMatchObject({ __typename: "InvalidStateError", message: expect.stringMatching(/ADMIN_IDS/) });
    expect((await demote(listed.id)).body.data.setUserRole).toMatchObject({ __typename: "InvalidStateError" });
    expect((await demote(unlisted.id, "ADMIN")).body.data.setUserRole).toMatchObject({ __typename: "ValidationError", field: "role" });
    expect(await db.user.findUniqueOrThrow({ where: { id: listed.id } })).toMatchObject({ role: "ADMIN", blocked: false });
    expect(await db.auditLog.count({ where: { entity: "User", entityId: String(unlisted.id) } })).toBe(2);
  });
});
