// The broadcast mutations and queries through yoga.fetch: admins only, typed errors, the preview as
// Telegram's formatting check, and pause / cancel taking effect before the very next send.
import { describe, expect, it } from "vitest";
import { broadcastApi, telegramBroadcasts } from "../../src/bot/broadcasts/telegram-transport.js";
import { loadI18n } from "../../src/bot/i18n.js";
import { sendBroadcasts } from "../../src/broadcasts/send-broadcasts.js";
import type { Deps } from "../../src/deps.js";
import { TEST_TOKEN, fakeTelegram, testChatId } from "../support/bot-factories.js";
import { testDeps } from "../support/deps.js";
import { buildGroupAccount, buildUser, unique } from "../support/factories.js";
import { buildCaller, graphqlFor } from "../support/graphql-factories.js";
import { useTestDb } from "../support/test-db.js";

const { prisma: db } = await useTestDb();
const adminChat = testChatId();
const telegram = fakeTelegram();
/** Runs before a recipient's message reaches the fake Bot API (a test pauses or cancels from here). */
let beforeSend: ((chatId: string) => Promise<void>) | undefined;
const fetchWithHook: typeof fetch = async (input, init) => {
  const body = init?.body ? (JSON.parse(String(init.body)) as { chat_id?: number }) : {};
  if (String(input).endsWith("/sendMessage") && body.chat_id && body.chat_id > 0) await beforeSend?.(String(body.chat_id));
  return telegram.fetch(input, init);
};
const base = testDeps(db, { BOT_TOKEN: TEST_TOKEN, ADMIN_CHAT_ID: String(adminChat), ADMIN_LANGUAGE: "bn" });
const deps: Deps = { ...base, broadcasts: telegramBroadcasts(broadcastApi(base.config, { fetch: fetchWithHook }), await loadI18n()) };
const { gql } = graphqlFor(db, { rateLimitPerMinute: 100_000, deps });

const FIELDS = `id status previewed audience text buttonText buttonUrl progress { total sent failed blocked left skipped }`;
const CREATE = `mutation($input: BroadcastInput!) { createBroadcast(input: $input) { __typename ... on MutationCreateBroadcastSuccess { data { ${FIELDS} } } ... on ValidationError { field code message } ... on Error { code } } }`;
const act = (name: string) => `mutation($id: Int!) { ${name}(id: $id) { __typename ... on Mutation${name[0]!.toUpperCase()}${name.slice(1)}Success { data { ${FIELDS} } } ... on ValidationError { field code message } ... on Error { code message } } }`;

/** A reseller group whose members are the audience (so other test files' users never are). */
async function groupWith(n: number, extra: { botBlockedAt?: Date } = {}) {
  const account = await buildGroupAccount(db, "0");
  const group = await db.group.create({ data: { chatId: BigInt(testChatId()), title: unique("g"), rate: "1", accountId: account.id } });
  const members = [];
  for (let i = 0; i < n; i++) members.push(await buildUser(db, i === 0 ? extra : {}));
  await db.groupMember.createMany({ data: members.map((m) => ({ groupId: group.id, userId: m.id, playerId: "123456" })) });
  return { group, members };
}

describe("broadcast GraphQL", () => {
  it("only admins: customers and resellers are refused and nothing is written", async () => {
    const callers = [];
    for (const role of ["CUSTOMER", "RESELLER"] as const) {
      const caller = await buildCaller(db, role, unique("nb"));
      callers.push(caller.user.id);
      const res = await gql(caller, CREATE, { input: { text: "hi", audience: "ALL_CUSTOMERS" } });
      expect(res.body.errors?.[0]?.extensions?.code, `${role} creating a broadcast`).toBe("FORBIDDEN");
      const list = await gql(caller, "{ broadcasts { id } }");
      expect(list.body.errors?.[0]?.extensions?.code, `${role} listing broadcasts`).toBe("FORBIDDEN");
    }
    expect(await db.broadcast.count({ where: { createdById: { in: callers } } }), "no broadcast written").toBe(0);
  });

  it("typed errors for bad input: empty text, half a button, a bad link, a language audience without a language, 0 days", async () => {
    const admin = await buildCaller(db, "ADMIN", unique("ba"));
    const cases: [object, string, string][] = [
      [{ text: "   ", audience: "ALL_CUSTOMERS" }, "text", "empty_text"],
      [{ text: "hi", buttonText: "Go", audience: "ALL_CUSTOMERS" }, "button", "button_incomplete"],
      [{ text: "hi", buttonText: "Go", buttonUrl: "javascript:alert(1)", audience: "ALL_CUSTOMERS" }, "buttonUrl", "bad_button_url"],
      [{ text: "hi", audience: "LANGUAGE" }, "language", "language_required"],
      [{ text: "hi", audience: "ORDERED_RECENTLY", days: 0 }, "days", "bad_days"],
    ];
    const before = await db.broadcast.count({ where: { createdById: admin.user.id } });
    for (const [input, field, code] of cases) {
      const res = await gql(admin, CREATE, { input });
      expect(res.body.data?.createBroadcast, `input ${JSON.stringify(input)}`).toMatchObject({ __typename: "ValidationError", field, code });
    }
    expect(await db.broadcast.count({ where: { createdById: admin.user.id } }), "nothing written").toBe(before);
  });

  it("create → start refused before a preview → preview (Telegram refusing the HTML is a ValidationError) → start → pause → resume → sent, with progress", async () => {
    const admin = await buildCaller(db, "ADMIN", unique("ba"));
    const { group, members } = await groupWith(3, { botBlockedAt: new Date() });
    const size = await gql(admin, `query($g: Int!) { broadcastAudienceSize(audience: GROUP, groupId: $g) { __typename ... on QueryBroadcastAudienceSizeSuccess { data } } }`, { g: group.id });
    expect(size.body.data.broadcastAudienceSize.data, "the member who blocked the bot is left out").toBe(2);

    const bad = await gql(admin, CREATE, { input: { text: "<b>unclosed", audience: "GROUP", groupId: group.id } });
    const badId = bad.body.data.createBroadcast.data.id;
    telegram.failNext("sendMessage", 400, "Bad Request: can't parse entities: can't find end tag corresponding to start tag \"b\"");
    const refused = await gql(admin, act("previewBroadcast"), { id: badId });
    expect(refused.body.data.previewBroadcast, "Telegram's refusal of the formatting").toMatchObject({ __typename: "ValidationError", field: "text", code: "telegram_refused" });

    const created = await gql(admin, CREATE, { input: { text: "<b>Sale</b> today", buttonText: "Shop", buttonUrl: "https://example.com", audience: "GROUP", groupId: group.id } });
    const draft = created.body.data.createBroadcast.data;
    expect(draft).toMatchObject({ status: "DRAFT", previewed: false, progress: { total: 0 } });
    const early = await gql(admin, act("startBroadcast"), { id: draft.id });
    expect(early.body.data.startBroadcast, "start before a preview").toMatchObject({ __typename: "ConflictError", code: "preview_required" });

    const previewed = await gql(admin, act("previewBroadcast"), { id: draft.id });
    expect(previewed.body.data.previewBroadcast.data.previewed).toBe(true);
    expect(telegram.callsTo("sendMessage", admin.user.telegramId!).at(-1)?.payload, "the preview in the admin's own chat").toMatchObject({ text: "<b>Sale</b> today", parse_mode: "HTML" });

    const started = await gql(admin, act("startBroadcast"), { id: draft.id });
    expect(started.body.data.startBroadcast.data).toMatchObject({ status: "RUNNING", progress: { total: 2, left: 2, sent: 0 } });
    expect(telegram.texts(adminChat).at(-1), "progress posted in the admin chat (Bengali)").toContain(`ব্রডকাস্ট #${draft.id.toString().replace(/\d/g, (d: string) => "০১২৩৪৫৬৭৮৯"[Number(d)]!)}`);
    const again = await gql(admin, act("startBroadcast"), { id: draft.id });
    expect(again.body.data.startBroadcast.__typename, "started twice").toBe("InvalidStateError");

    // Pause from inside the first send: the second member is not sent to.
    beforeSend = async () => {
      beforeSend = undefined;
      await gql(admin, act("pauseBroadcast"), { id: draft.id });
    };
    await sendBroadcasts(deps, { only: [draft.id], maxMs: 60_000 });
    const paused = await gql(admin, `query($id: Int!) { broadcast(id: $id) { ${FIELDS} } }`, { id: draft.id });
    expect(paused.body.data.broadcast, "paused after one send").toMatchObject({ status: "PAUSED", progress: { sent: 1, left: 1 } });

    await gql(admin, act("resumeBroadcast"), { id: draft.id });
    await sendBroadcasts(deps, { only: [draft.id], maxMs: 60_000 });
    const list = await gql(admin, `{ broadcasts(first: 5) { ${FIELDS} } }`);
    const done = list.body.data.broadcasts.find((b: { id: number }) => b.id === draft.id);
    expect(done, "finished").toMatchObject({ status: "DONE", progress: { total: 2, sent: 2, left: 0, failed: 0, blocked: 0 } });
    for (const m of members.slice(1)) expect(telegram.callsTo("sendMessage", m.telegramId!), `member ${m.id} got it once`).toHaveLength(1);
    expect(telegram.callsTo("sendMessage", members[0]!.telegramId!), "the member who blocked the bot got nothing").toHaveLength(0);
    const late = await gql(admin, act("cancelBroadcast"), { id: draft.id });
    expect(late.body.data.cancelBroadcast.__typename, "a finished broadcast cannot be canceled").toBe("InvalidStateError");
  });

  it("cancel stops before the next send; the rest are skipped; 403 marks the user, 400 chat not found counts as failed", async () => {
    const admin = await buildCaller(db, "ADMIN", unique("ba"));
    const { group, members } = await groupWith(4);
    const created = await gql(admin, CREATE, { input: { text: "Hello", audience: "GROUP", groupId: group.id } });
    const id = created.body.data.createBroadcast.data.id;
    await gql(admin, act("previewBroadcast"), { id });
    await gql(admin, act("startBroadcast"), { id });
    let sends = 0;
    let blockedChat = "";
    beforeSend = async (chatId) => {
      sends += 1;
      if (sends === 1) blockedChat = chatId;
      if (sends === 1) telegram.failNext("sendMessage", 403, "Forbidden: bot was blocked by the user");
      if (sends === 2) telegram.failNext("sendMessage", 400, "Bad Request: chat not found");
      if (sends === 3) {
        beforeSend = undefined;
        await gql(admin, act("cancelBroadcast"), { id });
      }
    };
    await sendBroadcasts(deps, { only: [id], maxMs: 60_000 });
    const res = await gql(admin, `query($id: Int!) { broadcast(id: $id) { ${FIELDS} } }`, { id });
    expect(res.body.data.broadcast, "one blocked, one failed, one sent, one skipped").toMatchObject({ status: "CANCELED", progress: { total: 4, blocked: 1, failed: 1, sent: 1, skipped: 1, left: 0 } });
    const marked = await db.user.findMany({ where: { id: { in: members.map((m) => m.id) }, botBlockedAt: { not: null } } });
    expect(marked.map((u) => String(u.telegramId)), "the user who blocked the bot is marked").toEqual([blockedChat]);
  });
});
