import type { BroadcastAudience, Language } from "@prisma/client";
import { InlineKeyboard } from "grammy";
import { countAudience, MAX_DAYS, validateAudience, type AudienceInput } from "../../broadcasts/audience.js";
import { createBroadcast } from "../../broadcasts/create-broadcast.js";
import { validateMessage } from "../../broadcasts/message.js";
import { previewBroadcast } from "../../broadcasts/preview-broadcast.js";
import type { Deps } from "../../deps.js";
import { DomainError, ValidationError } from "../../shared/errors.js";
import { parseWholeNumber } from "../../shared/numbers.js";
import { entitiesToHtml } from "../broadcasts/entities-html.js";
import { confirmButtons } from "../broadcasts/progress-text.js";
import type { BotConversation, ConvContext } from "../context.js";
import { errorText } from "../errors.js";
import type { I18n } from "../i18n.js";
import { ask, waitChoice } from "./wait.js";

const AUDIENCES: BroadcastAudience[] = ["ALL_CUSTOMERS", "LANGUAGE", "ORDERED_RECENTLY", "RESELLERS", "GROUP"];

/**
 * /broadcast for admins: the message (Telegram formatting kept) → optional link button → audience →
 * a draft, previewed to the admin's private chat (Telegram checks the formatting there) → Send /
 * Cancel buttons, handled by features/broadcast.ts (they work after a restart too).
 */
export function broadcastConversation(deps: Deps, i18n: I18n) {
  return async function broadcast(conversation: BotConversation, ctx: ConvContext, locale: Language): Promise<void> {
    const t = i18n.translator(locale);
    const currency = deps.config.SHOP_CURRENCY;
    const fail = (error: unknown) => {
      if (error instanceof DomainError) return errorText(i18n, locale, error, currency);
      throw error;
    };

    await ctx.reply(t("broadcast-ask-text"));
    let html: string;
    for (;;) {
      const answer = await conversation.wait();
      const message = answer.message;
      if (!message) {
        await conversation.skip({ next: true });
        continue;
      }
      if (message.text === undefined) {
        await answer.reply(t("broadcast-not-text"));
        continue;
      }
      html = entitiesToHtml(message.text, message.entities);
      try {
        validateMessage({ html });
        break;
      } catch (error) {
        await answer.reply(fail(error));
      }
    }

    await ctx.reply(t("broadcast-ask-button"), { reply_markup: new InlineKeyboard().text(t("broadcast-btn-skip"), "bcw:skip") });
    let button: { text: string; url: string } | undefined;
    for (;;) {
      const answer = await conversation.wait();
      if (answer.callbackQuery?.data === "bcw:skip") {
        await answer.answerCallbackQuery();
        break;
      }
      const text = answer.message?.text;
      if (text === undefined) {
        if (!answer.message) await conversation.skip({ next: true });
        continue;
      }
      const [label, url, extra] = text.split("|").map((s) => s.trim());
      if (!label || !url || extra !== undefined) {
        await answer.reply(t("broadcast-bad-button"));
        continue;
      }
      try {
        button = validateMessage({ html, buttonText: label, buttonUrl: url }).button;
        break;
      } catch (error) {
        await answer.reply(fail(error));
      }
    }

    const audiences = new InlineKeyboard();
    AUDIENCES.forEach((a, i) => {
      audiences.text(t(`broadcast-aud-${a}`), `bcw:aud:${a}`);
      if (i % 2 === 1) audiences.row();
    });
    await ctx.reply(t("broadcast-ask-audience"), { reply_markup: audiences });
    let audience: AudienceInput;
    for (;;) {
      const { match } = await waitChoice(conversation, /^bcw:aud:([A-Z_]+)$/, t("hint-use-buttons"));
      const kind = match[1] as BroadcastAudience;
      if (kind === "LANGUAGE") {
        await ctx.reply(t("broadcast-ask-language"), { reply_markup: new InlineKeyboard().text("বাংলা", "bcw:lang:bn").text("English", "bcw:lang:en") });
        const { match: lang } = await waitChoice(conversation, /^bcw:lang:(bn|en)$/, t("hint-use-buttons"));
        audience = { audience: kind, language: lang[1] as Language };
      } else if (kind === "ORDERED_RECENTLY") {
        await ctx.reply(t("broadcast-ask-days"));
        const days = await ask(conversation, i18n, locale, currency, (text) => {
          const n = parseWholeNumber(text);
          if (n === null || n < 1 || n > MAX_DAYS) throw new ValidationError("days", "bad_days", "bad days", { min: 1, max: MAX_DAYS });
          return n;
        });
        audience = { audience: kind, days };
      } else if (kind === "GROUP") {
        // Conversation state is JSON: no BigInt chat ids in it.
        const groups = await conversation.external(async () =>
          (await deps.db.group.findMany({ where: { active: true }, orderBy: { id: "desc" }, take: 20, select: { id: true, title: true, chatId: true } })).map((g) => ({ id: g.id, label: g.title ?? String(g.chatId) })),
        );
        if (groups.length === 0) {
          await ctx.reply(t("broadcast-no-groups"), { reply_markup: audiences });
          continue;
        }
        const list = new InlineKeyboard();
        for (const g of groups) list.text(g.label, `bcw:grp:${g.id}`).row();
        await ctx.reply(t("broadcast-ask-group"), { reply_markup: list });
        const { match: group } = await waitChoice(conversation, /^bcw:grp:(\d+)$/, t("hint-use-buttons"));
        audience = { audience: kind, groupId: Number(group[1]) };
      } else {
        audience = { audience: kind };
      }
      break;
    }

    const result = await conversation.external(async (outside) => {
      try {
        const actor = outside.actor!;
        const draft = await createBroadcast(deps, { html, buttonText: button?.text ?? null, buttonUrl: button?.url ?? null, ...audience, actor });
        const count = await countAudience(deps.db, await validateAudience(deps.db, audience), deps.now());
        await previewBroadcast(deps, { broadcastId: draft.id, actor });
        return { ok: true as const, id: draft.id, count };
      } catch (error) {
        return { ok: false as const, text: fail(error) };
      }
    });
    if (!result.ok) {
      await ctx.reply(result.text);
      return;
    }
    await ctx.reply(t("broadcast-preview-ready", { id: result.id, audience: audienceText(t, audience), count: result.count }), { reply_markup: confirmButtons(t, result.id) });
  };
}

function audienceText(t: (key: string, args?: Record<string, string | number>) => string, a: AudienceInput): string {
  const name = t(`broadcast-aud-${a.audience}`);
  if (a.audience === "LANGUAGE") return `${name}: ${a.language === "en" ? "English" : "বাংলা"}`;
  if (a.audience === "ORDERED_RECENTLY") return t("broadcast-aud-days", { days: a.days ?? 0 });
  if (a.audience === "GROUP") return `${name} #${a.groupId}`;
  return name;
}
