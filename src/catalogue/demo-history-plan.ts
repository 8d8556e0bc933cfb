// The embedded demo's 30 days of trade, made up in memory (no database): customers, top-ups,
// orders in every status with their ledger lines, tickets and provider calls, one slow provider.
// Deterministic (a fixed seed) relative to `now`, so every fresh demo tells the same story.
import type { OrderStatus, PriceUnit, TicketStatus, TicketType, TopUpMethod, TopUpStatus } from "@prisma/client";
import { Decimal, amountFor } from "../orders/pricing.js";
import { SIMULATED_ID_BASE } from "../try/ids.js";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
export const DEMO_HISTORY_DAYS = 30;
/** Demo customers' Telegram ids: in the simulated range (never a real chat), above the /try personas. */
export const DEMO_CUSTOMER_ID_BASE = SIMULATED_ID_BASE + 10_000;

export interface PlanService {
  id: number;
  providerId: number | null;
  providerServiceId: string | null;
  price: Decimal;
  cost: Decimal | null;
  priceUnit: PriceUnit;
  min: number;
  max: number;
  /** Relative popularity. */
  weight: number;
  /** The slow provider's services take hours, fail more and answer slowly. */
  slow: boolean;
}

export interface PlanUser {
  telegramId: bigint;
  firstName: string;
  username: string | null;
  language: "bn" | "en";
  role: "CUSTOMER" | "RESELLER";
  resellerDiscount: string;
  createdAt: Date;
}
export interface PlanTopUp {
  user: number;
  method: TopUpMethod;
  amount: Decimal;
  trxId: string;
  senderNumber: string | null;
  status: TopUpStatus;
  createdAt: Date;
  decidedAt: Date | null;
  rejectReason: string | null;
}
export interface PlanOrder {
  key: string;
  user: number;
  service: PlanService;
  status: OrderStatus;
  source: "BOT" | "API" | "ADMIN";
  quantity: number;
  charge: Decimal;
  cost: Decimal | null;
  refunded: Decimal;
  createdAt: Date;
  startedAt: Date | null;
  completedAt: Date | null;
  canceledAt: Date | null;
  remains: number | null;
  startCount: number | null;
  providerOrderId: string | null;
  providerStatus: string | null;
  providerError: string | null;
  failureReason: string | null;
  leaseUntil: Date | null;
  link: string;
  /** When the refund (cancel, partial) hit the balance. */
  refundAt: Date | null;
}
export type PlanLedger =
  | { user: number; kind: "TOPUP"; amount: Decimal; at: Date; topUp: string }
  | { user: number; kind: "ORDER_CHARGE" | "REFUND"; amount: Decimal; at: Date; order: string };
export interface PlanTicket {
  user: number;
  type: TicketType;
  status: TicketStatus;
  createdAt: Date;
  order: string | null;
  messages: { author: "CUSTOMER" | "AUTO" | "ADMIN"; text: string; at: Date }[];
}
export interface PlanCall {
  slow: boolean;
  order: string | null;
  action: string;
  latencyMs: number;
  outcome: string;
  httpStatus: number | null;
  error: string | null;
  createdAt: Date;
}

export interface DemoHistoryPlan {
  users: PlanUser[];
  /** Final balance per user index: the sum of their ledger lines. */
  balances: Decimal[];
  topUps: PlanTopUp[];
  orders: PlanOrder[];
  ledger: PlanLedger[];
  tickets: PlanTicket[];
  calls: PlanCall[];
}

const NAMES = ["Rafiq", "Sumaiya", "Tanvir", "Farhana", "Arif", "Mim", "Sabbir", "Jannat", "Imran", "Nadia", "Shakil", "Tania", "Mahmud", "Riya", "Hasan", "Lamia", "Sohel", "Afroza", "Rakib", "Mithila", "Jubayer", "Sadia", "Nayeem", "Puja", "Kamrul", "Tasnim", "Shuvo", "Anika", "Fahim", "Ruma", "Asif", "Sharmin", "Zahid", "Nusaiba", "Ripon", "Moumita"];
const METHODS: [TopUpMethod, number][] = [["BKASH", 50], ["NAGAD", 30], ["ROCKET", 12], ["UPAY", 5], ["STARS", 3]];
const LINKS = ["https://instagram.com/", "https://www.facebook.com/", "https://www.tiktok.com/@", "https://youtube.com/watch?v="];

/** mulberry32: a small seeded generator (the demo must not change from one start to the next). */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly [T, number][]): T => {
    let r = next() * items.reduce((s, [, w]) => s + w, 0);
    for (const [item, w] of items) if ((r -= w) < 0) return item;
    return items[items.length - 1]![0];
  };
  /** Log-normal around a median (spread ~ how many times longer the slow tail is). */
  const around = (median: number, spread = 0.8) => median * Math.exp(spread * Math.sqrt(-2 * Math.log(next() || 1e-9)) * Math.cos(2 * Math.PI * next()));
  return { next, pick, around, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)) };
}

const QUANTITIES = [100, 200, 500, 1000, 2000, 5000, 10000];

/** The demo's seed; another seed makes another (equally plausible) history with other customer ids. */
export const DEMO_SEED = 17;

export function planDemoHistory(now: Date, services: PlanService[], seed = DEMO_SEED): DemoHistoryPlan {
  const r = rng(seed);
  const idBase = DEMO_CUSTOMER_ID_BASE + (seed - DEMO_SEED) * 100;
  const start = now.getTime() - DEMO_HISTORY_DAYS * DAY;
  const users: PlanUser[] = NAMES.map((firstName, i) => ({
    telegramId: BigInt(idBase + i + 1),
    firstName,
    username: r.next() < 0.7 ? `${firstName.toLowerCase()}${r.int(10, 99)}` : null,
    language: r.next() < 0.7 ? "bn" : "en",
    role: i < 3 ? "RESELLER" : "CUSTOMER",
    resellerDiscount: i < 3 ? String([10, 7.5, 5][i]) : "0",
    createdAt: new Date(start - r.int(0, 20) * DAY + r.int(0, DAY - 1)),
  }));
  const userWeights: [number, number][] = users.map((_, i) => [i, i < 3 ? 6 : 1 + (i % 5)]);
  const serviceWeights: [PlanService, number][] = services.map((s) => [s, s.weight]);

  const orders: PlanOrder[] = [];
  for (let d = 0; d < DEMO_HISTORY_DAYS; d++) {
    const weekend = new Date(start + d * DAY).getUTCDay() === 5 ? 4 : 0; // Friday
    const count = Math.round(7 + d * 0.45 + weekend + r.next() * 5);
    for (let k = 0; k < count; k++) {
      const createdAt = new Date(start + d * DAY + r.int(0, DAY - 1));
      if (createdAt.getTime() > now.getTime() - 2 * MIN) continue;
      orders.push(makeOrder(r, orders.length, r.pick(userWeights), r.pick(serviceWeights), createdAt, now));
    }
  }
  forceEveryStatus(r, orders, services, now);

  // Money: each customer tops up before they order; events in time order give every line its balance.
  const topUps: PlanTopUp[] = [];
  const ledger: PlanLedger[] = [];
  const balances = users.map(() => new Decimal(0));
  const events: { at: number; run: () => void }[] = [];
  for (const o of orders) {
    events.push({ at: o.createdAt.getTime(), run: () => charge(o) });
    if (o.refundAt && o.refunded.gt(0)) events.push({ at: o.refundAt.getTime(), run: () => post({ user: o.user, kind: "REFUND", amount: o.refunded, at: o.refundAt!, order: o.key }) });
  }
  // Top-ups that were turned down or still wait.
  for (let i = 0; i < 14; i++) {
    const at = new Date(i < 3 ? now.getTime() - r.int(5, 90) * MIN : start + r.int(0, DEMO_HISTORY_DAYS - 1) * DAY + r.int(0, DAY - 1));
    const pending = i < 3;
    topUps.push(topUp(r, r.pick(userWeights), new Decimal(r.pick([[500, 3], [1000, 2], [2000, 1]] as [number, number][])), at, pending ? "PENDING" : "REJECTED"));
  }
  events.sort((a, b) => a.at - b.at);
  for (const e of events) e.run();

  function post(line: PlanLedger) {
    balances[line.user] = balances[line.user]!.add(line.amount);
    ledger.push(line);
  }
  function charge(o: PlanOrder) {
    if (balances[o.user]!.lt(o.charge)) {
      const need = o.charge.sub(balances[o.user]!);
      const amount = need.div(500).ceil().mul(500).add(r.pick([[0, 2], [500, 2], [1000, 1]] as [number, number][]));
      const at = new Date(o.createdAt.getTime() - r.int(3, 40) * MIN);
      const t = topUp(r, o.user, amount, at, "APPROVED");
      topUps.push(t);
      post({ user: o.user, kind: "TOPUP", amount, at: t.decidedAt!, topUp: t.trxId });
    }
    post({ user: o.user, kind: "ORDER_CHARGE", amount: o.charge.neg(), at: o.createdAt, order: o.key });
  }

  return { users, balances, topUps, orders, ledger, tickets: makeTickets(r, orders, now), calls: makeCalls(r, orders, now) };
}

function topUp(r: ReturnType<typeof rng>, user: number, amount: Decimal, at: Date, status: TopUpStatus): PlanTopUp {
  const method = r.pick(METHODS);
  const decidedAt = status === "PENDING" ? null : new Date(at.getTime() + r.int(1, 25) * MIN);
  return {
    user,
    method,
    amount,
    trxId: `DEMO${Math.floor(r.next() * 36 ** 8).toString(36).toUpperCase().padStart(8, "0")}`,
    senderNumber: method === "STARS" ? null : `01${r.int(3, 9)}${String(r.int(0, 99_999_999)).padStart(8, "0")}`,
    status,
    createdAt: at,
    decidedAt,
    rejectReason: status === "REJECTED" ? "TrxID not found in the statement" : null,
  };
}

function makeOrder(r: ReturnType<typeof rng>, n: number, user: number, service: PlanService, createdAt: Date, now: Date): PlanOrder {
  const manual = service.providerId === null;
  const quantity = service.priceUnit === "PER_PACKAGE" ? 1 : service.priceUnit === "PER_UNIT" ? r.int(Math.max(1, service.min), Math.min(service.max, 2000)) : clamp(r.pick(QUANTITIES.map((q) => [q, 8 - Math.log10(q)] as [number, number])), service.min, service.max);
  const charge = amountFor(service.price, service.priceUnit, quantity);
  const base: PlanOrder = {
    key: `demo-history:${n}`,
    user,
    service,
    status: "COMPLETED",
    source: manual ? "BOT" : user < 3 ? "API" : "BOT",
    quantity,
    charge,
    cost: service.cost === null ? null : amountFor(service.cost, service.priceUnit, quantity),
    refunded: new Decimal(0),
    createdAt,
    startedAt: null,
    completedAt: null,
    canceledAt: null,
    remains: null,
    startCount: null,
    providerOrderId: manual ? null : String(9_000_000 + n),
    providerStatus: null,
    providerError: null,
    failureReason: null,
    leaseUntil: null,
    link: manual ? String(r.int(100_000_000, 999_999_999)) : `${LINKS[r.int(0, LINKS.length - 1)]}demo${r.int(1000, 9999)}`,
    refundAt: null,
  };
  const median = manual ? 25 * MIN : service.slow ? 5 * HOUR : 45 * MIN;
  const startedAt = new Date(createdAt.getTime() + Math.max(MIN, r.around(manual ? 10 * MIN : service.slow ? 70 * MIN : 4 * MIN, 0.6)));
  const endAt = new Date(createdAt.getTime() + Math.max(3 * MIN, r.around(median, service.slow ? 0.9 : 0.7)));
  const roll = r.next();
  const [cancelP, partialP, failP] = service.slow ? [0.12, 0.12, 0.03] : [0.04, 0.04, 0.005];
  if (!manual && roll < failP && now.getTime() - createdAt.getTime() > DAY) {
    return { ...base, status: "FAILED", providerOrderId: null, failureReason: "provider_error", providerError: "Not enough funds on balance" };
  }
  if (endAt.getTime() > now.getTime()) {
    // Still running now.
    if (startedAt.getTime() > now.getTime()) return { ...base, status: manual ? "PENDING" : "IN_PROGRESS", providerStatus: manual ? null : "Pending" };
    return { ...base, status: "IN_PROGRESS", startedAt, providerStatus: manual ? null : "In progress", startCount: manual ? null : r.int(100, 50_000), remains: manual ? null : Math.round(quantity * r.next()) };
  }
  if (!manual && roll < failP + cancelP) {
    return { ...base, status: "CANCELED", providerStatus: "Canceled", refunded: charge, canceledAt: endAt, refundAt: endAt, failureReason: "provider_canceled" };
  }
  if (!manual && roll < failP + cancelP + partialP) {
    const remains = Math.max(1, Math.round(quantity * (0.1 + 0.6 * r.next())));
    const refunded = charge.mul(remains).div(quantity).toDecimalPlaces(4, Decimal.ROUND_DOWN);
    return { ...base, status: "PARTIAL", providerStatus: "Partial", startedAt, completedAt: endAt, remains, refunded, refundAt: endAt, startCount: r.int(100, 50_000) };
  }
  return { ...base, status: "COMPLETED", providerStatus: manual ? null : "Completed", startedAt, completedAt: endAt, remains: manual ? null : 0, startCount: manual ? null : r.int(100, 50_000) };
}

/** The last hours always hold one order in each state a shop meets (so every panel has something to show). */
function forceEveryStatus(r: ReturnType<typeof rng>, orders: PlanOrder[], services: PlanService[], now: Date): void {
  const auto = services.find((s) => s.providerId !== null && !s.slow)!;
  const manual = services.find((s) => s.providerId === null);
  const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * MIN);
  const make = (service: PlanService, minutesAgo: number) => makeOrder(r, orders.length, r.int(3, NAMES.length - 1), service, at(minutesAgo), new Date(at(minutesAgo).getTime() + 60_000));
  const add = (o: PlanOrder) => orders.push(o);
  // PENDING past the threshold (never forwarded: the stuck panel shows it), and a fresh manual one.
  add({ ...make(auto, 95), status: "PENDING", providerOrderId: null, providerStatus: null, startedAt: null });
  if (manual) add({ ...make(manual, 12), status: "PENDING", startedAt: null });
  // A submission whose lease ran out: the lease check turns it UNKNOWN, for an admin to decide.
  add({ ...make(auto, 30), status: "SUBMITTING", providerOrderId: null, providerStatus: null, startedAt: null, leaseUntil: at(28) });
  add({ ...make(auto, 240), status: "UNKNOWN", providerOrderId: null, providerStatus: null, startedAt: null, failureReason: "unknown", providerError: "add: no answer within 30 s" });
  add({ ...make(auto, 400), status: "FAILED", providerOrderId: null, providerStatus: null, startedAt: null, failureReason: "provider_error", providerError: "Not enough funds on balance" });
  // In progress for a day without moving: stuck.
  add({ ...make(services.find((s) => s.slow) ?? auto, 26 * 60), status: "IN_PROGRESS", providerStatus: "In progress", startedAt: at(25 * 60), completedAt: null, remains: 800, startCount: 1200 });
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}

const TICKET_TEXTS: Record<TicketType, [string, string]> = {
  REFILL: ["Followers dropped, please refill", "A refill was requested from the provider."],
  CANCEL: ["Please cancel, wrong link", "A cancel was requested from the provider."],
  SPEED_UP: ["Too slow, when will it finish?", "We asked the provider to speed it up."],
  RESTART: ["It stopped at half", "We asked the provider to restart it."],
  FAKE_COMPLETION: ["Shows completed but I got nothing", "We are checking it with the provider."],
  PAYMENT: ["I sent money but balance not added", "Please send the TrxID of your payment."],
  OTHER: ["Do you have Threads followers?", "Thanks, we will answer soon."],
};

const FIRST_TICKET_STATUSES: readonly TicketStatus[] = ["OPEN", "ANSWERED", "CLOSED"];

function makeTickets(r: ReturnType<typeof rng>, orders: PlanOrder[], now: Date): PlanTicket[] {
  const types: [TicketType, number][] = [["REFILL", 4], ["SPEED_UP", 5], ["CANCEL", 2], ["FAKE_COMPLETION", 2], ["RESTART", 1], ["PAYMENT", 3], ["OTHER", 2]];
  const tickets: PlanTicket[] = [];
  const used = new Set<number>();
  for (let i = 0; i < 20; i++) {
    const type = r.pick(types);
    const candidates = orders.filter((o) => o.service.providerId !== null && (type === "SPEED_UP" ? o.status === "IN_PROGRESS" : type === "REFILL" || type === "FAKE_COMPLETION" ? o.status === "COMPLETED" : true));
    const order = type === "PAYMENT" || type === "OTHER" ? null : candidates[r.int(0, candidates.length - 1)] ?? null;
    const createdAt = order ? new Date(Math.min(now.getTime() - 5 * MIN, order.createdAt.getTime() + r.int(30, 3000) * MIN)) : new Date(now.getTime() - r.int(10, 29 * 24 * 60) * MIN);
    // Unique times: the writer maps returned rows back by createdAt.
    while (used.has(createdAt.getTime())) createdAt.setTime(createdAt.getTime() - 1);
    used.add(createdAt.getTime());
    const age = now.getTime() - createdAt.getTime();
    // The first three show one of each status whatever the random draw; the rest follow their age.
    const status: TicketStatus = FIRST_TICKET_STATUSES[i] ?? (age < 6 * HOUR ? "OPEN" : r.next() < 0.6 ? "CLOSED" : "ANSWERED");
    const [question, answer] = TICKET_TEXTS[type];
    const messages: PlanTicket["messages"] = [{ author: "CUSTOMER", text: question, at: createdAt }, { author: "AUTO", text: answer, at: new Date(createdAt.getTime() + 1000) }];
    if (status !== "OPEN") messages.push({ author: "ADMIN", text: "Done, please check now.", at: new Date(Math.min(now.getTime() - MIN, createdAt.getTime() + r.int(20, 300) * MIN)) });
    tickets.push({ user: order?.user ?? r.int(0, NAMES.length - 1), type, status, createdAt, order: order?.key ?? null, messages });
  }
  return tickets;
}

/** The `add` call of every forwarded order, and the last day's status sync and balance checks. */
function makeCalls(r: ReturnType<typeof rng>, orders: PlanOrder[], now: Date): PlanCall[] {
  const calls: PlanCall[] = [];
  const latency = (slow: boolean) => Math.round(r.around(slow ? 2600 : 380, 0.5));
  for (const o of orders) {
    if (o.service.providerId === null || o.status === "PENDING" || o.status === "SUBMITTING") continue;
    const slow = o.service.slow;
    const at = new Date(o.createdAt.getTime() + 2000);
    if (o.status === "UNKNOWN") calls.push({ slow, order: o.key, action: "add", latencyMs: 30_000, outcome: "unknown", httpStatus: null, error: "timeout", createdAt: at });
    else if (o.status === "FAILED") calls.push({ slow, order: o.key, action: "add", latencyMs: latency(slow), outcome: "rejected", httpStatus: 200, error: o.providerError, createdAt: at });
    else calls.push({ slow, order: o.key, action: "add", latencyMs: latency(slow), outcome: "accepted", httpStatus: 200, error: null, createdAt: at });
  }
  for (const slow of [false, true]) {
    for (let m = 24 * 60 - 7; m > 0; m -= 10) {
      const failed = r.next() < (slow ? 0.09 : 0.01);
      const timeout = failed && r.next() < 0.5;
      calls.push({
        slow,
        order: null,
        action: m % 120 < 10 ? "balance" : "status",
        latencyMs: timeout ? 30_000 : latency(slow),
        outcome: failed ? (timeout ? "unknown" : "rejected") : "ok",
        httpStatus: timeout ? null : failed ? 502 : 200,
        error: failed ? (timeout ? "timeout" : "HTTP 502") : null,
        createdAt: new Date(now.getTime() - m * MIN),
      });
    }
  }
  return calls;
}
