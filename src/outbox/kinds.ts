/** Work items handed off through the outbox, by kind, with their payloads. */
export interface OutboxPayloads {
  "forward-order": { orderId: number };
  "notify-delivery": { orderId: number };
  "notify-admin-topup": { topUpId: number };
  "notify-admin-order": { orderId: number; event: "manual_new" | "failed" | "unknown" | "stuck"; reason?: string };
  "notify-customer-topup": { topUpId: number };
  /** An admin's answer to a ticket (from the admin chat or the dashboard), for the customer. */
  "notify-customer-ticket": { ticketMessageId: number };
  /** A customer asked for reseller access: the admin chat gets Approve / Reject. */
  "notify-admin-reseller": { userId: number; requestedAt: number };
  /** The customer is told, in their language, that reseller access was granted, taken back or refused. */
  "notify-customer-reseller": { userId: number; event: ResellerEvent; at: number };
  /** A provider's balance fell below its lowBalanceAlert (once per drop), or came back above it. */
  "notify-admin-provider": { providerId: number; event: "low_balance" | "balance_recovered"; balance: string; threshold: string; currency: string };
}

export type OutboxKind = keyof OutboxPayloads;

export type ResellerEvent = "granted" | "revoked" | "rejected";
