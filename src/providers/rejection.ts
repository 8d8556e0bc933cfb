export type RejectReason =
  | "provider_balance"
  | "bad_link"
  | "service_inactive"
  | "duplicate_link"
  | "bad_service"
  | "bad_quantity"
  | "invalid_key"
  | "other";

// Order matters: "service_inactive" must win over the generic "service" patterns.
const RULES: ReadonlyArray<readonly [RegExp, RejectReason]> = [
  [/not_enough_funds|not enough (funds|money|balance)|insufficient (funds|balance)|low balance|balance is (too )?low/i, "provider_balance"],
  [/link_duplicate|active order with (this|the same) link|duplicate (link|order)/i, "duplicate_link"],
  [/min_quantity|max_quantity|quantity/i, "bad_quantity"],
  [/invalid_link|bad link|(invalid|incorrect|wrong) (link|url)|link is (invalid|incorrect)/i, "bad_link"],
  [/service_inactive|service (is )?(inactive|disabled|not active|unavailable|paused|off)/i, "service_inactive"],
  [/(incorrect|invalid|unknown|wrong) service|service (id )?not found|service_id/i, "bad_service"],
  [/(invalid|incorrect|wrong|bad) (api )?key|api key (is )?(invalid|incorrect|wrong)|key is (invalid|incorrect)/i, "invalid_key"],
];

/** Maps a provider's error text (plain English or raw `neworder.error.*` keys) to a reason. */
export function rejectionReason(text: string): RejectReason {
  for (const [pattern, reason] of RULES) if (pattern.test(text)) return reason;
  return "other";
}
