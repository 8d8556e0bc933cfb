// A broadcast to 5,000 users through a fake Bot API on 127.0.0.1 that answers 429 (retry_after 1 s)
// on 2% of calls and 403 (blocked) for 3% of the users, with the job process SIGKILLed halfway and a
// new one finishing: nobody gets it twice, blocked users are marked, 429 pauses the whole broadcast,
// and the rate measured at the fake API (its own arrival times) stays within the limit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { broadcastApi, telegramBroadcasts } from "../../src/bot/broadcasts/telegram-transport.js";
import { progressText } from "../../src/bot/broadcasts/progress-text.js";
import { loadI18n } from "../../src/bot/i18n.js";
import { createBroadcast } from "../../src/broadcasts/create-broadcast.js";
import { previewBroadcast } from "../../src/broadcasts/preview-broadcast.js";
import { startBroadcast } from "../../src/broadcasts/control-broadcast.js";
import { broadcastCounts } from "../../src/broadcasts/progress.js";
import type { Deps } from "../../src/deps.js";
import { testDeps, TEST_SECRET } from "../support/deps.js";
import { QUIET, createJobsDatabase, sleep, spawnJobProcess, type JobsDatabase } from "../jobs/support.js";
import { maxPerSecond, startFakeSendApi, type FakeSendApi } from "./fake-send-api.js";
import { DomainError } from "../../src/shared/errors.js";

const USERS = 5_000;
const RATE = 25;
const ADMIN_CHAT = "-1009000000001";
const FIRST_ID = 7_000_000_000;
const timings = { ...QUIET, broadcastEveryMs: 200, pollMs: 200, lockLifetimeMs: 6_000 };

describe("broadcast to 5,000 users, killed halfway", () => {
  let database: JobsDatabase;
  let api: FakeSendApi;
  let deps: Deps;
  let env: Record<string, string>;
  const blocked = new Set<string>();

  beforeAll(async () => {
    database = await createJobsDatabase();
    // 3% of the users have blocked the bot (Telegram answers 403 for them, every time).
    const ids = Array.from({ length: USERS }, (_, i) => String(FIRST_ID + i));
    for (const id of [...ids].sort(() => Math.random() - 0.5).slice(0, Math.round(USERS * 0.03))) blocked.add(id);
    api = await startFakeSendApi({ blocked, rate429: 0.02, retryAfter: 1 });
    env = {
      BOT_TOKEN: "123456:TEST-token-for-the-fake-bot-api-000",
      TELEGRAM_API_ROOT: api.apiRoot,
      ADMIN_CHAT_ID: ADMIN_CHAT,
      ADMIN_LANGUAGE: "en",
      BROADCAST_RATE_PER_SECOND: String(RATE),
      BROADCAST_CLAIM_SECONDS: "5",
    };
    const base = testDeps(database.db.prisma, env);
    deps = { ...base, broadcasts: telegramBroadcasts(broadcastApi(base.config), await loadI18n()) };
    await database.db.prisma.user.createMany({ data: ids.map((id, i) => ({ telegramId: BigInt(id), firstName: `U${i}`, language: i % 2 ? "en" : "bn" })) });
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  it("every user once, blocked ones marked, paced under the limit, resumed after SIGKILL", async () => {
    const db = database.db.prisma;
    const admin = await db.user.create({ data: { telegramId: 6_999_999_999n, firstName: "Admin", role: "ADMIN" } });
    const actor = { userId: admin.id, label: "telegram:6999999999", isAdmin: true };
    const draft = await createBroadcast(deps, { html: "<b>Eid sale</b> — 20% off today", buttonText: "Open shop", buttonUrl: "https://example.com/shop", audience: "ALL_CUSTOMERS", actor });
    // The fake answers 429 to 2% of sends, the admin's preview included: the admin previews again, as told.
    for (let attempt = 1; ; attempt++) {
      try {
        await previewBroadcast(deps, { broadcastId: draft.id, actor });
        break;
      } catch (error) {
        if (!(error instanceof DomainError && error.code === "telegram_busy") || attempt >= 10) throw error;
        await sleep(1_100);
      }
    }
    const started = await startBroadcast(deps, { broadcastId: draft.id, actor });
    expect(started.status, "the broadcast did not start").toBe("RUNNING");
    expect(await db.broadcastRecipient.count({ where: { broadcastId: draft.id } }), "recipient rows written at start").toBe(USERS);

    const procEnv = { ...env, SECRET_KEY: TEST_SECRET };
    const first = spawnJobProcess(database.url, timings, procEnv);
    await first.waitFor((l) => l.t === "ready", 120_000);
    const answered = () => api.sends.filter((s) => s.status !== "429").length;
    for (let i = 0; i < 6_000 && answered() < USERS / 2; i++) {
      if (!first.alive()) throw new Error(`job process exited early:\n${first.output().slice(-3000)}`);
      await sleep(100);
    }
    expect(answered(), "the first process never got halfway").toBeGreaterThanOrEqual(USERS / 2);
    await sleep(Math.floor(Math.random() * 200));
    first.kill("SIGKILL");
    await first.exited;
    const atKill = answered();

    const second = spawnJobProcess(database.url, timings, procEnv);
    await second.waitFor((l) => l.t === "ready", 120_000);
    let status = "";
    for (let i = 0; i < 9_000; i++) {
      status = (await db.broadcast.findUniqueOrThrow({ where: { id: draft.id } })).status;
      if (status === "DONE") break;
      if (!second.alive()) throw new Error(`second job process exited:\n${second.output().slice(-3000)}`);
      await sleep(100);
    }
    const counts = (await broadcastCounts(db, [draft.id])).get(draft.id)!;
    expect(status, `the broadcast did not finish; counts ${JSON.stringify(counts)}`).toBe("DONE");
    // Let a last progress edit land before reading the admin chat.
    await sleep(500);
    second.kill("SIGTERM");
    await second.exited;

    // Per chat id at the fake API.
    const recipientSends = api.sends.filter((s) => s.chatId !== String(admin.telegramId));
    const delivered = new Map<string, number>();
    const answeredPerChat = new Map<string, number>();
    for (const s of recipientSends) {
      if (s.status === "ok") delivered.set(s.chatId, (delivered.get(s.chatId) ?? 0) + 1);
      if (s.status !== "429") answeredPerChat.set(s.chatId, (answeredPerChat.get(s.chatId) ?? 0) + 1);
    }
    const twice = [...answeredPerChat].filter(([, n]) => n > 1);
    expect(twice, "chats that got the broadcast (or a 403) more than once").toEqual([]);

    const rows = await db.broadcastRecipient.findMany({ where: { broadcastId: draft.id }, select: { chatId: true, state: true, userId: true } });
    const uncertain = rows.filter((r) => r.state === "UNCERTAIN");
    // A kill mid-send may leave the one user being sent to uncertain (maybe delivered, never resent).
    expect(uncertain.length, "uncertain recipients (at most the one in flight at the kill)").toBeLessThanOrEqual(1);
    const wrong = rows.filter((r) => {
      const id = r.chatId.toString();
      if (r.state === "UNCERTAIN") return false;
      if (blocked.has(id)) return r.state !== "BLOCKED" || answeredPerChat.get(id) !== 1;
      return r.state !== "SENT" || delivered.get(id) !== 1;
    });
    expect(wrong.slice(0, 10).map((r) => ({ chat: r.chatId.toString(), state: r.state, delivered: delivered.get(r.chatId.toString()) ?? 0 })), "recipients whose state or delivery count is wrong").toEqual([]);
    const markedBlocked = await db.user.count({ where: { botBlockedAt: { not: null } } });
    const blockedRows = rows.filter((r) => r.state === "BLOCKED").length;
    expect(markedBlocked, "users marked as having blocked the bot").toBe(blockedRows);
    expect(blockedRows + uncertain.filter((r) => blocked.has(r.chatId.toString())).length, "blocked users found").toBe(blocked.size);
    expect(counts, "final counts").toMatchObject({ total: USERS, left: 0, blocked: blockedRows, sent: USERS - blockedRows - uncertain.length, failed: 0 });

    // 429 pauses the whole broadcast: no send arrives within retry_after of a 429.
    const tooSoon = recipientSends.flatMap((s, i) => {
      if (s.status !== "429") return [];
      const next = recipientSends[i + 1];
      return next && next.at - s.at < 1000 ? [{ after429: s.at, next: next.at }] : [];
    });
    const retried = recipientSends.filter((s) => s.status === "429").length;
    expect(retried, "the fake answered some 429s").toBeGreaterThan(0);
    expect(tooSoon, "sends that did not wait out a 429's retry_after").toEqual([]);

    // Upper bound only: a slow machine only sends slower.
    const peak = maxPerSecond(recipientSends.map((s) => s.at));
    const spanS = (recipientSends.at(-1)!.at - recipientSends[0]!.at) / 1000;
    console.info(
      `[broadcast] ${USERS} users: ${recipientSends.length} calls (${retried} answered 429, ${blockedRows} blocked) in ${spanS.toFixed(1)} s, ` +
        `peak ${peak} in any 1 s (limit ${RATE}), average ${(recipientSends.length / spanS).toFixed(1)}/s; killed after ${atKill} answers, uncertain ${uncertain.length} (machine shared and loaded)`,
    );
    expect(peak, `most sends in one second (limit ${RATE})`).toBeLessThanOrEqual(RATE);

    // Progress in the admin chat ends on the final figures.
    const t = (await loadI18n()).translator("en");
    expect(api.texts(ADMIN_CHAT).at(-1), "the last progress message in the admin chat").toBe(progressText(t, { broadcastId: draft.id, status: "DONE", counts }));
  }, 1_500_000);
});
