import { DomainError, InsufficientBalanceError, NotFoundError } from "../shared/errors.js";

/** A refusal answered as `{"error": text}`: bad input the transport itself detects. */
export class ApiV2Error extends Error {}

export const INCORRECT_ORDER_ID = "Incorrect order ID";
export const INCORRECT_REFILL_ID = "Incorrect refill ID";
export const INCORRECT_SERVICE_ID = "Incorrect service ID";

/**
 * A domain error in the words panels read (the third translation, beside schema/errors.ts and
 * src/bot/errors.ts). Someone else's order reads exactly like a missing one.
 */
export function apiV2ErrorText(error: DomainError): string {
  if (error instanceof NotFoundError) {
    const entity = error.details.entity;
    if (entity === "Service") return INCORRECT_SERVICE_ID;
    if (entity === "Refill") return INCORRECT_REFILL_ID;
    if (entity === "Order") return INCORRECT_ORDER_ID;
    return "Invalid API key";
  }
  if (error instanceof InsufficientBalanceError) return `Not enough funds on balance (balance ${error.balance}, order ${error.required})`;
  switch (error.code) {
    case "service_unknown":
      return INCORRECT_SERVICE_ID;
    case "service_unavailable":
      return "Service is not active";
    case "idempotency_key_reused":
      return "This request_id was already used for a different order";
    case "provider_refused":
      return "The refill was refused for this order";
    case "provider_unavailable":
      return "Temporarily unavailable, try again later";
    case "forbidden":
      return "Your account is blocked";
    default:
      // Validation and state errors already say exactly what is wrong, in English.
      return error.message;
  }
}
