import type { ApiKeyUser } from "../apikeys/api-keys.js";
import type { Actor } from "../audit/actor.js";
import type { Deps } from "../deps.js";
import { ApiV2Error } from "./api-error.js";

/** One authenticated API v2 request. */
export interface ApiV2Call {
  deps: Deps;
  reseller: ApiKeyUser;
  actor: Actor;
  fields: Readonly<Record<string, string>>;
}

export type ApiV2Action = (call: ApiV2Call) => Promise<unknown>;

/** A field that must be present and not blank. */
export function required(call: ApiV2Call, name: string): string {
  const value = optional(call, name);
  if (value === undefined) throw new ApiV2Error(`Missing field: ${name}`);
  return value;
}

export function optional(call: ApiV2Call, name: string): string | undefined {
  const value = call.fields[name];
  return value === undefined || value.trim() === "" ? undefined : value;
}
