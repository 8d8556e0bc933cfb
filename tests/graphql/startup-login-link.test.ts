import { describe, expect, it } from "vitest";
import { startupLoginLink } from "../../src/auth/startup-login-link.js";
import { testDeps } from "../support/deps.js";
import { buildUser } from "../support/factories.js";
import { useTestDb } from "../support/test-db.js";

const { prisma: db } = await useTestDb();

describe("startupLoginLink", () => {
  it("links the first configured admin when Telegram is off", async () => {
    const admin = await buildUser(db, { role: "ADMIN" });
    const deps = testDeps(db, { ADMIN_IDS: String(admin.telegramId), DATABASE_URL: "postgresql://x@127.0.0.1/x" });
    const link = await startupLoginLink(deps);
    expect(link).toMatch(/\/admin\/login\?token=/);
    const token = new URL(link!).searchParams.get("token")!.split(".")[0]!;
    expect((await db.loginToken.findUniqueOrThrow({ where: { id: token } })).userId).toBe(admin.id);
  });

  it("on the embedded development default, links a local demo admin (the same one each start)", async () => {
    const deps = testDeps(db);
    const first = await startupLoginLink(deps);
    const second = await startupLoginLink(deps);
    const owner = async (link: string | null) => (await db.loginToken.findUniqueOrThrow({ where: { id: new URL(link!).searchParams.get("token")!.split(".")[0]! } })).userId;
    expect(await owner(first)).toBe(await owner(second));
    expect(await db.user.findUniqueOrThrow({ where: { id: await owner(first) } })).toMatchObject({ role: "ADMIN", telegramId: null });
  });

  it("makes no demo admin on a real server or in production, and nothing when Telegram is on", async () => {
    expect(await startupLoginLink(testDeps(db, { DATABASE_URL: "postgresql://x@127.0.0.1/x" }))).toBeNull();
    expect(await startupLoginLink(testDeps(db, { NODE_ENV: "production" }))).toBeNull();
    expect(await startupLoginLink(testDeps(db, { BOT_TOKEN: "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefgh" }))).toBeNull();
  });
});
