import { ValidationError } from "../shared/errors.js";

const DAY_MS = 86_400_000;

/** A report's period: whole UTC days, the last `days` of them up to and including today. */
export interface ReportWindow {
  from: Date;
  to: Date;
  days: number;
}

export const REPORT_DAYS_MAX = 366;

export function reportWindow(now: Date, days: number): ReportWindow {
  if (!Number.isInteger(days) || days < 1 || days > REPORT_DAYS_MAX) {
    throw new ValidationError("days", "days_invalid", `days must be a whole number from 1 to ${REPORT_DAYS_MAX}`);
  }
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return { from: new Date(today - (days - 1) * DAY_MS), to: new Date(today + DAY_MS), days };
}

/** Every UTC date of the window as YYYY-MM-DD, oldest first (charts need the empty days too). */
export function windowDays(w: ReportWindow): string[] {
  return Array.from({ length: w.days }, (_, i) => new Date(w.from.getTime() + i * DAY_MS).toISOString().slice(0, 10));
}
