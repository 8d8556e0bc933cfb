// Two bot instances on one PostgreSQL behind a round-robin proxy, webhook mode, as behind a load
// balancer: each instance is its own bot, database pool and chat-lock pool (what a second process
// has), sharing only the database and the (fake) Bot API. 50 chats × 20 webhook requests: two order
// conversations each, Confirm tapped several times at once, some updates delivered twice at once.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { describe, expect, inject, it, onTestFinished, vi } from "vitest";
import { webhookRoute } from "../../src/bot/runtime/webhook-route.js";
import { buildService, buildUser } from "../support/factories.js";
import { buildTestBot, buttonData, callbackUpdate, fakeTelegram, textUpdate, tgUser, type TestBot } from "../support/bot-factories.js";
import { serve } from "../support/http.js";
import { expectLedgerInvariants } from "../support/ledger-invariants.js";
import { useTestDb } from "../support/test-db.js";

const SECRET = "webhook-secret-0123456789";
const WEBHOOK_ENV = { WEBHOOK_URL: "https://shop.example.com/telegram/hook", WEBHOOK_SECRET: SECRET };
const CHATS = 50;

async function instance(telegram: ReturnType<typeof fakeTelegram>): Promise<{ url: string; test: TestBot; handled: () => number; lostRaces: () => number }> {
  const { prisma } = await useTestDb(5);
  const locks = new pg.Pool({ connectionString: inject("databaseUrl"), max: 5 });
  onTestFinished(() => locks.end());
  const test = await buildTestBot(prisma, WEBHOOK_ENV, { chatLocks: locks }, telegram);
  // A session write that lost a race is refused and logged (a warning): a lost step.
  const warn = vi.spyOn(test.deps.logger, "warn");
  const lostRaces = () => warn.mock.calls.filter((args) => /lost a race/.test(String(args[1]))).length;
  let handled = 0;
  const handle = test.bot.handleUpdate.bind(test.bot);
  test.bot.handleUpdate = async (...args) => {
    handled += 1;
    return handle(...args);
  };
  const { url } = await serve([webhookRoute(test.deps, test.bot)]);
  return { url, test, handled: () => handled, lostRaces };
}

/** Round-robin over the instances, like a load balancer. */
async function roundRobin(targets: string[]): Promise<string> {
  let next = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const target = targets[next++ % targets.length]!;
      const answer = await fetch(`${target}${req.url}`, { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": String(req.headers["x-telegram-bot-api-secret-token"]) }, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(answer.status, { "content-type": "application/json" });
      res.end(await answer.text());
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  onTestFinished(() => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/telegram/hook`;
}

describe("two instances behind one webhook", () => {
  it("50 chats × 20 updates spread over both: every conversation ends as on one instance, 0 double orders, 0 lost steps", async () => {
    const telegram = fakeTelegram();
    const a = await instance(telegram);
    const b = await instance(telegram);
    const webhook = await roundRobin([a.url, b.url]);
    const db = a.test.deps.db;
    const service = await buildService(db, { price: "100", min: 100, max: 5000, platform: "instagram" });
    const statuses: number[] = [];
    let requests = 0;
    const send = async (update: object) => {
      requests += 1;
      const res = await fetch(webhook, { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET }, body: JSON.stringify(update) });
      statuses.push(res.status);
      if (res.status !== 200) throw new Error(`webhook answered ${res.status} ${await res.text()}: ${JSON.stringify([...a.test.errors, ...b.test.errors]).slice(0, 3000)}`);
    };
    const updateIds = new Set<number>();
    const once = (u: { update_id: number }) => (updateIds.add(u.update_id), send(u));
    const twice = (u: { update_id: number }) => (updateIds.add(u.update_id), Promise.all([send(u), send(u)]));

    const customers = [];
    for (let i = 0; i < CHATS; i++) customers.push(await buildUser(db, { balance: "1000" }));
    async function conversation(from: ReturnType<typeof tgUser>, link: string, quantity: number, second: boolean) {
      await once(textUpdate(from, "🛒 সার্ভিস"));
      await once(callbackUpdate(from, `cat:${service.categoryId}:0`));
      await once(callbackUpdate(from, `svc:${service.id}`));
      await once(callbackUpdate(from, buttonData(telegram, from.id, /^ord:/)));
      await once(textUpdate(from, link));
      const qty = textUpdate(from, String(quantity));
      await (second ? twice(qty) : once(qty));
      const confirm = buttonData(telegram, from.id, /^oc:/);
      // Confirm tapped three times at once (the second conversation: one tap delivered twice).
      if (second) {
        const tap = callbackUpdate(from, confirm);
        await Promise.all([twice(tap), once(callbackUpdate(from, confirm))]);
      } else await Promise.all([0, 1, 2].map(() => once(callbackUpdate(from, confirm))));
    }
    await Promise.all(
      customers.map(async (customer, i) => {
        const from = tgUser(customer);
        await once(textUpdate(from, "/start"));
        await conversation(from, `https://instagram.com/first_${i}`, 1000, false);
        await conversation(from, `https://instagram.com/second_${i}`, 2000, true);
      }),
    );

    expect(requests).toBe(CHATS * 20);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect([a.handled(), b.handled()].every((n) => n > CHATS * 5)).toBe(true); // both took a share
    const ids = customers.map((c) => c.id);
    const orders = await db.order.findMany({ where: { userId: { in: ids } }, select: { userId: true, link: true, quantity: true, charge: true } });
    const perChat = customers.map((c, i) =>
      orders
        .filter((o) => o.userId === c.id)
        .map((o) => `${o.link} ${o.quantity}`)
        .sort()
        .join(" | ") === `https://instagram.com/first_${i} 1000 | https://instagram.com/second_${i} 2000`,
    );
    expect(perChat.filter((ok) => !ok).length, JSON.stringify(orders.slice(0, 6))).toBe(0);
    expect(orders).toHaveLength(CHATS * 2);
    const accounts = await db.account.findMany({ where: { userId: { in: ids } }, select: { id: true, balance: true } });
    expect(new Set(accounts.map((x) => x.balance.toString()))).toEqual(new Set(["700"]));
    // Every distinct update handled exactly once; duplicates skipped.
    expect(await db.processedUpdate.count({ where: { updateId: { in: [...updateIds].map(BigInt) } } })).toBe(updateIds.size);
    expect(updateIds.size).toBe(CHATS * 18);
    for (const c of customers) {
      const placed = telegram.texts(Number(c.telegramId)).filter((t) => /#[0-9০-৯]+/.test(t) && t.includes("৳"));
      expect(placed.length).toBeGreaterThanOrEqual(2);
    }
    expect([...a.test.errors, ...b.test.errors]).toEqual([]);
    expect(a.lostRaces() + b.lostRaces()).toBe(0);
    await expectLedgerInvariants(db, accounts.map((x) => x.id));
    // Generous: 1000 webhook requests take ~90 s on a loaded 2-core machine (a timing is not the verdict).
  }, 600_000);
});
