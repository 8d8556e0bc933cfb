// Domain failures become typed results (`... on ValidationError { field }`); anything else is an
// unexpected error and is masked by Yoga.
import {
  BatchValidationError,
  ConflictError,
  PriceChangedError,
  DomainError,
  RefillRefusedError,
  ForbiddenError,
  InsufficientBalanceError,
  InvalidStateError,
  NotFoundError,
  ValidationError,
} from "../src/shared/errors.js";
import { builder } from "./builder.js";

export const ErrorInterface = builder.interfaceRef<DomainError>("Error").implement({
  fields: (t) => ({
    message: t.exposeString("message"),
    code: t.exposeString("code"),
  }),
});

builder.objectType(DomainError, { name: "DomainError", interfaces: [ErrorInterface] });

builder.objectType(ValidationError, {
  name: "ValidationError",
  interfaces: [ErrorInterface],
  fields: (t) => ({ field: t.exposeString("field") }),
});

builder.objectType(InsufficientBalanceError, {
  name: "InsufficientBalanceError",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    balance: t.field({ type: "Decimal", resolve: (e) => e.balance }),
    required: t.field({ type: "Decimal", resolve: (e) => e.required }),
  }),
});

builder.objectType(NotFoundError, { name: "NotFoundError", interfaces: [ErrorInterface] });
builder.objectType(InvalidStateError, { name: "InvalidStateError", interfaces: [ErrorInterface] });
builder.objectType(RefillRefusedError, {
  name: "RefillRefusedError",
  interfaces: [ErrorInterface],
  description: "A refill that may not be asked now; nothing was asked.",
  fields: (t) => ({
    reason: t.exposeString("reason", { description: "not_delivered, no_refill, refill_open, window_closed, cap_reached or cooldown." }),
    closedAt: t.field({ type: "DateTime", nullable: true, description: "When the refill window closed (window_closed).", resolve: (e) => e.limits.closedAt ?? null }),
    retryAt: t.field({ type: "DateTime", nullable: true, description: "When a refill may be asked again (cooldown).", resolve: (e) => e.limits.retryAt ?? null }),
    max: t.int({ nullable: true, description: "Refills allowed per order (cap_reached).", resolve: (e) => e.limits.max ?? null }),
  }),
});
builder.objectType(ConflictError, { name: "ConflictError", interfaces: [ErrorInterface] });
builder.objectType(ForbiddenError, { name: "ForbiddenError", interfaces: [ErrorInterface] });
builder.objectType(PriceChangedError, {
  name: "PriceChangedError",
  interfaces: [ErrorInterface],
  description: "The expected charge differs from what the order costs now; nothing was charged.",
  fields: (t) => ({ charge: t.field({ type: "Decimal", description: "What the order costs now.", resolve: (e) => e.charge }) }),
});

interface BatchLine {
  line: number;
  code: string;
  message: string;
  field?: string;
}

const BatchLineError = builder.objectRef<BatchLine>("BatchLineError").implement({
  fields: (t) => ({
    line: t.exposeInt("line"),
    code: t.exposeString("code"),
    message: t.exposeString("message"),
    field: t.exposeString("field", { nullable: true }),
  }),
});

builder.objectType(BatchValidationError, {
  name: "BatchValidationError",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    lines: t.field({
      type: [BatchLineError],
      resolve: (e) =>
        e.lines.map((l) => ({ line: l.line, code: l.error.code, message: l.error.message, field: l.error instanceof ValidationError ? l.error.field : undefined })),
    }),
  }),
});

/** Every domain error a mutation can answer with; subclasses are matched before DomainError. */
export const DOMAIN_ERRORS = [
  ValidationError,
  InsufficientBalanceError,
  NotFoundError,
  RefillRefusedError,
  InvalidStateError,
  ConflictError,
  ForbiddenError,
  PriceChangedError,
  BatchValidationError,
  DomainError,
];

/** Field option: `errors: domainErrors` turns a field's result into `<Field>Result = <Field>Success | …errors`. */
export const domainErrors = { types: DOMAIN_ERRORS };
