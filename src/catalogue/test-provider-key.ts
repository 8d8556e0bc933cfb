import type { Actor } from "../audit/actor.js";
import { writeAudit } from "../audit/write-audit.js";
import type { Deps } from "../deps.js";
import { createProviderClient, ProviderError, type ProviderCallRecord } from "../providers/api-client.js";
import { maskKey, scrubSecret } from "../providers/redact.js";
import { NotFoundError, ValidationError } from "../shared/errors.js";
import { validated } from "./manage-providers.js";
import { providerClient } from "./provider-gateway.js";

export interface TestProviderKeyInput {
  /** A saved provider: its stored URL and key unless `url` / `apiKey` are given. */
  providerId?: number;
  url?: string;
  apiKey?: string;
  actor: Actor;
}

export interface ProviderKeyTest {
  ok: boolean;
  /** The balance the provider reported, in `currency`. */
  balance: string | null;
  currency: string | null;
  /** What went wrong, with the key masked; null when ok. */
  error: string | null;
  latencyMs: number | null;
}

/**
 * Asks a provider for its balance with a key (a saved provider's, or one typed into the form before
 * saving) and says whether it worked. Nothing is stored but the audit entry; the key appears in no
 * answer, error or log (the client scrubs replies; we scrub our own text again).
 */
export async function testProviderKey(deps: Deps, input: TestProviderKeyInput): Promise<ProviderKeyTest> {
  const saved = input.providerId === undefined ? null : await deps.db.provider.findUnique({ where: { id: input.providerId } });
  if (input.providerId !== undefined && !saved) throw new NotFoundError("Provider", input.providerId);
  const checked = validated(deps, { url: input.url, apiKey: input.apiKey });
  const url = checked.url ?? saved?.url;
  if (!url) throw new ValidationError("url", "url_required", "Give the provider's API URL");
  // The stored key is write-only: it is never sent anywhere but its own provider's URL.
  if (saved && input.apiKey === undefined && checked.url !== undefined && checked.url !== saved.url) {
    throw new ValidationError("apiKey", "api_key_required", "Give the API key to test it against another URL");
  }
  const key = input.apiKey?.trim() ?? (saved ? deps.box.open(saved.apiKeyEncrypted) : null);
  if (!key) throw new ValidationError("apiKey", "api_key_required", "Give the API key to test");
  let call: ProviderCallRecord | null = null;
  const onCall = (c: ProviderCallRecord) => {
    call = c;
  };
  // A saved provider tested with its own URL and key is a normal call: it goes to its call log.
  const client =
    saved && input.url === undefined && input.apiKey === undefined
      ? providerClient(deps, saved, undefined, onCall)
      : createProviderClient({ url, apiKey: key, timeoutMs: deps.config.PROVIDER_TIMEOUT_MS, onCall });
  let result: ProviderKeyTest;
  try {
    const { balance, currency } = await client.balance();
    result = { ok: true, balance, currency, error: null, latencyMs: latencyOf(call) };
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    const text = error.kind === "rejected" ? `The provider refused the key: ${error.providerError ?? error.message}` : `The provider could not be reached: ${error.message}`;
    result = { ok: false, balance: null, currency: null, error: scrubSecret(text, key), latencyMs: latencyOf(call) };
  }
  await writeAudit(deps.db, input.actor, {
    action: "provider.test_key",
    entity: "Provider",
    entityId: saved?.id ?? "new",
    after: { url, apiKey: maskKey(key), ok: result.ok, error: result.error },
    at: deps.now(),
  });
  return result;
}

function latencyOf(call: ProviderCallRecord | null): number | null {
  return call === null ? null : Math.round((call as ProviderCallRecord).latencyMs);
}
