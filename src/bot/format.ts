import type { Language, Prisma } from "@prisma/client";
import { formatMoney } from "../money/decimal.js";

/** Money for people: "৳1000.00" in taka, "12.50 USD" otherwise. */
export function money(value: Prisma.Decimal.Value, currency: string): string {
  const amount = formatMoney(value);
  return currency === "BDT" ? `৳${amount}` : `${amount} ${currency}`;
}

export function localName(item: { nameBn: string; nameEn: string }, locale: Language): string {
  return locale === "en" ? item.nameEn : item.nameBn;
}

export function day(date: Date): string {
  return date.toISOString().slice(0, 10);
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
