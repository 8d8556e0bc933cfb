// Domain errors: each transport maps `code` (and `details`) to its own message
// (Bengali/English text in the bot, typed errors in GraphQL).

export type ErrorDetails = Record<string, string | number | boolean | null | undefined | object>;

export class DomainError extends Error {
  override name = "DomainError";
  constructor(
    readonly code: string,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
  }
}

export class ValidationError extends DomainError {
  override name = "ValidationError";
  constructor(
    readonly field: string,
    code: string,
    message: string,
    details: ErrorDetails = {},
  ) {
    super(code, message, { field, ...details });
  }
}

export class NotFoundError extends DomainError {
  override name = "NotFoundError";
  constructor(entity: string, id: string | number | bigint) {
    super("not_found", `${entity} ${String(id)} not found`, { entity, id: String(id) });
  }
}

export class InsufficientBalanceError extends DomainError {
  override name = "InsufficientBalanceError";
  constructor(
    readonly balance: string,
    readonly required: string,
  ) {
    super("insufficient_balance", `Insufficient balance: ${balance} available, ${required} required`, {
      balance,
      required,
    });
  }
}

export class InvalidStateError extends DomainError {
  override name = "InvalidStateError";
  constructor(message: string, details: ErrorDetails = {}) {
    super("invalid_state", message, details);
  }
}

export class ConflictError extends DomainError {
  override name = "ConflictError";
  constructor(code: string, message: string, details: ErrorDetails = {}) {
    super(code, message, details);
  }
}

/** The charge the customer was shown is not what the order costs now; nothing was written. */
export class PriceChangedError extends DomainError {
  override name = "PriceChangedError";
  constructor(
    /** What the order costs now (4 decimals). */
    readonly charge: string,
    readonly shown: string | null,
  ) {
    super("price_changed", `The price changed to ${charge} since it was shown`, { price: charge, charge, ...(shown !== null ? { shown } : {}) });
  }
}

export class ForbiddenError extends DomainError {
  override name = "ForbiddenError";
  constructor(message = "Not allowed") {
    super("forbidden", message);
  }
}

/** A batch where some lines are invalid; nothing was written. */
export class BatchValidationError extends DomainError {
  override name = "BatchValidationError";
  constructor(readonly lines: { line: number; error: DomainError }[]) {
    super(
      "batch_invalid",
      `${lines.length} line(s) invalid: ` + lines.map((l) => `line ${l.line}: ${l.error.message}`).join("; "),
      { lines: lines.map((l) => ({ line: l.line, code: l.error.code, message: l.error.message, ...l.error.details })) },
    );
  }
}

/** Which rule refuses a refill: the life cycle (not delivered, no refill on the service) or the refill policy. */
export type RefillRefusalReason = "not_delivered" | "no_refill" | "refill_open" | "window_closed" | "cap_reached" | "cooldown";

/**
 * A refill that may not be asked now, with the rule that refuses it (`reason`) and, where there is
 * one, when the window closed (`closedAt`), when asking is possible again (`retryAt`) or the cap (`max`).
 */
export class RefillRefusedError extends InvalidStateError {
  override name = "RefillRefusedError";
  override readonly code = "refill_refused";
  constructor(
    readonly reason: RefillRefusalReason,
    message: string,
    readonly limits: { closedAt?: Date; retryAt?: Date; max?: number } = {},
    details: ErrorDetails = {},
  ) {
    super(message, {
      reason,
      ...details,
      ...(limits.closedAt ? { closedAt: limits.closedAt.toISOString() } : {}),
      ...(limits.retryAt ? { retryAt: limits.retryAt.toISOString() } : {}),
      ...(limits.max !== undefined ? { max: limits.max } : {}),
    });
  }
}
