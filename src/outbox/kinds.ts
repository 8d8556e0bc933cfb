/** Work items handed off through the outbox, by kind, with their payloads. */
export interface OutboxPayloads {
  "forward-order": { orderId: number };
  /** The customer's message about their order: finished, or (event) sent back by the provider. */
  "notify-delivery": { orderId: number; event?: "provider_canceled" };
  "notify-admin-topup": { topUpId: number };
  "notify-admin-order": { orderId: number; event: "manual_new" | "failed" | "unknown" | "stuck"; reason?: string };
  "notify-customer-topup": { topUpId: number };
  /** An admin's answer to a ticket (from the admin chat or the dashboard), for the customer. */
  "notify-customer-ticket": { ticketMessageId: number };
  /** A provider's balance fell below its lowBalanceAlert (once per drop), or came back above it. */
  "notify-admin-provider": { providerId: number; event: "low_balance" | "balance_recovered"; balance: string; threshold: string; currency: string };
}

export type OutboxKind = keyof OutboxPayloads;
