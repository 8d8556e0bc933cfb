import type { Language, Prisma } from "@prisma/client";
import { Decimal, MONEY_DP } from "../money/decimal.js";
import { toBengaliDigits } from "../shared/numbers.js";
import { localDate } from "../shared/shop-time.js";

// The one place that decides how numbers and money look to people: Bengali digits in Bengali,
// Latin digits in English, the taka sign in both, and exactly what the ledger holds.

/** Latin digits → the language's digits; other characters are kept. */
export function localDigits(locale: Language, text: string): string {
  return locale === "bn" ? toBengaliDigits(text) : text;
}

/** A count or quantity: "1,000" / "১,০০০" (Bangladeshi grouping in Bengali: "১,০০,০০০"). */
export function count(locale: Language, value: number | bigint | string): string {
  return localDigits(locale, group(locale, String(value)));
}

/**
 * Money for people: "৳1,000.00" / "৳১,০০০.০০", "12.50 USD" for other shop currencies. At least
 * 2 decimals and up to the 4 the ledger keeps, never rounded: shown amounts add up to the balance.
 */
export function money(locale: Language, value: Prisma.Decimal.Value, currency: string): string {
  const d = new Decimal(value);
  const [whole, fraction = ""] = d.abs().toFixed(MONEY_DP).split(".");
  const cents = fraction.replace(/0+$/, "").padEnd(2, "0");
  const amount = localDigits(locale, `${group(locale, whole!)}.${cents}`);
  const sign = d.isNegative() && !d.isZero() ? "−" : "";
  return currency === "BDT" ? `${sign}৳${amount}` : `${sign}${amount} ${currency}`;
}

/** A calendar day in the shop's time zone, 2026-11-29 / ২০২৬-১১-২৯. */
export function day(locale: Language, date: Date, timeZone: string): string {
  return localDigits(locale, localDate(date, timeZone));
}

/** Thousands grouping: 1,234,567 in English; 12,34,567 (lakh/crore) in Bengali. */
function group(locale: Language, digits: string): string {
  const negative = digits.startsWith("-");
  const d = negative ? digits.slice(1) : digits;
  if (!/^\d+$/.test(d) || d.length <= 3) return digits;
  const last3 = d.slice(-3);
  const rest = d.slice(0, -3);
  const size = locale === "bn" ? 2 : 3;
  const parts: string[] = [];
  for (let end = rest.length; end > 0; end -= size) parts.unshift(rest.slice(Math.max(0, end - size), end));
  return `${negative ? "-" : ""}${parts.join(",")},${last3}`;
}

export function localName(item: { nameBn: string; nameEn: string }, locale: Language): string {
  return locale === "en" ? item.nameEn : item.nameBn;
}

/** The exact internal state for admins, on its own line under the translated one. */
export function technical(state: string): string {
  return `⚙️ ${state}`;
}

/** Telegram user ids for the admin chat: "@name (123)" or "First (123)". */
export function who(user: { username?: string | null; firstName?: string | null; telegramId?: bigint | null; id: number }): string {
  const name = user.username ? `@${user.username}` : (user.firstName ?? `user ${user.id}`);
  return user.telegramId ? `${name} (${user.telegramId})` : name;
}

/** For plain-text messages: keeps a customer's text from breaking a message layout. */
export function clip(text: string, max = 500): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
