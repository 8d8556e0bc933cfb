import type { RejectReason } from "./rejection.js";

/**
 * not_sent: the request never left this machine (safe to retry).
 * unknown: it may have reached the provider; we cannot tell what happened.
 * rejected: the provider answered with an error.
 */
export type ProviderErrorKind = "not_sent" | "unknown" | "rejected";

export class ProviderError extends Error {
  override name = "ProviderError";
  readonly kind: ProviderErrorKind;
  readonly action: string;
  readonly httpStatus: number | null;
  /** Set for kind "rejected": the provider's own error text and what it most likely means. */
  readonly providerError: string | null;
  readonly reason: RejectReason | null;

  constructor(init: {
    kind: ProviderErrorKind;
    action: string;
    message: string;
    httpStatus?: number | null;
    providerError?: string | null;
    reason?: RejectReason | null;
  }) {
    super(`${init.action}: ${init.message}`);
    this.kind = init.kind;
    this.action = init.action;
    this.httpStatus = init.httpStatus ?? null;
    this.providerError = init.providerError ?? null;
    this.reason = init.reason ?? null;
  }
}

/** Bad `add` input, caught before anything is sent; resending the same input cannot help. */
export class AddParamsError extends Error {
  override name = "AddParamsError";
}
