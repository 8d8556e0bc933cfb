import { Composer } from "grammy";
import { DomainError } from "../../shared/errors.js";
import { closeTicket } from "../../tickets/close-ticket.js";
import type { BotContext } from "../context.js";
import { errorText } from "../errors.js";
import { menuTexts } from "../keyboards/main-menu.js";

/** Starting the conversations: top-up, mass order, tickets; and the buttons under a ticket answer. */
export const supportFeature = new Composer<BotContext>();

const start = (name: "topup" | "mass" | "ticket") => (ctx: BotContext) => ctx.conversation.enter(name, ctx.locale);

supportFeature.command("topup", start("topup"));
supportFeature.command("mass", start("mass"));
supportFeature.command("support", start("ticket"));
supportFeature.on("message:text").filter((ctx) => menuTexts(ctx.i18n, "menu-topup").includes(ctx.message.text), start("topup"));
supportFeature.on("message:text").filter((ctx) => menuTexts(ctx.i18n, "menu-mass").includes(ctx.message.text), start("mass"));
supportFeature.on("message:text").filter((ctx) => menuTexts(ctx.i18n, "menu-support").includes(ctx.message.text), start("ticket"));

supportFeature.callbackQuery(/^tkr:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.conversation.enter("ticketReply", Number(ctx.match[1]), ctx.locale);
});

supportFeature.callbackQuery(/^tkc:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  try {
    const ticket = await closeTicket(ctx.deps, { ticketId: Number(ctx.match[1]), actor: ctx.actor! });
    await ctx.reply(ctx.t("ticket-closed", { id: String(ticket.id) }));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    await ctx.reply(errorText(ctx.i18n, ctx.locale, error, ctx.deps.config.SHOP_CURRENCY));
  }
});
