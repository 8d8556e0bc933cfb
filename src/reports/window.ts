import { ValidationError } from "../shared/errors.js";
import { addDays, localDate, startOfLocalDay } from "../shared/shop-time.js";

/** A report's period: whole days of the shop's time zone, the last `days` of them up to and including today. */
export interface ReportWindow {
  from: Date;
  to: Date;
  days: number;
  /** The first day, YYYY-MM-DD in the shop's zone. */
  firstDay: string;
  timeZone: string;
}

export const REPORT_DAYS_MAX = 366;

export function reportWindow(now: Date, days: number, timeZone: string): ReportWindow {
  if (!Number.isInteger(days) || days < 1 || days > REPORT_DAYS_MAX) {
    throw new ValidationError("days", "days_invalid", `days must be a whole number from 1 to ${REPORT_DAYS_MAX}`);
  }
  const today = localDate(now, timeZone);
  const firstDay = addDays(today, -(days - 1));
  return { from: startOfLocalDay(firstDay, timeZone), to: startOfLocalDay(addDays(today, 1), timeZone), days, firstDay, timeZone };
}

/** Every date of the window as YYYY-MM-DD, oldest first (charts need the empty days too). */
export function windowDays(w: ReportWindow): string[] {
  return Array.from({ length: w.days }, (_, i) => addDays(w.firstDay, i));
}
