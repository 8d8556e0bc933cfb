import { errorText, field, hasField, indexById, isRecord, toDecimalString, toInt, toText } from "./parse.js";
import { badShape, missingFromReply, type PerId } from "./reply-shape.js";
import { normaliseOrderStatus, type Normalised, type OrderProgress } from "./status-map.js";

export interface OrderStatus extends Normalised<OrderProgress> {
  /** What the provider charged us, exact decimal string in `currency`. */
  charge: string | null;
  startCount: number | null;
  /** null when the provider does not know ("Unknown"); negative means over-delivery. */
  remains: number | null;
  currency: string | null;
}

function readStatus(entry: unknown): OrderStatus | string {
  // Some panels put the bare error text where the entry should be.
  if (typeof entry === "string" && entry.trim() !== "") return entry.trim();
  if (!isRecord(entry)) return "entry is not an object";
  const error = errorText(entry);
  if (error !== null) return error;
  if (!hasField(entry, "status")) return "entry has no status";
  return {
    ...normaliseOrderStatus(field(entry, "status")),
    charge: toDecimalString(field(entry, "charge")),
    startCount: toInt(field(entry, "start_count")),
    remains: toInt(field(entry, "remains")),
    currency: toText(field(entry, "currency"))?.toUpperCase() ?? null,
  };
}

export function parseStatus(json: unknown): OrderStatus {
  const status = readStatus(json);
  if (typeof status === "string") throw badShape("status", status);
  return status;
}

export function parseMultiStatus(json: unknown, ids: readonly string[]): Map<string, PerId<OrderStatus>> {
  if (!isRecord(json) && !Array.isArray(json)) throw badShape("status", "expected an object keyed by order id");
  // A few providers answer a one-id multi call in the single-order shape.
  const single = ids.length === 1 && isRecord(json) && hasField(json, "status") && !(ids[0]! in json);
  const index = single ? new Map([[ids[0]!, json]]) : indexById(json, ["order", "id"]);
  const out = new Map<string, PerId<OrderStatus>>();
  for (const id of ids) {
    if (!index.has(id)) {
      out.set(id, missingFromReply);
      continue;
    }
    const status = readStatus(index.get(id));
    out.set(id, typeof status === "string" ? { ok: false, error: status } : { ok: true, ...status });
  }
  return out;
}
