import { ProviderError } from "../providers/api-client.js";
import { DomainError } from "../shared/errors.js";

/** A provider call that failed, as a domain error a transport can show ("try again later" / the provider's reason). */
export function providerFailure(error: unknown, action: string): DomainError {
  if (!(error instanceof ProviderError)) throw error;
  if (error.kind === "rejected") {
    return new DomainError("provider_refused", `The provider refused the ${action}: ${error.providerError ?? error.message}`, {
      providerError: error.providerError,
    });
  }
  return new DomainError("provider_unavailable", `The provider could not be reached for the ${action}; try again later`);
}
