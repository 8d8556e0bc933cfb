import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { day, money } from "../format.js";
import { menuTexts } from "../keyboards/main-menu.js";

export const balanceFeature = new Composer<BotContext>();

/** Balance and the latest ledger entries. */
async function balance(ctx: BotContext) {
  const cur = ctx.deps.config.SHOP_CURRENCY;
  const account = await ctx.deps.db.account.findUniqueOrThrow({ where: { userId: ctx.user!.id } });
  const entries = await ctx.deps.db.ledgerEntry.findMany({ where: { accountId: account.id }, orderBy: { id: "desc" }, take: 10 });
  const lines = [ctx.t("balance-text", { balance: money(ctx.locale, account.balance, cur) })];
  if (entries.length === 0) lines.push(ctx.t("ledger-empty"));
  else {
    lines.push(ctx.t("ledger-title"));
    for (const e of entries) {
      const sign = e.amount.isNegative() ? "−" : "+";
      lines.push(ctx.t("ledger-line", { date: day(ctx.locale, e.createdAt, ctx.deps.config.SHOP_TIME_ZONE), kind: ctx.t(`ledger-kind-${e.kind}`), amount: `${sign}${money(ctx.locale, e.amount.abs(), cur)}`, order: e.orderId ? `#${e.orderId}` : "" }).trim());
    }
  }
  lines.push(ctx.t("topup-hint"));
  await ctx.reply(lines.join("\n"));
}

balanceFeature.command("balance", balance);
balanceFeature.on("message:text").filter((ctx) => menuTexts(ctx.i18n, "menu-balance").includes(ctx.message.text), balance);
