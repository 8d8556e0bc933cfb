import { Prisma } from "@prisma/client";

/**
 * Work items handed off through the outbox: each kind with its payload, the order it is about
 * and its dedupe key (a second item with the same key is never written), declared together.
 */
export interface OutboxPayloads {
  "forward-order": { orderId: number };
  /** The customer's message about their order: finished, or (event) sent back by the provider. */
  "notify-delivery": { orderId: number; event?: "provider_canceled"; attempt?: number };
  "notify-admin-topup": { topUpId: number };
  /** `attempt` (the order's resubmitCount) lets each failure after a resubmit be announced again. */
  "notify-admin-order": { orderId: number; event: "manual_new" | "failed" | "unknown" | "stuck" | "refill_rejected"; reason?: string; attempt?: number; refillId?: number };
  "notify-customer-topup": { topUpId: number };
  /** An auto order the customer waits on was flagged stuck: one message per order per stage (the stuck reason). */
  "notify-customer-stuck": { orderId: number; stage: string };
  /** A top-up approved without an admin (a forwarded payment SMS, or Telegram Stars): one line in the admin chat. */
  "notify-admin-payment": { topUpId: number; smsId?: number };
  /** An admin's answer to a ticket (from the admin chat or the dashboard), for the customer. */
  "notify-customer-ticket": { ticketMessageId: number };
  /** A customer asked for reseller access: the admin chat gets Approve / Reject. */
  "notify-admin-reseller": { userId: number; requestedAt: number };
  /** The customer is told, in their language, that reseller access was granted, taken back or refused. */
  "notify-customer-reseller": { userId: number; event: ResellerEvent; at: number };
  /** A provider's balance fell below its lowBalanceAlert (once per drop), or came back above it. `after` is the last balance check before. */
  "notify-admin-provider": { providerId: number; event: "low_balance" | "balance_recovered"; balance: string; threshold: string; currency: string; after: number };
}

export type OutboxKind = keyof OutboxPayloads;

export type ResellerEvent = "granted" | "revoked" | "rejected";

interface KindSpec<K extends OutboxKind> {
  orderId?: (p: OutboxPayloads[K]) => number;
  /** null: every item is new (e.g. a forwarding retry). */
  dedupeKey: (p: OutboxPayloads[K]) => string | null;
}

/**
 * Dedupe keys that SQL also builds, row by row (placement's hand-off, stuck alerts): each is a list
 * of parts, joined by `joinKey` in code and by `sqlKey` in a statement, so both spell it the same.
 */
export const DEDUPE_KEYS = {
  manualNew: <T>(orderId: T) => ["manual_new", orderId] as const,
  stuck: <T>(orderId: T, flaggedAtMs: number) => ["stuck", orderId, flaggedAtMs] as const,
};

export function joinKey(parts: readonly (string | number)[]): string {
  return parts.join(":");
}

/** The same key as `joinKey`, computed in SQL from parts that may be column expressions. */
export function sqlKey(parts: readonly (string | number | Prisma.Sql)[]): Prisma.Sql {
  const values = parts.map((p) => (typeof p === "object" ? Prisma.sql`(${p})::text` : Prisma.sql`${String(p)}::text`));
  return Prisma.sql`concat_ws(':', ${Prisma.join(values)})`;
}

export const OUTBOX_KINDS: { [K in OutboxKind]: KindSpec<K> } = {
  "forward-order": { orderId: (p) => p.orderId, dedupeKey: () => null },
  "notify-delivery": {
    orderId: (p) => p.orderId,
    // A provider cancel is told once per attempt (resubmitCount); the final message once per order.
    dedupeKey: (p) => (p.event === "provider_canceled" ? `provider-canceled:${p.orderId}:${p.attempt ?? 0}` : `delivery:${p.orderId}`),
  },
  "notify-admin-topup": { dedupeKey: (p) => `topup:${p.topUpId}` },
  "notify-admin-order": {
    orderId: (p) => p.orderId,
    dedupeKey: (p) => {
      switch (p.event) {
        case "manual_new":
          return joinKey(DEDUPE_KEYS.manualNew(p.orderId));
        case "failed":
        case "unknown":
          return `${p.event.toUpperCase()}:${p.orderId}:${p.attempt ?? 0}`;
        case "stuck":
          // Written in batch by detectStuckOrders, keyed by the instant it flagged the order.
          return null;
        case "refill_rejected":
          return `refill-rejected:${p.refillId}`;
      }
    },
  },
  "notify-customer-topup": { dedupeKey: (p) => `topup-decided:${p.topUpId}` },
  // Also written in batch by detectStuckOrders, with this same key.
  "notify-customer-stuck": { orderId: (p) => p.orderId, dedupeKey: (p) => `stuck-customer:${p.orderId}:${p.stage}` },
  "notify-admin-payment": { dedupeKey: (p) => `topup-auto:${p.topUpId}` },
  "notify-customer-ticket": { dedupeKey: (p) => `ticket-msg:${p.ticketMessageId}` },
  "notify-admin-reseller": { dedupeKey: (p) => `reseller-request:${p.userId}:${p.requestedAt}` },
  "notify-customer-reseller": { dedupeKey: (p) => `reseller-${p.event}:${p.userId}:${p.at}` },
  "notify-admin-provider": { dedupeKey: (p) => `provider-balance:${p.providerId}:after:${p.after}:${p.event}` },
};

export function dedupeKeyOf<K extends OutboxKind>(kind: K, payload: OutboxPayloads[K]): string | null {
  return OUTBOX_KINDS[kind].dedupeKey(payload);
}
