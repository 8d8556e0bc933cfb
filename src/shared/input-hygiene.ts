// Input hygiene shared by every edge (GraphQL, the bot, API v2): text with control characters and
// numbers out of range are refused as a ValidationError naming the field, before they reach a
// query (PostgreSQL rejects NUL in text; a BIGINT overflows) and turn into an unexpected error.
import { ValidationError } from "./errors.js";

/** C0 controls and DEL, except tab and line breaks (allowed where text is free). */
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** Every C0 control and DEL: single-line fields (names, links, ids, searches). */
const ANY_CONTROL = /[\u0000-\u001F\u007F]/;

/** Telegram ids (users, chats) fit in 52 bits plus the "-100" prefix of supergroups: safe integers. */
export const MAX_TELEGRAM_ID = BigInt(Number.MAX_SAFE_INTEGER);

export function hasControlCharacters(text: string, options: { multiline?: boolean } = {}): boolean {
  return (options.multiline ? CONTROL_EXCEPT_LINES : ANY_CONTROL).test(text);
}

/** Throws a ValidationError naming `field` when the text holds a control character. */
export function assertCleanText(field: string, text: string, options: { multiline?: boolean } = {}): string {
  if (hasControlCharacters(text, options)) throw new ValidationError(field, "control_characters", `${field} contains control characters`);
  return text;
}

/**
 * The path (`input.extra.comments[2]`) of the first string in a JSON-like value holding a control
 * character other than a line break, or null. For transports that take whole objects (GraphQL
 * variables, API v2 parameters).
 */
export function findDirtyString(value: unknown, path: string): string | null {
  if (typeof value === "string") return CONTROL_EXCEPT_LINES.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = findDirtyString(v, `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (CONTROL_EXCEPT_LINES.test(k)) return `${path}.${k.replace(CONTROL_EXCEPT_LINES, "?")}`;
      const found = findDirtyString(v, path ? `${path}.${k}` : k);
      if (found) return found;
    }
  }
  return null;
}

/** Throws a ValidationError naming the offending field (see findDirtyString). */
export function assertCleanInput(value: unknown, path = ""): void {
  const field = findDirtyString(value, path);
  if (field !== null) throw new ValidationError(field || "input", "control_characters", `${field || "input"} contains control characters`);
}

/** A Telegram user or chat id written in decimal, or a ValidationError naming the field. */
export function parseTelegramId(field: string, text: string): bigint {
  const t = text.trim();
  if (!/^-?\d{1,20}$/.test(t)) throw new ValidationError(field, "not_a_telegram_id", `${field} must be a numeric Telegram id`);
  const id = BigInt(t);
  if (id > MAX_TELEGRAM_ID || id < -MAX_TELEGRAM_ID) throw new ValidationError(field, "out_of_range", `${field} is too large for a Telegram id`);
  return id;
}

/** For text we must keep but cannot send back (a Telegram first name): control characters removed. */
export function stripControlCharacters(text: string): string {
  return text.replace(new RegExp(ANY_CONTROL.source, "g"), "");
}
