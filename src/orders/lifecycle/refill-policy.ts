import type { RefillStatus } from "@prisma/client";
import type { Config } from "../../config.js";

/**
 * The shop's refill policy, in one place: a delivered order may be refilled inside its window (days
 * from completion: the admin's per-service figure, else the provider's, else the shop default), at
 * most `maxPerOrder` times, one at a time, and not again before `cooldownHours` after the last ask.
 * allowedActions (every screen's Refill button) and requestRefill (every transport) read it.
 */
export interface RefillTerms {
  windowDays: number;
  maxPerOrder: number;
  cooldownHours: number;
  /** How long a refill being asked upstream (no refill id yet) holds the order: the forwarding lease. */
  askingSeconds: number;
  /** The shop's time zone: the day a window closed is told in it. */
  timeZone: string;
}

export function refillTerms(config: Pick<Config, "REFILL_WINDOW_DAYS" | "REFILL_MAX_PER_ORDER" | "REFILL_COOLDOWN_HOURS" | "SUBMIT_LEASE_SECONDS" | "SHOP_TIME_ZONE">): RefillTerms {
  return {
    windowDays: config.REFILL_WINDOW_DAYS,
    maxPerOrder: config.REFILL_MAX_PER_ORDER,
    cooldownHours: config.REFILL_COOLDOWN_HOURS,
    askingSeconds: config.SUBMIT_LEASE_SECONDS,
    timeZone: config.SHOP_TIME_ZONE,
  };
}

/** What the policy reads of an order: when it was delivered, its service's window, the refills asked so far. */
export interface RefillFacts {
  completedAt: Date | null;
  updatedAt: Date;
  service?: { refillDays?: number | null; providerRefillDays?: number | null } | null;
  refills?: readonly { status: RefillStatus; createdAt: Date; providerRefillId: string | null }[];
}

/** The Prisma selection that yields RefillFacts (with the life cycle's fields beside it). */
export const REFILL_FACTS_SELECT = {
  status: true,
  isManual: true,
  completedAt: true,
  updatedAt: true,
  service: { select: { cancel: true, refill: true, refillDays: true, providerRefillDays: true } },
  refills: { select: { status: true, createdAt: true, providerRefillId: true } },
} as const;

/** The clock and terms the policy is judged with (deps.now() and the config's terms). */
export interface RefillClock {
  now: Date;
  terms: RefillTerms;
}

export type RefillLimit =
  | { reason: "refill_open" }
  | { reason: "window_closed"; closedAt: Date; days: number }
  | { reason: "cap_reached"; max: number }
  | { reason: "cooldown"; until: Date };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Refills the provider took (or is being asked for): rejected and failed ones do not use up the cap. */
const COUNTED: readonly RefillStatus[] = ["PENDING", "IN_PROGRESS", "COMPLETED"];

/** A service's refill window in days: the admin's figure, else the provider's, else the shop default. */
export function refillWindowDays(service: RefillFacts["service"], terms: RefillTerms): number {
  return service?.refillDays ?? service?.providerRefillDays ?? terms.windowDays;
}

/**
 * Why a delivered, refill-enabled order may not be refilled now (null: it may). Without the refills
 * list the facts are unknown and the answer is "open" (nothing is offered on a guess).
 */
export function refillLimit(order: RefillFacts, clock: RefillClock): RefillLimit | null {
  const { now, terms } = clock;
  if (!order.refills) return { reason: "refill_open" };
  const askingSince = now.getTime() - terms.askingSeconds * 1000;
  const open = order.refills.some(
    (r) => (r.status === "PENDING" || r.status === "IN_PROGRESS") && (r.providerRefillId !== null || r.createdAt.getTime() > askingSince),
  );
  if (open) return { reason: "refill_open" };
  const days = refillWindowDays(order.service, terms);
  const closedAt = new Date((order.completedAt ?? order.updatedAt).getTime() + days * DAY);
  if (now >= closedAt) return { reason: "window_closed", closedAt, days };
  if (order.refills.filter((r) => COUNTED.includes(r.status)).length >= terms.maxPerOrder) return { reason: "cap_reached", max: terms.maxPerOrder };
  // Every ask starts the cooldown, refused ones too: a provider is not asked again and again.
  const last = Math.max(...order.refills.map((r) => r.createdAt.getTime()), -Infinity);
  const until = new Date(last + terms.cooldownHours * HOUR);
  if (now < until) return { reason: "cooldown", until };
  return null;
}
