// With a real BOT_TOKEN (a fake Bot API server here) and TRY_PAGE=true, the /try page drives a
// capture-only bot and the real bot's notifications to simulated chats are diverted to the page:
// no call for a simulated chat ever reaches the Bot API.
import { toLatinDigits } from "../../src/shared/numbers.js";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isSimulatedId, PERSONAS } from "../../src/try/ids.js";
import type { ChatChanges, StoredMessage } from "../../src/try/store.js";
import { startFakeBotApiServer, TEST_TOKEN, textUpdate, type FakeBotApiServer } from "../support/bot-factories.js";

const dataDir = mkdtempSync(join(tmpdir(), "panelbot-try-token-"));
const ADMIN = 777000111;
let child: ChildProcess | undefined;
let api: FakeBotApiServer | undefined;

afterAll(async () => {
  if (child && child.exitCode === null) {
    await new Promise<void>((resolve) => {
      child!.once("exit", () => resolve());
      child!.kill("SIGTERM");
    });
  }
  await api?.close();
  rmSync(dataDir, { recursive: true, force: true });
}, 30_000);

describe("the try page beside a real bot", () => {
  it("never sends a simulated chat's messages to Telegram, and still shows the real bot's notifications for it", { timeout: 180_000 }, async () => {
    api = await startFakeBotApiServer();
    child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: {
        PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1",
        BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: api.apiRoot, ADMIN_IDS: String(ADMIN), TRY_PAGE: "true",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let log = "";
    child.stdout!.on("data", (d) => (log += d));
    child.stderr!.on("data", (d) => (log += d));
    await expect.poll(() => /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(log)?.[1], { timeout: 120_000, interval: 250 }).toBeTruthy();
    const base = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(log)![1]!;

    // The admin asks the (real) bot for a login link.
    api.telegram.pushUpdate(textUpdate({ id: ADMIN, first_name: "Admin" }, "/dashboard"));
    await expect.poll(() => api!.telegram.texts(ADMIN).join("\n"), { timeout: 30_000 }).toMatch(/\/admin\/login\?token=/);
    const token = /\/admin\/login\?token=([\w.-]+)/.exec(api.telegram.texts(ADMIN).join("\n"))![1]!;
    const login = await fetch(`${base}/admin/login?token=${token}`, { redirect: "manual" });
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;

    const customer = PERSONAS[1]!;
    const post = (path: string, body: object) =>
      fetch(`${base}${path}`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify(body) });
    const messages = async (): Promise<StoredMessage[]> => {
      const changes = (await (await fetch(`${base}/try/api/updates?since=0`, { headers: { cookie } })).json()) as ChatChanges;
      return changes.messages.filter((m) => m.chatId === customer.id && m.from === "bot" && !m.deleted);
    };
    const say = async (text: string) => expect((await post("/try/api/send", { chatId: customer.id, fromId: customer.id, text })).status).toBe(200);

    await say("/start");
    expect((await messages()).at(-1)!.text).toContain(customer.firstName);
    await say("/start"); // the menu (reply keyboard) is there; open the top-up conversation with its Bengali text
    const changes = (await (await fetch(`${base}/try/api/updates?since=0`, { headers: { cookie } })).json()) as ChatChanges;
    const menu = changes.chats.find((c) => c.chatId === customer.id)!.keyboard!.rows.flat();
    await say(menu[4]!); // ➕ add funds
    const methods = (await messages()).at(-1)!;
    expect((await post("/try/api/press", { chatId: customer.id, fromId: customer.id, messageId: methods.messageId, data: "tm:BKASH" })).status).toBe(200);
    await say("300");
    await say("01712345678");
    await say(`TOKEN${Date.now().toString(36)}`.toUpperCase());
    const topUpId = Number(/#(\d+)/.exec(toLatinDigits((await messages()).at(-1)!.text))![1]);
    expect(topUpId).toBeGreaterThan(0);

    // The real admin hears about the request through the real API (the capture-only bot cannot reach
    // a real chat: the outbox item waits for the real bot's notifier).
    const toAdmin = () => api!.telegram.calls.some((c) => c.method === "sendMessage" && String(c.payload.chat_id) === String(ADMIN) && toLatinDigits(String(c.payload.text)).includes(`#${topUpId}`));
    await expect.poll(toAdmin, { timeout: 30_000 }).toBe(true);

    // Approved in the back office: the real bot's notifier sends it, diverted to the page.
    const approve = await post("/graphql", { query: `mutation { approveTopUp(id: ${topUpId}) { __typename } }` });
    expect(await approve.json()).toEqual({ data: { approveTopUp: { __typename: "MutationApproveTopUpSuccess" } } });
    await expect.poll(async () => (await messages()).some((m) => toLatinDigits(m.text).includes(`#${topUpId}`) && /৳|300/.test(toLatinDigits(m.text)) && m.messageId > methods.messageId + 3), { timeout: 30_000 }).toBe(true);

    // Nothing for a simulated chat went to the Bot API.
    expect(api.telegram.calls.filter((c) => isSimulatedId(c.payload.chat_id as number | undefined))).toEqual([]);
    expect(log).not.toMatch(/"level":50/);
  });
});
