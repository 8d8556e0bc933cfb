// The provider side of API v2, with the error texts real panels use.
import { Decimal } from "decimal.js";
import type { OrderBook } from "./order-book.js";
import type { SimOrder, SimRequest, SimService } from "./types.js";

export type ReplyStyle = "perfectpanel" | "smartpanel";

export interface ActionContext {
  book: OrderBook;
  apiKey: string;
  replyStyle: ReplyStyle;
  /** Refuse `add` while the same link has an active order. */
  rejectDuplicateLinks: boolean;
}

export interface ActionReply {
  status: number;
  json: unknown;
}

const MAX_IDS = 100;
const fail = (error: string): ActionReply => ({ status: 200, json: { error } });

export function handleAction(ctx: ActionContext, request: SimRequest, key: string | undefined): ActionReply {
  if (key !== ctx.apiKey) return fail("Invalid API key");
  const f = request.fields;
  switch (request.action) {
    case "services":
      return { status: 200, json: ctx.book.listServices().filter((s) => s.active !== false).map(serviceEntry) };
    case "add":
      return add(ctx, f);
    case "status":
      return f.orders !== undefined ? keyed(f.orders, (id) => statusEntry(ctx, id)) : single(statusEntry(ctx, f.order ?? ""));
    case "refill":
      return f.orders !== undefined
        ? listed(f.orders, "order", "refill", (id) => refill(ctx, id))
        : single(field("refill", refill(ctx, f.order ?? "")));
    case "refill_status":
      return f.refills !== undefined
        ? listed(f.refills, "refill", "status", (id) => refillStatus(ctx, id))
        : single(field("status", refillStatus(ctx, f.refill ?? "")));
    case "cancel":
      return listed(f.orders ?? f.order ?? "", "order", "cancel", (id) => cancel(ctx, id));
    case "balance":
      return { status: 200, json: { balance: ctx.book.balance.toFixed(), currency: ctx.book.currency } };
    default:
      return fail("Incorrect request");
  }
}

function serviceEntry(s: SimService) {
  return {
    service: /^\d+$/.test(String(s.service)) ? Number(s.service) : s.service,
    name: s.name,
    type: s.type ?? "Default",
    category: s.category ?? "General",
    rate: typeof s.rate === "string" ? s.rate : new Decimal(s.rate).toFixed(),
    min: String(s.min),
    max: String(s.max),
    refill: s.refill ?? false,
    cancel: s.cancel ?? false,
    dripfeed: s.dripfeed ?? false,
  };
}

function add(ctx: ActionContext, f: Record<string, string>): ActionReply {
  const service = ctx.book.service((f.service ?? "").trim());
  if (!service) return fail("Incorrect service ID");
  if (service.active === false) return fail("neworder.error.service_inactive");
  const link = (f.link ?? "").trim();
  if (link === "" || /\s/.test(link)) return fail("Bad link");

  const type = (service.type ?? "Default").toLowerCase().replace(/[_-]+/g, " ").replace(/\s+/g, " ").trim();
  const isPackage = type === "package" || type === "custom comments package";
  let quantity: number;
  let units: number;
  if (type === "subscriptions") return fail("Subscriptions are placed with username, min, max, posts, delay and expiry");
  if (isPackage) {
    quantity = units = 1;
    if (type === "custom comments package" && lines(f.comments).length === 0) return fail("Comments are required");
  } else if (type === "custom comments") {
    quantity = units = lines(f.comments).length;
    if (quantity === 0) return fail("Comments are required");
  } else if (type === "mentions custom list" || type === "mentions with custom list") {
    if (lines(f.usernames).length === 0) return fail("Usernames are required");
    quantity = units = f.quantity?.trim() ? Number(f.quantity.trim()) : lines(f.usernames).length;
  } else {
    quantity = Number((f.quantity ?? "").trim());
    if (!Number.isSafeInteger(quantity) || quantity <= 0) return fail("neworder.error.min_quantity");
    units = quantity;
    if ((type === "mentions" || type === "mentions with hashtags") && lines(f.usernames).length === 0) return fail("Usernames are required");
    if (type === "mentions with hashtags" && lines(f.hashtags).length === 0) return fail("Hashtags are required");
    if ((type === "mentions user followers" || type === "comment likes") && !(f.username ?? "").trim()) return fail("Username is required");
    if (type === "mentions hashtag" && !(f.hashtag ?? "").trim()) return fail("Hashtag is required");
    if (type === "mentions media likes" && !(f.media ?? "").trim()) return fail("Media is required");
    if (type === "poll" && !/^[1-9]\d*$/.test((f.answer_number ?? "").trim())) return fail("Incorrect answer number");
    if (f.runs !== undefined || f.interval !== undefined) {
      if (!service.dripfeed) return fail("Drip-feed is not available for this service");
      const runs = Number(f.runs);
      if (!Number.isSafeInteger(runs) || runs < 1 || !/^[1-9]\d*$/.test((f.interval ?? "").trim())) return fail("Incorrect drip-feed runs or interval");
      units = quantity * runs;
    }
  }
  if (!isPackage) {
    if (quantity < service.min) return fail("neworder.error.min_quantity");
    if (quantity > service.max) return fail("neworder.error.max_quantity");
  }
  if (ctx.rejectDuplicateLinks && ctx.book.hasActiveOrderForLink(link)) {
    return fail("You have active order with this link. Please wait until order being completed.");
  }
  const rate = new Decimal(service.rate);
  const charge = type === "package" ? rate : rate.times(units).dividedBy(1000);
  if (ctx.book.balance.lessThan(charge)) return fail("Not enough funds on balance");

  const order = ctx.book.place({ service: String(service.service), link, quantity: units, charge, fields: f });
  const id = Number(order.id);
  return { status: 200, json: ctx.replyStyle === "smartpanel" ? { status: "success", order: id } : { order: id } };
}

type Outcome = { value: unknown } | { error: string };

function statusEntry(ctx: ActionContext, id: string): Record<string, unknown> {
  const order = ctx.book.order(id);
  if (!order) return { error: "Incorrect order ID" };
  return {
    charge: order.charge,
    start_count: String(order.startCount),
    status: order.status,
    remains: String(order.remains),
    currency: ctx.book.currency,
  };
}

function refill(ctx: ActionContext, id: string): Outcome {
  const order = ctx.book.order(id);
  if (!order) return { error: "Incorrect order ID" };
  if (!ctx.book.service(order.service)?.refill || !["Completed", "Partial"].includes(order.status)) {
    return { error: "Refill is not available for this order" };
  }
  return { value: ctx.book.createRefill(order).id };
}

function refillStatus(ctx: ActionContext, id: string): Outcome {
  const refill = ctx.book.refill(id);
  return refill ? { value: refill.status } : { error: "Incorrect refill ID" };
}

function cancel(ctx: ActionContext, id: string): Outcome {
  const order = ctx.book.order(id);
  if (!order) return { error: "Incorrect order ID" };
  if (!cancellable(ctx, order)) return { error: "Cancel is not available for this order" };
  ctx.book.requestCancel(order);
  return { value: 1 };
}

function cancellable(ctx: ActionContext, order: SimOrder): boolean {
  return Boolean(ctx.book.service(order.service)?.cancel) && ctx.book.isActive(order) && !order.cancelRequested;
}

function single(json: unknown): ActionReply {
  return { status: 200, json };
}

/** `{"refill": "1"}` or `{"error": "…"}`. */
function field(name: string, outcome: Outcome): Record<string, unknown> {
  return "error" in outcome ? { error: outcome.error } : { [name]: outcome.value };
}

function ids(list: string): string[] | null {
  const parsed = list.split(",").map((s) => s.trim()).filter(Boolean);
  return parsed.length > MAX_IDS ? null : parsed;
}

/** Multi status: an object keyed by id. */
function keyed(list: string, entry: (id: string) => unknown): ActionReply {
  const parsed = ids(list);
  if (parsed === null) return fail(`Too many ids (max ${MAX_IDS})`);
  const out: Record<string, unknown> = {};
  for (const id of parsed) out[id] = entry(id);
  return { status: 200, json: out };
}

/** Multi refill/refill_status/cancel: `[{"order": 1, "refill": 1}, {"order": 3, "refill": {"error": "…"}}]`. */
function listed(list: string, idField: string, valueField: string, entry: (id: string) => Outcome): ActionReply {
  const parsed = ids(list);
  if (parsed === null) return fail(`Too many ids (max ${MAX_IDS})`);
  const out = parsed.map((id) => {
    const outcome = entry(id);
    const value = "error" in outcome ? { error: outcome.error } : numeric(outcome.value);
    return { [idField]: numeric(id), [valueField]: value };
  });
  return { status: 200, json: out };
}

function numeric(value: unknown): unknown {
  return typeof value === "string" && /^\d{1,15}$/.test(value) ? Number(value) : value;
}

function lines(text: string | undefined): string[] {
  return (text ?? "").split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
}
