// 2. Bot: catalogue navigation and the order conversation fed through the real bot (createBot,
// sessions and conversations in PostgreSQL, update dedupe) with a fake Bot API in-process.
// Each customer: /start → 🛒 menu → category → service → Order → link → quantity → Confirm (8 updates).
import type { Message, Update, UserFromGetMe } from "grammy/types";
import { createDb } from "../../src/db/client.js";
import { benchDeps, drive, figure, installStatementCounter, latencySummary, log, statements, type BenchArgs, type Figure } from "../lib/common.js";
import { localBotInfo } from "../../src/bot/bot-info.js";
import pg from "pg";
import type { Bot } from "grammy";
import { minimalBot } from "../lib/minimal-bot.js";

const TOKEN = "123456:BENCH-token-for-the-fake-bot-api-00000";
const BOT_INFO: UserFromGetMe = localBotInfo(123456, "panel_bench_bot");

/** A Bot API that answers every call at once and remembers the last inline keyboard per chat. */
function fakeBotApi() {
  const keyboards = new Map<string, { text: string; callback_data?: string }[][]>();
  let messageId = 1000;
  let calls = 0;
  const fetchFn = (async (input: unknown, init?: { body?: unknown }) => {
    calls += 1;
    const url = String(input instanceof Request ? input.url : input);
    const method = url.slice(url.lastIndexOf("/") + 1);
    const p = init?.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : {};
    const markup = p.reply_markup as { inline_keyboard?: { text: string; callback_data?: string }[][] } | undefined;
    if (markup?.inline_keyboard) keyboards.set(String(p.chat_id), markup.inline_keyboard);
    let result: unknown = true;
    if (method === "sendMessage" || method === "editMessageText") {
      const chatId = Number(p.chat_id ?? 0);
      result = {
        message_id: method === "sendMessage" ? ++messageId : Number(p.message_id ?? ++messageId),
        date: Math.floor(Date.now() / 1000),
        chat: { id: chatId, type: "private", first_name: "user" },
        from: BOT_INFO,
        text: String(p.text ?? ""),
      } satisfies Message.TextMessage;
    } else if (method === "getMe") result = BOT_INFO;
    return new Response(JSON.stringify({ ok: true, result }), { headers: { "content-type": "application/json" } });
  }) as unknown as typeof fetch;
  return {
    fetch: fetchFn,
    calls: () => calls,
    button(chatId: number, match: RegExp): string {
      for (const b of (keyboards.get(String(chatId)) ?? []).flat()) if (b.callback_data && match.test(b.callback_data)) return b.callback_data;
      throw new Error(`no button ${match} in chat ${chatId}`);
    },
  };
}

let updateSeq = Date.now() * 100;
let messageSeq = 1;
function text(from: { id: number; first_name: string }, body: string): Update {
  const command = body.match(/^\/\w+/);
  return {
    update_id: ++updateSeq,
    message: {
      message_id: messageSeq++,
      date: Math.floor(Date.now() / 1000),
      chat: { id: from.id, type: "private", first_name: from.first_name },
      from: { is_bot: false, ...from },
      text: body,
      ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : {}),
    } as Message & Update.NonChannel,
  };
}
function press(from: { id: number; first_name: string }, data: string): Update {
  return {
    update_id: ++updateSeq,
    callback_query: {
      id: String(++updateSeq),
      from: { is_bot: false, ...from },
      chat_instance: String(from.id),
      data,
      message: { message_id: 1, date: Math.floor(Date.now() / 1000), chat: { id: from.id, type: "private", first_name: from.first_name }, from: BOT_INFO, text: "…" },
    },
  };
}

export async function benchBot(url: string, args: BenchArgs): Promise<Figure[]> {
  installStatementCounter();
  let createBot: typeof import("../../src/bot/create-bot.js").createBot;
  try {
    ({ createBot } = await import("../../src/bot/create-bot.js"));
  } catch (error) {
    throw new Error(`src/bot/create-bot.ts cannot be loaded (${(error as Error).message.split("\n")[0]})`);
  }
  const handle = createDb(url); // the app's pool size
  const db = handle.prisma;
  try {
    const deps = benchDeps(db, { BOT_TOKEN: TOKEN });
    const api = fakeBotApi();
    const bot = await createBot(deps, { token: TOKEN, botInfo: BOT_INFO, fetch: api.fetch, floodLimit: false });
    await bot.init();

    const category = await db.category.create({ data: { nameBn: "বেঞ্চ", nameEn: "Bench", sortOrder: -1 } });
    const provider = await db.provider.findFirstOrThrow({ orderBy: { id: "asc" } });
    const service = await db.service.create({
      data: { categoryId: category.id, nameBn: "আইজি ফলোয়ার", nameEn: "IG followers", platform: "instagram", price: "100", cost: "60", min: 100, max: 5000, providerId: provider.id, providerServiceId: "bench-bot" },
    });
    // Customers with funds, in bulk (ledger entry included so the balance equals the ledger).
    const total = 2 * args.botCustomers * (args.runs + 1);
    const base = 8_000_000_000 + (Date.now() % 1_000_000) * 1000;
    await db.$executeRawUnsafe(
      `WITH u AS (
         INSERT INTO "User" ("telegramId","username","firstName","createdAt","updatedAt")
         SELECT $1::bigint + g, 'bot_bench_' || ($1::bigint + g), 'Bench', now(), now() FROM generate_series(1, $2::int) g RETURNING id),
       a AS (INSERT INTO "Account" ("userId","balance","updatedAt") SELECT id, 100000, now() FROM u RETURNING id)
       INSERT INTO "LedgerEntry" ("accountId","kind","amount","balanceAfter","note") SELECT id, 'ADJUSTMENT', 100000, 100000, 'bench funds' FROM a`,
      base,
      total,
    );
    let next = base;

    // The same steps on the minimal bot (bench/lib/minimal-bot.ts): one pg pool of the app's size.
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    const mini = await minimalBot(deps, pool, { token: TOKEN, botInfo: BOT_INFO, fetch: api.fetch });
    await mini.init();

    interface Measured { rates: number[]; p50s: number[]; p99s: number[]; stmts: number[]; cpu: number[] }
    const measured = (): Measured => ({ rates: [], p50s: [], p99s: [], stmts: [], cpu: [] });
    const app = measured();
    const limit = measured();
    const warmUp = { app: measured(), limit: measured() };
    const runOnce = async (target: Bot<any>, into: Measured, customers: number, label: string) => {
      const froms = Array.from({ length: customers }, () => ({ id: Number(++next), first_name: "Bench" }));
      const latencies: number[] = [];
      const bySteps = new Map<string, number[]>();
      let updates = 0;
      const send = async (u: Update, step: string) => {
        const t = performance.now();
        await target.handleUpdate(u);
        const ms = performance.now() - t;
        latencies.push(ms);
        bySteps.set(step, [...(bySteps.get(step) ?? []), ms]);
        updates += 1;
      };
      const before = statements();
      const cpu0 = process.cpuUsage();
      const r = await drive(froms, args.botConcurrency, async (from) => {
        await send(text(from, "/start"), "/start");
        await send(text(from, "🛒 সার্ভিস"), "menu");
        await send(press(from, `cat:${category.id}:0`), "category");
        await send(press(from, `svc:${service.id}`), "service");
        await send(press(from, api.button(from.id, /^ord:/)), "Order");
        await send(text(from, `https://instagram.com/bench_${from.id}`), "link");
        await send(text(from, "1000"), "quantity");
        await send(press(from, api.button(from.id, /^oc:/)), "Confirm");
      });
      const c = process.cpuUsage(cpu0);
      const stmtCount = statements() - before;
      if (r.errors.length) throw new Error(`the ${label} flow failed for ${r.errors.length} customers: ${String(r.errors[0])}`);
      const placed = await db.order.count({ where: { serviceId: service.id, link: { in: froms.map((f) => `https://instagram.com/bench_${f.id}`) } } });
      if (placed !== customers) throw new Error(`the ${label} order conversation placed ${placed} of ${customers} orders`);
      const l = latencySummary(latencies);
      into.rates.push(updates / (r.wallMs / 1000));
      into.p50s.push(l.p50);
      into.p99s.push(l.p99);
      into.stmts.push(stmtCount / updates);
      into.cpu.push((c.user + c.system) / 1000 / updates);
      log(`${label} p50 by step: ${[...bySteps].map(([k, v]) => `${k} ${latencySummary(v).p50.toFixed(0)}`).join(", ")} ms`);
      log(`${label} run ${into.rates.length}: ${updates} updates, ${into.rates.at(-1)!.toFixed(0)} updates/s, p99 ${l.p99.toFixed(1)} ms, ${(stmtCount / updates).toFixed(2)} stmts, ${into.cpu.at(-1)!.toFixed(2)} ms CPU/update`);
    };
    try {
      // Warm-up, as long as a measured run: the first run pays for compiling the hot paths (its CPU
      // is reported on its own).
      await runOnce(bot, warmUp.app, args.botCustomers, "bot (warm-up)");
      await runOnce(mini, warmUp.limit, args.botCustomers, "minimal bot (warm-up)");
      // Alternate which goes first, so the machine's drift falls on both.
      for (let run = 0; run < args.runs; run++) {
        for (const [target, into, label] of (run % 2 === 0 ? [[bot, app, "bot"], [mini, limit, "minimal bot"]] : [[mini, limit, "minimal bot"], [bot, app, "bot"]]) as [Bot<any>, Measured, string][]) {
          await runOnce(target, into, args.botCustomers, label);
        }
      }
    } finally {
      await pool.end();
    }
    const S = "2 bot";
    const note = `${args.botCustomers} customers × 8 updates/run, ${args.botConcurrency} chats at once, flood limit off`;
    const ratio = (a: number[], b: number[]) => a.map((v, i) => v / b[i]!);
    return [
      figure(S, "updates handled", "updates/s", app.rates, { target: "≥ 600", check: (m) => m >= 600, note }),
      figure(S, "per update p50", "ms", app.p50s),
      figure(S, "per update p99", "ms", app.p99s, { target: "≤ 100", check: (m) => m <= 100 }),
      figure(S, "SQL statements/update", "stmts", app.stmts, { note: "all 8 steps; Confirm places the order" }),
      figure(S, "Node CPU/update", "ms", app.cpu),
      figure(S, "Node CPU/update in the warm-up run", "ms", warmUp.app.cpu, { note: `bot ${warmUp.app.cpu[0]?.toFixed(2)} ms, minimal bot ${warmUp.limit.cpu[0]?.toFixed(2)} ms; not in the other figures` }),
      figure(S, "minimal grammY bot: updates handled", "updates/s", limit.rates, { note: "bench/lib/minimal-bot.ts, same steps, one session row in pg" }),
      figure(S, "minimal bot per update p99", "ms", limit.p99s),
      figure(S, "minimal bot SQL statements/update", "stmts", limit.stmts),
      figure(S, "minimal bot Node CPU/update", "ms", limit.cpu),
      figure(S, "ratio Node CPU/update bot / minimal", "×", ratio(app.cpu, limit.cpu), { target: "≤ 2", check: (m) => m <= 2 }),
      figure(S, "ratio updates/s minimal / bot", "×", ratio(limit.rates, app.rates)),
    ];
  } finally {
    await handle.close();
  }
}
