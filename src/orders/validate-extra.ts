import type { Prisma } from "@prisma/client";
import { ValidationError } from "../shared/errors.js";

export interface OrderExtra {
  comments?: string;
  usernames?: string;
  answerNumber?: number;
  runs?: number;
  interval?: number;
}

function positiveInt(field: string, v: unknown): number {
  if (typeof v === "number" && Number.isSafeInteger(v) && v > 0) return v;
  if (typeof v === "string" && /^[1-9][0-9]{0,8}$/.test(v)) return Number(v);
  throw new ValidationError(field, "not_integer", `${field} must be a whole number`);
}

function lines(field: string, v: unknown, max: number): string {
  if (typeof v !== "string") throw new ValidationError(field, "required", `${field} is required`);
  const list = v.split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
  if (list.length === 0) throw new ValidationError(field, "required", `${field} is required`);
  if (list.length > max) throw new ValidationError(field, "too_many_lines", `${field}: at most ${max} lines`);
  if (list.some((l) => l.length > 500)) throw new ValidationError(field, "line_too_long", `${field}: a line is too long`);
  return list.join("\n");
}

/** The API v2 fields a service type needs beyond link and quantity. */
export function validateExtra(
  type: string,
  dripfeed: boolean,
  quantity: number,
  extra: OrderExtra | undefined,
): Prisma.InputJsonObject | undefined {
  const t = type.toLowerCase();
  const out: Record<string, string | number> = {};
  const e = extra ?? {};
  if (t === "custom comments") out.comments = lines("comments", e.comments, quantity);
  if (t.startsWith("mentions")) out.usernames = lines("usernames", e.usernames, quantity);
  if (t === "poll") out.answerNumber = positiveInt("answerNumber", e.answerNumber);
  if (e.runs !== undefined || e.interval !== undefined) {
    if (!dripfeed) throw new ValidationError("runs", "dripfeed_unsupported", "This service has no drip-feed");
    out.runs = positiveInt("runs", e.runs);
    out.interval = positiveInt("interval", e.interval);
    // Providers take drip-feed quantities per run: the total must split evenly.
    if (quantity % out.runs !== 0) throw new ValidationError("runs", "runs_uneven", `Quantity must be a multiple of runs (${out.runs})`);
  }
  return Object.keys(out).length ? out : undefined;
}
