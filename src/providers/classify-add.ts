import { errorText, field, isRecord, toId } from "./parse.js";
import type { RejectReason } from "./rejection.js";
import { rejectionReason } from "./rejection.js";
import type { Reply } from "./reply.js";

export type AddResult =
  | { kind: "accepted"; providerOrderId: string }
  | { kind: "rejected"; error: string; reason: RejectReason }
  /** Never reached the provider: safe to retry. */
  | { kind: "not_sent"; error: string }
  /** May or may not have been placed: never retry automatically, reconcile instead. */
  | { kind: "unknown"; error: string };

export function classifyAdd(reply: Reply): AddResult {
  if (reply.kind !== "json") return reply.kind === "rejected" ? { kind: "rejected", error: reply.error, reason: reply.reason } : reply;
  const json = reply.json;
  // An order id wins over anything else in the reply: calling it a failure could lead to a resubmit
  // and a duplicate, while a wrong "accepted" shows up at the next status sync.
  const orderId = isRecord(json) ? toId(field(json, "order")) : null;
  if (orderId !== null) return { kind: "accepted", providerOrderId: orderId };
  const error = errorText(json);
  if (error !== null) return { kind: "rejected", error, reason: rejectionReason(error) };
  return { kind: "unknown", error: "reply has neither an order id nor an error" };
}
