// The try page's plumbing without a database: Telegram-HTML sanitising, the capture Bot API's
// answers, and the diversion of simulated chats away from a real bot's API.
import { Api } from "grammy";
import { describe, expect, it } from "vitest";
import { createCaptureApi } from "../../src/try/capture-api.js";
import { messageHtml, sanitizeTelegramHtml } from "../../src/try/html.js";
import { isSimulatedId, PERSONAS, SIMULATED_GROUP } from "../../src/try/ids.js";
import { ChatStore } from "../../src/try/store.js";

const RAHIM = PERSONAS[0]!.id;

function capture() {
  let id = 0;
  const store = new ChatStore(() => ++id);
  return { store, api: createCaptureApi(store) };
}

describe("Telegram HTML on the page", () => {
  it("keeps Telegram's tags, escapes everything else, and closes what was left open", () => {
    expect(sanitizeTelegramHtml("<b>bold</b> <i>it</i> <code>k&amp;v</code>")).toBe("<b>bold</b> <i>it</i> <code>k&amp;v</code>");
    expect(sanitizeTelegramHtml(`<script>alert(1)</script><img src=x onerror=alert(1)>`)).toBe("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;");
    expect(sanitizeTelegramHtml(`<a href="javascript:alert(1)">x</a> <a href="https://t.me/x" onclick="y">t</a>`)).toBe(
      `<a>x</a> <a href="https://t.me/x" target="_blank" rel="noopener noreferrer">t</a>`,
    );
    expect(sanitizeTelegramHtml(`<b onclick="x">a <span class="tg-spoiler">s</span>`)).toBe(`<b>a <span class="tg-spoiler">s</span></b>`);
    expect(sanitizeTelegramHtml("1 < 2 & 3 > 2")).toBe("1 &lt; 2 &amp; 3 &gt; 2");
    expect(messageHtml("<b>not html</b>", undefined)).toBe("&lt;b&gt;not html&lt;/b&gt;");
  });
});

describe("simulated ids", () => {
  it("never overlap Telegram's: users, private chats and the group are in the top of the 52-bit range", () => {
    for (const p of PERSONAS) expect(isSimulatedId(p.id)).toBe(true);
    expect(isSimulatedId(SIMULATED_GROUP.id)).toBe(true);
    for (const real of [777000, 5_500_000_000, -1001234567890, -4_000_000_000, 0]) expect(isSimulatedId(real)).toBe(false);
  });
});

describe("the capture Bot API", () => {
  it("answers like Telegram: message ids, edits in place, deletes, keyboards, callback notices", async () => {
    const { store, api } = capture();
    const bot = new Api("1:capture", { fetch: api.fetch, apiRoot: "http://capture.invalid" });
    const sent = await bot.sendMessage(RAHIM, "Hi <b>there</b>", { parse_mode: "HTML", reply_markup: { inline_keyboard: [[{ text: "Go", callback_data: "go" }]] } });
    expect(sent.chat.id).toBe(RAHIM);
    expect(store.find(RAHIM, sent.message_id)).toMatchObject({ html: "Hi <b>there</b>", inlineKeyboard: [[{ text: "Go", callback_data: "go" }]] });

    await bot.editMessageText(RAHIM, sent.message_id, "Done");
    expect(store.find(RAHIM, sent.message_id)).toMatchObject({ html: "Done", edited: true });
    expect(store.find(RAHIM, sent.message_id)!.inlineKeyboard).toBeUndefined();
    await expect(bot.editMessageText(RAHIM, sent.message_id, "Done")).rejects.toThrow(/not modified/);

    await bot.sendMessage(RAHIM, "Menu", { reply_markup: { keyboard: [[{ text: "A" }, { text: "B" }]], resize_keyboard: true } });
    expect(store.chat(RAHIM).keyboard).toEqual({ rows: [["A", "B"]], oneTime: false });
    await bot.sendMessage(RAHIM, "Bye", { reply_markup: { remove_keyboard: true } });
    expect(store.chat(RAHIM).keyboard).toBeNull();

    await bot.deleteMessage(RAHIM, sent.message_id);
    expect(store.find(RAHIM, sent.message_id)!.deleted).toBe(true);
    await expect(bot.deleteMessage(RAHIM, sent.message_id)).rejects.toThrow(/not found/);

    api.expectCallback("q1", RAHIM);
    await bot.answerCallbackQuery("q1", { text: "Saved", show_alert: true });
    expect(store.chat(RAHIM).notice).toMatchObject({ text: "Saved", alert: true });

    const changes = store.changesSince(0);
    // In order of change: the deleted message last, marked deleted (the page removes it).
    expect(changes.messages.map((m) => [m.text, Boolean(m.deleted)])).toEqual([["Menu", false], ["Bye", false], ["Done", true]]);
    expect(store.changesSince(changes.rev).messages).toEqual([]);
  });

  it("refuses chats that are not simulated, quickly and without a permanent error (the notification stays in the outbox)", async () => {
    const { store, api } = capture();
    const bot = new Api("1:capture", { fetch: api.fetch, apiRoot: "http://capture.invalid" });
    const refused = bot.sendMessage(5_500_000_000, "hello");
    await expect(refused).rejects.toMatchObject({ error_code: 400 });
    await expect(refused).rejects.not.toMatchObject({ description: expect.stringMatching(/chat not found|user not found|PEER_ID_INVALID/i) });
    expect(store.currentRev).toBe(0);
  });

  it("diverts a real bot's calls to simulated chats; others still go to Telegram", async () => {
    const { store, api } = capture();
    const telegram: string[] = [];
    const realFetch: typeof fetch = async (input, init) => {
      telegram.push(`${String(input).split("/").pop()} ${String(init?.body)}`);
      return Response.json({ ok: true, result: { message_id: 1, date: 0, chat: { id: 5_500_000_000, type: "private", first_name: "x" }, text: "x" } });
    };
    const real = new Api("123:real", { fetch: realFetch, apiRoot: "http://telegram.invalid" });
    real.config.use(api.divert);
    await real.sendMessage(RAHIM, "Order #1 completed");
    await real.sendMessage(SIMULATED_GROUP.id, "✅ Your order is completed");
    expect(telegram).toEqual([]);
    expect(store.changesSince(0).messages.map((m) => [m.chatId, m.text])).toEqual([
      [RAHIM, "Order #1 completed"],
      [SIMULATED_GROUP.id, "✅ Your order is completed"],
    ]);
    await real.sendMessage(5_500_000_000, "a real customer");
    expect(telegram).toHaveLength(1);
  });
});

describe("the page's long poll", () => {
  it("wakes on a change, and at once when the server stops", async () => {
    const { store, api } = capture();
    const bot = new Api("1:capture", { fetch: api.fetch, apiRoot: "http://capture.invalid" });
    const waiting = store.waitForChange(10_000);
    await bot.sendMessage(RAHIM, "news");
    await waiting;
    // "At once": before the event loop turns, so long before the 10 s wait could end by itself.
    const settled = (p: Promise<void>) => Promise.race([p.then(() => "woken"), new Promise((r) => setImmediate(() => r("still waiting")))]);
    const held = store.waitForChange(10_000);
    store.close();
    expect(await settled(held)).toBe("woken");
    expect(await settled(store.waitForChange(10_000))).toBe("woken");
  });
});
