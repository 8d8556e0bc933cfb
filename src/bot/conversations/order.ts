import { randomBytes } from "node:crypto";
import type { Language, LinkKind, PriceUnit } from "@prisma/client";
import { InlineKeyboard } from "grammy";
import type { Deps } from "../../deps.js";
import { orderableFromRow, orderableService, prepareOrder } from "../../orders/prepare-order.js";
import type { CatalogueView } from "../../catalogue/catalogue-cache.js";
import { platformLabel } from "../../catalogue/platforms.js";
import { quantityLines, serviceKind, type ExtraField, type ServiceKind } from "../../catalogue/service-kinds.js";
import { Decimal } from "../../money/decimal.js";
import { userBalance } from "../../money/user-balance.js";
import { validateExtraField } from "../../orders/validate-extra.js";
import { parseQuantity, validateLink, validateUid } from "../../orders/validate-input.js";
import { DomainError } from "../../shared/errors.js";
import type { BotContext, BotConversation, ConvContext, PendingOrder } from "../context.js";
import { errorText } from "../errors.js";
import { estimateText } from "../estimate-text.js";
import { localName, money } from "../format.js";
import type { I18n } from "../i18n.js";
import { ask } from "./wait.js";

/** Summaries older than this are not confirmed any more (prices and balances move). */
export const PENDING_ORDER_TTL_MS = 24 * 3600_000;
const MAX_PENDING = 10;

interface ServiceView {
  id: number;
  name: string;
  linkKind: LinkKind;
  platform: string;
  priceUnit: PriceUnit;
  min: number;
  max: number;
  type: string;
}

/**
 * Link (or player UID) → quantity → summary with price and balance, and Confirm/Cancel buttons
 * whose callback data carries an idempotency key made here. The order itself is placed by the
 * Confirm handler (order-confirm.ts), so a replayed or stale tap cannot place a second one.
 */
export function orderConversation(deps: Deps, i18n: I18n) {
  return async function order(conversation: BotConversation, ctx: ConvContext, serviceId: number, locale: Language): Promise<void> {
    const t = i18n.translator(locale);
    const service = await conversation.external((outside: BotContext) => serviceView(outside.catalogue, serviceId, locale));
    if (!service) {
      await ctx.reply(t("err-service-unavailable"));
      return;
    }
    await ctx.reply(t("order-start", { service: service.name }));

    let link = "";
    if (service.linkKind !== "NONE") {
      await ctx.reply(service.linkKind === "UID" ? t("order-ask-uid") : t("order-ask-link", { platform: platformLabel(service.platform) }));
      link = await ask(conversation, i18n, locale, deps.config.SHOP_CURRENCY, (text) => (service.linkKind === "UID" ? validateUid(text) : validateLink(text, service.platform)));
    }

    const kind = serviceKind(service.type);
    const extra: Record<string, string | number> = {};
    let quantity: number | undefined;
    for (const field of kind.extras) {
      const countsQuantity = quantityLines(kind) === field;
      await ctx.reply(t(askKey(field, kind), { min: String(service.min), max: String(service.max) }));
      extra[field] = await ask(conversation, i18n, locale, deps.config.SHOP_CURRENCY, (text) => {
        const value = validateExtraField(field, text);
        if (countsQuantity) quantity = parseQuantity(String(value).split("\n").length, service.min, service.max);
        return value;
      });
    }
    if (quantity === undefined) {
      if (service.min === service.max) {
        quantity = service.min;
      } else {
        await ctx.reply(t("order-ask-quantity", { min: String(service.min), max: String(service.max) }));
        quantity = await ask(conversation, i18n, locale, deps.config.SHOP_CURRENCY, (text) => parseQuantity(text.trim(), service.min, service.max));
      }
    }
    const extras = Object.keys(extra).length ? extra : undefined;

    const summary = await conversation.external(async (outside) => {
      try {
        const svc = await orderableFromRow(deps.db, serviceId, await outside.catalogue.service(serviceId), outside.user);
        const draft = prepareOrder(svc, { serviceId, link, quantity, extra: extras });
        const balance = await userBalance(deps.db, outside.user?.id ?? -1);
        const key = randomBytes(9).toString("base64url");
        const pending: PendingOrder = { serviceId, link, quantity: draft.quantity, extra: extras, charge: draft.charge.toFixed(4), createdAt: Date.now() };
        outside.session.pending = keepRecent({ ...outside.session.pending, [key]: pending });
        const estimate = await outside.catalogue.estimate(serviceId);
        return { ok: true as const, key, charge: pending.charge, balance: balance.toString(), estimate };
      } catch (error) {
        if (error instanceof DomainError) return { ok: false as const, message: errorText(i18n, locale, error, deps.config.SHOP_CURRENCY) };
        throw error;
      }
    });
    if (!summary.ok) {
      await ctx.reply(summary.message);
      return;
    }
    const cur = deps.config.SHOP_CURRENCY;
    const enough = new Decimal(summary.balance).gte(summary.charge);
    const lines = [
      t("order-summary", {
        service: service.name,
        link: link || "—",
        quantity: String(quantity),
        price: money(locale, summary.charge, cur),
        balance: money(locale, summary.balance, cur),
      }),
      estimateText(t, summary.estimate),
    ];
    if (!enough) lines.push(t("order-low-balance", { balance: money(locale, summary.balance, cur), price: money(locale, summary.charge, cur) }));
    const buttons = new InlineKeyboard().text(t("btn-confirm"), `oc:${summary.key}:${summary.charge}`).text(t("btn-cancel"), `ox:${summary.key}`);
    await ctx.reply(lines.join("\n\n"), { reply_markup: buttons, link_preview_options: { is_disabled: true } });
  };
}

async function serviceView(catalogue: CatalogueView, serviceId: number, locale: Language): Promise<ServiceView | null> {
  let s;
  try {
    s = orderableService(serviceId, await catalogue.service(serviceId));
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
  return {
    id: s.id,
    name: localName(s, locale),
    linkKind: s.linkKind,
    platform: s.platform,
    priceUnit: s.priceUnit,
    min: s.min,
    max: s.max,
    type: s.type,
  };
}

/** The question for one extra: a list that sets the quantity names the allowed number of lines. */
function askKey(field: ExtraField, kind: ServiceKind): string {
  const countsQuantity = quantityLines(kind) === field;
  switch (field) {
    case "comments":
      return countsQuantity ? "order-ask-comments" : "order-ask-comments-package";
    case "usernames":
      return countsQuantity ? "order-ask-usernames-list" : "order-ask-usernames";
    case "answerNumber":
      return "order-ask-answer-number";
    default:
      return `order-ask-${field}`;
  }
}

function keepRecent(pending: Record<string, PendingOrder>): Record<string, PendingOrder> {
  const now = Date.now();
  const fresh = Object.entries(pending).filter(([, p]) => now - p.createdAt < PENDING_ORDER_TTL_MS);
  fresh.sort((a, b) => b[1].createdAt - a[1].createdAt);
  return Object.fromEntries(fresh.slice(0, MAX_PENDING));
}
