import { randomBytes } from "node:crypto";
import { Composer, InlineKeyboard } from "grammy";
import type { CatalogueView } from "../../catalogue/catalogue-cache.js";
import { platformLabel } from "../../catalogue/platforms.js";
import { quantityLines, serviceKind, type ExtraField, type ServiceKind } from "../../catalogue/service-kinds.js";
import { Decimal } from "../../money/decimal.js";
import { userBalance } from "../../money/user-balance.js";
import { orderableFromRow, orderableService, prepareOrder } from "../../orders/prepare-order.js";
import { lineCount, validateExtraField } from "../../orders/validate-extra.js";
import { parseQuantity, validateServiceLink } from "../../orders/validate-input.js";
import { DomainError } from "../../shared/errors.js";
import type { BotContext, OrderDraft, PendingOrder } from "../context.js";
import { errorText } from "../errors.js";
import { estimateText } from "../estimate-text.js";
import { localName, money } from "../format.js";

/** Summaries older than this are not confirmed any more (prices and balances move). */
export const PENDING_ORDER_TTL_MS = 24 * 3600_000;
const MAX_PENDING = 10;

/**
 * Order → link (or player UID) → the service kind's extras → quantity → summary with price and
 * balance, and Confirm/Cancel buttons whose callback data carries an idempotency key made here.
 * The order itself is placed by the Confirm handler (order-confirm.ts), so a replayed or stale
 * tap cannot place a second one.
 *
 * The answers so far live in the chat's session (`order`), so the flow resumes after a restart
 * and is guarded like every session write across instances. It is not a conversations-plugin
 * conversation because the plugin replays the whole dialogue and re-stores its log on every step,
 * which was most of the bot's CPU per update (issue 19). Escaping (escape.ts) drops the draft.
 */
export const orderFlowFeature = new Composer<BotContext>();

orderFlowFeature.callbackQuery(/^ord:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const serviceId = Number(ctx.match[1]);
  const service = await serviceFor(ctx.catalogue, serviceId);
  if (!service) return void (await ctx.reply(ctx.t("err-service-unavailable")));
  // The service's name heads the first question (the summary names it too): one message, not two.
  await askNextOrSummarise(ctx, service, { serviceId, extra: {} }, ctx.t("order-start", { service: localName(service, ctx.locale) }));
});

// Only while a draft is open; everything else goes on to the rest of the bot.
const inFlow = orderFlowFeature.filter((ctx) => ctx.session.order !== undefined);

inFlow.on("message:text", async (ctx) => {
  const draft = ctx.session.order!;
  const service = await serviceFor(ctx.catalogue, draft.serviceId);
  if (!service) {
    delete ctx.session.order;
    return void (await ctx.reply(ctx.t("err-service-unavailable")));
  }
  const question = nextQuestion(service, draft);
  if (!question) return void (await askNextOrSummarise(ctx, service, draft)); // the service changed under the draft
  let next: OrderDraft;
  try {
    next = answered(service, draft, question, ctx.message.text);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return void (await ctx.reply(errorText(ctx.i18n, ctx.locale, error, ctx.deps.config.SHOP_CURRENCY)));
  }
  await askNextOrSummarise(ctx, service, next);
});

// A sticker, a photo, a voice note: the step wants text.
inFlow.on("message", (ctx) => ctx.reply(ctx.t("hint-send-text")));

type Service = ReturnType<typeof orderableService>;
type Question = { kind: "link" } | { kind: "extra"; field: ExtraField; countsQuantity: boolean } | { kind: "quantity" };

async function serviceFor(catalogue: CatalogueView, serviceId: number): Promise<Service | null> {
  try {
    return orderableService(serviceId, await catalogue.service(serviceId));
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
}

/** What the draft still lacks, in the order the customer is asked: link, extras, quantity. */
function nextQuestion(service: Service, draft: OrderDraft): Question | null {
  if (service.linkKind !== "NONE" && draft.link === undefined) return { kind: "link" };
  const kind = serviceKind(service.type);
  const field = kind.extras.find((f) => !(f in draft.extra));
  if (field) return { kind: "extra", field, countsQuantity: quantityLines(kind) === field };
  if (draft.quantity === undefined && service.min !== service.max) return { kind: "quantity" };
  return null;
}

/** The draft with this answer in it; a DomainError says why the answer was refused. */
function answered(service: Service, draft: OrderDraft, question: Question, text: string): OrderDraft {
  switch (question.kind) {
    case "link":
      return { ...draft, link: validateServiceLink(service, text) };
    case "extra": {
      const value = validateExtraField(question.field, text);
      const quantity = question.countsQuantity ? parseQuantity(lineCount({ [question.field]: value }, question.field), service.min, service.max) : draft.quantity;
      return { ...draft, extra: { ...draft.extra, [question.field]: value }, quantity };
    }
    case "quantity":
      return { ...draft, quantity: parseQuantity(text.trim(), service.min, service.max) };
  }
}

async function askNextOrSummarise(ctx: BotContext, service: Service, draft: OrderDraft, heading?: string): Promise<void> {
  const question = nextQuestion(service, draft);
  if (!question) {
    delete ctx.session.order;
    return summarise(ctx, service, draft);
  }
  ctx.session.order = draft;
  const range = { min: String(service.min), max: String(service.max) };
  const text =
    question.kind === "link"
      ? service.linkKind === "UID"
        ? ctx.t("order-ask-uid")
        : ctx.t("order-ask-link", { platform: platformLabel(service.platform) })
      : question.kind === "extra"
        ? ctx.t(askKey(question.field, serviceKind(service.type)), range)
        : ctx.t("order-ask-quantity", range);
  await ctx.reply(heading ? `${heading}\n\n${text}` : text);
}

/** The price at today's rates and the balance, kept as a pending order under a fresh key. */
async function summarise(ctx: BotContext, service: Service, draft: OrderDraft): Promise<void> {
  const { deps, locale } = ctx;
  const cur = deps.config.SHOP_CURRENCY;
  const extra = Object.keys(draft.extra).length ? draft.extra : undefined;
  let pending: PendingOrder;
  let balance: Decimal;
  try {
    // prepareOrder decides what was not asked: no link, a package's one quantity.
    const svc = await orderableFromRow(deps.db, draft.serviceId, await ctx.catalogue.service(draft.serviceId), ctx.user);
    const prepared = prepareOrder(svc, { serviceId: draft.serviceId, link: draft.link, quantity: draft.quantity, extra });
    balance = await userBalance(deps.db, ctx.user?.id ?? -1);
    pending = { serviceId: draft.serviceId, link: prepared.link, quantity: prepared.quantity, extra, charge: prepared.charge.toFixed(4), createdAt: Date.now() };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return void (await ctx.reply(errorText(ctx.i18n, locale, error, cur)));
  }
  const key = randomBytes(9).toString("base64url");
  ctx.session.pending = keepRecent({ ...ctx.session.pending, [key]: pending });
  const lines = [
    ctx.t("order-summary", {
      service: localName(service, locale),
      link: pending.link || "—",
      quantity: String(pending.quantity),
      price: money(locale, pending.charge, cur),
      balance: money(locale, balance.toString(), cur),
    }),
    estimateText(ctx.t, await ctx.catalogue.estimate(draft.serviceId)),
  ];
  if (balance.lt(pending.charge)) lines.push(ctx.t("order-low-balance", { balance: money(locale, balance.toString(), cur), price: money(locale, pending.charge, cur) }));
  const buttons = new InlineKeyboard().text(ctx.t("btn-confirm"), `oc:${key}:${pending.charge}`).text(ctx.t("btn-cancel"), `ox:${key}`);
  await ctx.reply(lines.join("\n\n"), { reply_markup: buttons, link_preview_options: { is_disabled: true } });
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
