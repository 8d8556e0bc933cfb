import { DomainError } from "../shared/errors.js";
import { ApiV2Error, apiV2ErrorText } from "./api-error.js";

/** One id's outcome inside a batch: its value, or `{"error": …}` for a refusal (never the whole batch). */
export async function perId<T>(work: () => Promise<T>): Promise<T | { error: string }> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError) return { error: apiV2ErrorText(error) };
    if (error instanceof ApiV2Error) return { error: error.message };
    throw error;
  }
}

/** The single form of an action: its value, or the refusal thrown for the whole answer. */
export async function single<T>(result: Promise<T | { error: string }>): Promise<T> {
  const value = await result;
  if (value && typeof value === "object" && "error" in value) throw new ApiV2Error((value as { error: string }).error);
  return value as T;
}
