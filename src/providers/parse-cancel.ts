import { errorText, field, indexById, isRecord, toBool } from "./parse.js";
import { badShape, missingFromReply, type PerId } from "./reply-shape.js";

/**
 * `[{"order":2,"cancel":1},{"order":9,"cancel":{"error":"Incorrect order ID"}}]`.
 * ok means the provider accepted the cancel request, not that the order is cancelled yet.
 */
export function parseCancel(json: unknown, orderIds: readonly string[]): Map<string, PerId<object>> {
  if (!Array.isArray(json) && !isRecord(json)) throw badShape("cancel", "expected a list");
  const index = indexById(json, ["order", "id"]);
  return new Map(orderIds.map((id) => [id, index.has(id) ? readCancel(index.get(id)) : missingFromReply]));
}

function readCancel(entry: unknown): PerId<object> {
  const cancel = isRecord(entry) ? field(entry, "cancel") : entry;
  const error = errorText(cancel) ?? errorText(entry);
  if (error !== null) return { ok: false, error };
  return toBool(cancel) ? { ok: true } : { ok: false, error: "cancel not accepted" };
}
