/** Work items handed off through the outbox, by kind, with their payloads. */
export interface OutboxPayloads {
  "forward-order": { orderId: number };
  "notify-delivery": { orderId: number };
  "notify-admin-topup": { topUpId: number };
  "notify-admin-order": { orderId: number; event: "manual_new" | "failed" | "unknown" | "stuck"; reason?: string };
  "notify-customer-topup": { topUpId: number };
  /** A top-up approved without an admin (a forwarded payment SMS, or Telegram Stars): one line in the admin chat. */
  "notify-admin-payment": { topUpId: number; smsId?: number };
  /** An admin's answer to a ticket (from the admin chat or the dashboard), for the customer. */
  "notify-customer-ticket": { ticketMessageId: number };
  /** A provider's balance fell below its lowBalanceAlert (once per drop), or came back above it. */
  "notify-admin-provider": { providerId: number; event: "low_balance" | "balance_recovered"; balance: string; threshold: string; currency: string };
}

export type OutboxKind = keyof OutboxPayloads;
