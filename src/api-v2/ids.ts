import { ApiV2Error } from "./api-error.js";

export const MAX_IDS = 100;

/** One id as sent; null when it cannot name any of ours (answered as an incorrect id). */
export function idOf(text: string): number | null {
  const t = text.trim();
  return /^[1-9][0-9]{0,9}$/.test(t) && Number(t) <= 2_147_483_647 ? Number(t) : null;
}

/** A comma-separated list of up to 100 ids, as sent (duplicates dropped, order kept). */
export function idList(field: string, text: string): string[] {
  const ids = [...new Set(text.split(",").map((s) => s.trim()).filter(Boolean))];
  if (ids.length === 0) throw new ApiV2Error(`Missing field: ${field}`);
  if (ids.length > MAX_IDS) throw new ApiV2Error(`Too many IDs in ${field}: at most ${MAX_IDS} per request`);
  return ids;
}
