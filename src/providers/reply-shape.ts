import { ProviderError } from "./errors.js";

/** The provider answered, but not in a shape we can read: we do not know what it meant. */
export function badShape(action: string, what: string): ProviderError {
  return new ProviderError({ kind: "unknown", action, message: `unexpected reply: ${what}`, httpStatus: 200 });
}

/** One entry of a multi reply: per-id problems are data, never exceptions. */
export type PerId<T> = ({ ok: true } & T) | { ok: false; error: string };

export const missingFromReply = { ok: false, error: "missing from the provider's reply" } as const;
