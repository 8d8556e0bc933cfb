// The limit the bot is compared with: a grammY bot doing the same eight steps with nothing but
// what they need — one statement per update that records the update id and reads the chat's one
// session row (and the sender's user id), the catalogue held in memory, the balance read for the
// summary, the session written only when it changed, and the same placement use-case at Confirm.
import { randomBytes } from "node:crypto";
import { Bot, InlineKeyboard, Keyboard } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type pg from "pg";
import type { Deps } from "../../src/deps.js";
import { placeOrder } from "../../src/orders/place-order.js";

interface State {
  step?: "link" | "quantity";
  serviceId?: number;
  link?: string;
  pending: Record<string, { serviceId: number; link: string; quantity: number; charge: string }>;
}

interface Catalogue {
  categories: { id: number; nameEn: string }[];
  services: Map<number, { id: number; categoryId: number; nameEn: string; price: number; min: number; max: number }>;
}

export async function minimalBot(deps: Deps, pool: pg.Pool, options: { token: string; botInfo: UserFromGetMe; fetch: typeof fetch }): Promise<Bot> {
  const catalogue: Catalogue = { categories: [], services: new Map() };
  catalogue.categories = (await pool.query(`SELECT id, "nameEn" FROM "Category" WHERE active ORDER BY "sortOrder", id`)).rows;
  for (const s of (await pool.query(`SELECT id, "categoryId", "nameEn", price::float8 AS price, min, max FROM "Service" WHERE active`)).rows) catalogue.services.set(s.id, s);

  const bot = new Bot(options.token, { botInfo: options.botInfo, client: { fetch: options.fetch } });
  bot.use(async (ctx, next) => {
    const chatId = ctx.chat!.id;
    const first = await pool.query<{ fresh: number; value: string | null; userId: number | null }>(
      `WITH d AS (INSERT INTO "ProcessedUpdate" ("updateId") VALUES ($1) ON CONFLICT DO NOTHING RETURNING 1)
       SELECT (SELECT count(*) FROM d)::int AS fresh, (SELECT value FROM "Session" WHERE key = $2) AS value,
              (SELECT id FROM "User" WHERE "telegramId" = $3) AS "userId"`,
      [ctx.update.update_id, `mini:${chatId}`, ctx.from!.id],
    );
    const row = first.rows[0]!;
    if (row.fresh === 0) return;
    const before = row.value;
    const state: State = before ? JSON.parse(before) : { pending: {} };
    (ctx as unknown as { state: State; userId: number }).state = state;
    (ctx as unknown as { state: State; userId: number }).userId = row.userId!;
    await next();
    const after = JSON.stringify(state);
    if (after !== before) {
      await pool.query(`INSERT INTO "Session" (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`, [`mini:${chatId}`, after]);
    }
  });
  const st = (ctx: unknown) => ctx as { state: State; userId: number };

  bot.command("start", (ctx) => ctx.reply(`Welcome, ${ctx.from!.first_name}`, { reply_markup: new Keyboard().text("🛒 সার্ভিস").resized() }));
  bot.hears("🛒 সার্ভিস", (ctx) => {
    const k = new InlineKeyboard();
    for (const c of catalogue.categories.slice(0, 8)) k.text(c.nameEn, `cat:${c.id}:0`).row();
    return ctx.reply("Categories", { reply_markup: k });
  });
  bot.callbackQuery(/^cat:(\d+):(\d+)$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    const id = Number(ctx.match[1]);
    const k = new InlineKeyboard();
    for (const s of [...catalogue.services.values()].filter((s) => s.categoryId === id).slice(0, 8)) k.text(`${s.nameEn} · ${s.price}`, `svc:${s.id}`).row();
    await ctx.editMessageText("Services", { reply_markup: k });
  });
  bot.callbackQuery(/^svc:(\d+)$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    const s = catalogue.services.get(Number(ctx.match[1]))!;
    await ctx.editMessageText(`${s.nameEn}\nPrice per 1000: ${s.price}\nMin ${s.min} · max ${s.max}`, { reply_markup: new InlineKeyboard().text("Order", `ord:${s.id}`) });
  });
  bot.callbackQuery(/^ord:(\d+)$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    Object.assign(st(ctx).state, { step: "link", serviceId: Number(ctx.match[1]) });
    await ctx.reply("Send the link");
  });
  bot.on("message:text", async (ctx) => {
    const state = st(ctx).state;
    if (state.step === "link") {
      if (!/^https:\/\/\S+$/.test(ctx.message.text)) return ctx.reply("That is not a link");
      Object.assign(state, { step: "quantity", link: ctx.message.text });
      return ctx.reply("How many?");
    }
    if (state.step === "quantity") {
      const s = catalogue.services.get(state.serviceId!)!;
      const quantity = Number(ctx.message.text);
      if (!Number.isInteger(quantity) || quantity < s.min || quantity > s.max) return ctx.reply("Out of range");
      const balance = (await pool.query(`SELECT a.balance::text AS balance FROM "Account" a WHERE a."userId" = $1`, [st(ctx).userId])).rows[0]?.balance ?? "0";
      const charge = ((s.price * quantity) / 1000).toFixed(4);
      const key = randomBytes(9).toString("base64url");
      state.pending[key] = { serviceId: s.id, link: state.link!, quantity, charge };
      delete state.step;
      return ctx.reply(`${s.nameEn}\n${state.link}\n${quantity}\nPrice ${charge}\nBalance ${balance}`, {
        reply_markup: new InlineKeyboard().text("Confirm", `oc:${key}:${charge}`).text("Cancel", `ox:${key}`),
      });
    }
  });
  bot.callbackQuery(/^oc:([A-Za-z0-9_-]+):(\d+\.\d{4})$/, async (ctx) => {
    const key = ctx.match[1]!;
    const pending = st(ctx).state.pending[key]!;
    const { order } = await placeOrder(deps, { userId: st(ctx).userId, serviceId: pending.serviceId, link: pending.link, quantity: pending.quantity, idempotencyKey: `mini:${key}`, expectedCharge: pending.charge });
    delete st(ctx).state.pending[key];
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(`Order #${order.id} placed`);
  });
  return bot;
}
