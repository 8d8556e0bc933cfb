import type { LinkKind } from "@prisma/client";
import { hostOnPlatform, platformLabel } from "../catalogue/platforms.js";
import { ValidationError } from "../shared/errors.js";
import { parseWholeNumber, toLatinDigits } from "../shared/numbers.js";

const MAX_LINK_LENGTH = 2048;
// Control characters, zero-width characters and bidirectional overrides: invisible in a chat,
// they make a link that looks right point somewhere else.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/u;


/** A whole number within [min, max]. Accepts a JS number or the text a customer typed (Bengali or Latin digits, "1,000"). */
export function parseQuantity(input: unknown, min: number, max: number): number {
  let n: number | null = null;
  if (typeof input === "number") n = input;
  else if (typeof input === "string") n = parseWholeNumber(input);
  if (n === null) {
    throw new ValidationError("quantity", "quantity_not_integer", "Quantity must be a whole number like 1000", { min, max });
  }
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new ValidationError("quantity", "quantity_not_integer", "Quantity must be a whole number like 1000", { min, max });
  }
  if (n < 1 || n < min || n > max) {
    throw new ValidationError("quantity", "quantity_out_of_range", `Quantity must be between ${min} and ${max}`, { min, max, quantity: n });
  }
  return n;
}

/** An http(s) URL on the service's platform; returns the link trimmed of surrounding spaces. */
export function validateLink(input: unknown, platform: string): string {
  if (typeof input !== "string") throw new ValidationError("link", "link_invalid", "The link must be text");
  // Only ASCII spaces are trimmed: String#trim would also strip a BOM and hide it.
  const link = input.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, "");
  if (link.length === 0) throw new ValidationError("link", "link_invalid", "The link is empty");
  if (link.length > MAX_LINK_LENGTH) {
    throw new ValidationError("link", "link_too_long", `The link is longer than ${MAX_LINK_LENGTH} characters`);
  }
  if (INVISIBLE.test(link) || /\s/u.test(link)) {
    throw new ValidationError("link", "link_invalid", "The link contains spaces or invisible characters");
  }
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    throw new ValidationError("link", "link_invalid", "The link must be a full http(s):// address");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ValidationError("link", "link_invalid", "The link must be a full http(s):// address");
  }
  if (url.username || url.password || !url.hostname.includes(".")) {
    throw new ValidationError("link", "link_invalid", "The link must be a full http(s):// address");
  }
  if (!hostOnPlatform(url.hostname, platform)) {
    const label = platformLabel(platform);
    throw new ValidationError("link", "link_wrong_platform", `The link must be a ${label} link`, { platform: label });
  }
  return link;
}

/** What a service takes as its "link": a player id, a link on its platform, or nothing. */
export function validateServiceLink(service: { linkKind: LinkKind; platform: string }, input: unknown): string {
  if (service.linkKind === "UID") return validateUid(input);
  return service.linkKind === "NONE" ? "" : validateLink(input, service.platform);
}

/** A game player id: digits only (typed in Bengali or Latin digits, kept in Latin for the provider). */
export function validateUid(input: unknown): string {
  const uid = typeof input === "string" ? toLatinDigits(input.trim()) : typeof input === "number" ? String(input) : "";
  if (!/^[0-9]{5,20}$/.test(uid)) {
    throw new ValidationError("link", "uid_invalid", "The player ID must be 5 to 20 digits");
  }
  return uid;
}
