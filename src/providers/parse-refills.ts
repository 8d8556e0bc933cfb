import { ProviderError } from "./errors.js";
import { errorText, field, hasField, indexById, isRecord, toId } from "./parse.js";
import { rejectionReason } from "./rejection.js";
import { badShape, missingFromReply, type PerId } from "./reply-shape.js";
import { normaliseRefillStatus, type Normalised, type RefillProgress } from "./status-map.js";

export type RefillStatus = Normalised<RefillProgress>;

/** `{"refill": "1"}`, or `{"refill": {"error": …}}` from some panels. */
export function parseRefill(json: unknown): { refillId: string } {
  const refill = readRefillId(json);
  if (refill.ok) return { refillId: refill.refillId };
  if (isRecord(json) && isRecord(field(json, "refill"))) {
    throw new ProviderError({ kind: "rejected", action: "refill", message: refill.error, httpStatus: 200, providerError: refill.error, reason: rejectionReason(refill.error) });
  }
  throw badShape("refill", refill.error);
}

/** `[{"order":1,"refill":1},{"order":3,"refill":{"error":"…"}}]` */
export function parseMultiRefill(json: unknown, orderIds: readonly string[]): Map<string, PerId<{ refillId: string }>> {
  if (!Array.isArray(json) && !isRecord(json)) throw badShape("refill", "expected a list");
  const index = indexById(json, ["order", "id"]);
  return new Map(orderIds.map((id) => [id, index.has(id) ? readRefillId(index.get(id)) : missingFromReply]));
}

function readRefillId(entry: unknown): PerId<{ refillId: string }> {
  // In keyed multi replies the entry may be the bare refill id.
  const refill = isRecord(entry) ? field(entry, "refill") : entry;
  const refillId = toId(refill);
  if (refillId !== null) return { ok: true, refillId };
  return { ok: false, error: errorText(refill) ?? errorText(entry) ?? "no refill id in the reply" };
}

export function parseRefillStatus(json: unknown): RefillStatus {
  const status = readRefillStatus(json);
  if (status.ok) {
    const { ok: _ok, ...rest } = status;
    return rest;
  }
  throw badShape("refill_status", status.error);
}

/** `[{"refill":1,"status":"Completed"},{"refill":3,"status":{"error":"Refill not found"}}]` */
export function parseMultiRefillStatus(json: unknown, refillIds: readonly string[]): Map<string, PerId<RefillStatus>> {
  if (!Array.isArray(json) && !isRecord(json)) throw badShape("refill_status", "expected a list");
  const index = indexById(json, ["refill", "id"]);
  return new Map(refillIds.map((id) => [id, index.has(id) ? readRefillStatus(index.get(id)) : missingFromReply]));
}

function readRefillStatus(entry: unknown): PerId<RefillStatus> {
  if (!isRecord(entry)) return { ok: false, error: "entry is not an object" };
  const status = field(entry, "status");
  const error = errorText(entry) ?? errorText(status);
  if (error !== null) return { ok: false, error };
  if (!hasField(entry, "status") || isRecord(status)) return { ok: false, error: "entry has no status" };
  return { ok: true, ...normaliseRefillStatus(status) };
}
