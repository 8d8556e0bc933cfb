/** Work items handed off through the outbox, by kind, with their payloads. */
export interface OutboxPayloads {
  "forward-order": { orderId: number };
  "notify-delivery": { orderId: number };
  "notify-admin-topup": { topUpId: number };
  "notify-admin-order": { orderId: number; event: "manual_new" | "failed" | "unknown" | "stuck"; reason?: string };
  "notify-customer-topup": { topUpId: number };
}

export type OutboxKind = keyof OutboxPayloads;
