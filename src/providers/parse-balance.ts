import { field, isRecord, toDecimalString, toText } from "./parse.js";
import { badShape } from "./reply-shape.js";

export interface Balance {
  /** Exact decimal string in `currency`. */
  balance: string;
  currency: string | null;
}

export function parseBalance(json: unknown): Balance {
  const balance = isRecord(json) ? toDecimalString(field(json, "balance")) : null;
  if (balance === null || !isRecord(json)) throw badShape("balance", "no balance in the reply");
  return { balance, currency: toText(field(json, "currency"))?.toUpperCase() ?? null };
}
