import type { Prisma } from "@prisma/client";
import { parseWholeNumber } from "../shared/numbers.js";
import { LIST_FIELDS, type ExtraField, type ServiceKind } from "../catalogue/service-kinds.js";
import { ValidationError } from "../shared/errors.js";
import { validateLink } from "./validate-input.js";

/** What a caller may send beyond link and quantity (the names kept in `Order.extra`). */
export type OrderExtra = Partial<Record<ExtraField, string | number>> & { runs?: number | string; interval?: number | string };

const MAX_LIST_LINES = 10_000;

function positiveInt(field: string, v: unknown): number {
  if (typeof v === "number" && Number.isSafeInteger(v) && v > 0) return v;
  const n = typeof v === "string" ? parseWholeNumber(v.trim()) : null;
  if (n !== null && n > 0 && n < 1e9) return n;
  throw new ValidationError(field, "not_integer", `${field} must be a whole number`, { field });
}

function lines(field: string, v: unknown): string {
  if (typeof v !== "string") throw new ValidationError(field, "extra_required", `${field} is required`, { field });
  const list = v.split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
  if (list.length === 0) throw new ValidationError(field, "extra_required", `${field} is required`, { field });
  if (list.length > MAX_LIST_LINES) throw new ValidationError(field, "too_many_lines", `${field}: at most ${MAX_LIST_LINES} lines`, { field });
  if (list.some((l) => l.length > 500)) throw new ValidationError(field, "line_too_long", `${field}: a line is too long`, { field });
  return list.join("\n");
}

function single(field: ExtraField, v: unknown): string | number {
  if (field === "answerNumber") return positiveInt(field, v);
  if (field === "media") return validateLink(v, "any");
  const text = typeof v === "string" || typeof v === "number" ? String(v).trim() : "";
  if (text === "") throw new ValidationError(field, "extra_required", `${field} is required`, { field });
  const ok = field === "hashtag" ? /^#?[\p{L}\p{N}_]{1,100}$/u.test(text) : /^@?[A-Za-z0-9._]{1,64}$/.test(text);
  if (!ok) throw new ValidationError(field, "extra_invalid", `${field} is not valid`, { field });
  return text;
}

/** One extra field, as the customer typed it, checked and normalised. */
export function validateExtraField(field: ExtraField, v: unknown): string | number {
  return LIST_FIELDS.has(field) ? lines(field, v) : single(field, v);
}

/** The extras a service kind needs, checked; drip-feed runs/interval when the service allows them. */
export function validateExtra(kind: ServiceKind, dripfeed: boolean, extra: OrderExtra | undefined): Prisma.InputJsonObject | undefined {
  const out: Record<string, string | number> = {};
  const e = (extra ?? {}) as Record<string, unknown>;
  for (const field of kind.extras) out[field] = validateExtraField(field, e[field]);
  if (e.runs !== undefined || e.interval !== undefined) {
    if (!dripfeed || !kind.dripfeed) throw new ValidationError("runs", "dripfeed_unsupported", "This service has no drip-feed");
    out.runs = positiveInt("runs", e.runs);
    out.interval = positiveInt("interval", e.interval);
  }
  return Object.keys(out).length ? out : undefined;
}

/** The number of entries of a list extra (e.g. comments), once validated. */
export function lineCount(extra: Prisma.InputJsonObject | undefined, field: ExtraField): number {
  const v = extra?.[field];
  return typeof v === "string" ? v.split("\n").length : 0;
}
