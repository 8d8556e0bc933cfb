// Lenient readers for provider JSON: providers drift between numbers and strings, and capitalise keys.
import { Decimal } from "decimal.js";

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const normaliseKey = (key: string) => key.toLowerCase().replace(/[^a-z0-9]/g, "");

/** Reads a field whatever its spelling: `start_count`, `Start_Count`, `startCount` are one field. */
export function field(record: JsonRecord, name: string): unknown {
  if (name in record) return record[name];
  const wanted = normaliseKey(name);
  for (const [key, value] of Object.entries(record)) if (normaliseKey(key) === wanted) return value;
  return undefined;
}

export function hasField(record: JsonRecord, name: string): boolean {
  return field(record, name) !== undefined;
}

/** Whole numbers given as numbers or strings ("157", "157.0", "1,234"); anything else is null. */
export function toInt(value: unknown): number | null {
  if (typeof value === "number") return Number.isSafeInteger(value) ? value : null;
  if (typeof value !== "string") return null;
  const text = value.trim().replace(/[,\s]/g, "");
  if (!/^[-+]?\d+(\.0+)?$/.test(text)) return null;
  const n = Number.parseInt(text, 10);
  return Number.isSafeInteger(n) ? n : null;
}

/** Money as an exact decimal string ("0.27819"); never goes through a float when given a string. */
export function toDecimalString(value: unknown): string | null {
  if (typeof value === "number") return Number.isFinite(value) ? new Decimal(String(value)).toFixed() : null;
  if (typeof value !== "string") return null;
  const text = value.trim().replace(/,/g, "");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) return null;
  return new Decimal(text).toFixed();
}

/** Provider ids (orders, refills, services) come as numbers or strings; we keep strings. */
export function toId(value: unknown): string | null {
  if (typeof value === "number") return Number.isSafeInteger(value) && value > 0 ? String(value) : null;
  if (typeof value !== "string") return null;
  const text = value.trim();
  return /^[A-Za-z0-9_-]{1,64}$/.test(text) && !/^0+$/.test(text) ? text : null;
}

export function toText(value: unknown): string | null {
  if (typeof value === "string") return value.trim() === "" ? null : value.trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return null;
}

export function toBool(value: unknown): boolean {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value !== 0;
  if (typeof value === "string") return /^(1|true|yes|on|enabled?)$/i.test(value.trim());
  return false;
}

/** The text of an `{"error": …}` reply or entry, or null when there is none. */
export function errorText(value: unknown): string | null {
  if (!isRecord(value)) return null;
  const error = field(value, "error");
  if (error === undefined || error === null || error === false) return null;
  if (isRecord(error)) return toText(field(error, "message")) ?? JSON.stringify(error);
  return toText(error) ?? null;
}

/**
 * Indexes a multi reply by id. Providers answer either with an object keyed by id or with a list
 * of entries that carry the id under one of `idFields`.
 */
export function indexById(reply: unknown, idFields: readonly string[]): Map<string, unknown> {
  const index = new Map<string, unknown>();
  if (Array.isArray(reply)) {
    for (const entry of reply) {
      if (!isRecord(entry)) continue;
      for (const name of idFields) {
        const id = toId(field(entry, name));
        if (id !== null) {
          index.set(id, entry);
          break;
        }
      }
    }
  } else if (isRecord(reply)) {
    for (const [key, value] of Object.entries(reply)) index.set(key.trim(), value);
  }
  return index;
}
