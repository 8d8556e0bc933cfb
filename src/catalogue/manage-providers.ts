import type { Provider } from "@prisma/client";
import type { Actor } from "../audit/actor.js";
import { writeAudit } from "../audit/write-audit.js";
import type { Deps } from "../deps.js";
import { isUniqueViolation } from "../db/transaction.js";
import { ConflictError, NotFoundError, ValidationError } from "../shared/errors.js";
import { providerBalance } from "./provider-gateway.js";

export interface ProviderFields {
  name?: string;
  url?: string;
  /** Write-only: stored sealed, shown as ****last4. */
  apiKey?: string;
  currency?: string;
  active?: boolean;
}

/** What an audit entry or a client may see of a provider: never the key. */
export function publicProvider(p: Provider) {
  return { id: p.id, name: p.name, url: p.url, currency: p.currency, active: p.active, apiKey: `****${p.apiKeyLast4}` };
}

export function validated(deps: Deps, f: ProviderFields) {
  const data: Partial<Pick<Provider, "name" | "url" | "currency" | "active" | "apiKeyEncrypted" | "apiKeyLast4">> = {};
  if (f.name !== undefined) {
    if (!/^.{1,80}$/u.test(f.name.trim())) throw new ValidationError("name", "name_invalid", "Name must be 1-80 characters");
    data.name = f.name.trim();
  }
  if (f.url !== undefined) {
    let url: URL | null = null;
    try {
      url = new URL(f.url.trim());
    } catch {
      url = null;
    }
    if (!url || (url.protocol !== "https:" && url.protocol !== "http:") || url.username || url.password || url.search) {
      throw new ValidationError("url", "url_invalid", "The API URL must be http(s)://host/path with no credentials or query");
    }
    data.url = url.toString();
  }
  if (f.apiKey !== undefined) {
    const key = f.apiKey.trim();
    if (!/^[\x21-\x7e]{8,256}$/.test(key)) throw new ValidationError("apiKey", "api_key_invalid", "The API key must be 8-256 visible characters");
    data.apiKeyEncrypted = deps.box.seal(key);
    data.apiKeyLast4 = key.slice(-4);
  }
  if (f.currency !== undefined) {
    const currency = f.currency.trim().toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency)) throw new ValidationError("currency", "currency_invalid", "Currency must be a 3-letter code");
    if (!deps.config.FX_RATES.has(currency)) throw new ValidationError("currency", "currency_unknown", `No exchange rate for ${currency}: add it to FX_RATES`);
    data.currency = currency;
  }
  if (f.active !== undefined) data.active = f.active;
  return data;
}

export async function createProvider(deps: Deps, input: Required<Pick<ProviderFields, "name" | "url" | "apiKey">> & ProviderFields & { actor: Actor }): Promise<Provider> {
  const data = validated(deps, { currency: "USD", ...input });
  try {
    return await deps.db.$transaction(async (tx) => {
      const provider = await tx.provider.create({ data: data as Required<typeof data> });
      await writeAudit(tx, input.actor, { action: "provider.create", entity: "Provider", entityId: provider.id, after: publicProvider(provider) });
      return provider;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError("provider_name_taken", "A provider with this name exists");
    throw error;
  }
}

export async function updateProvider(deps: Deps, input: ProviderFields & { id: number; actor: Actor }): Promise<Provider> {
  const data = validated(deps, input);
  try {
    return await deps.db.$transaction(async (tx) => {
      const before = await tx.provider.findUnique({ where: { id: input.id } });
      if (!before) throw new NotFoundError("Provider", input.id);
      // A new key or URL makes the cached balance meaningless.
      const reset = data.apiKeyEncrypted || data.url ? { balance: null, balanceCheckedAt: null } : {};
      const provider = await tx.provider.update({ where: { id: input.id }, data: { ...data, ...reset } });
      await writeAudit(tx, input.actor, { action: "provider.update", entity: "Provider", entityId: provider.id, before: publicProvider(before), after: publicProvider(provider) });
      return provider;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError("provider_name_taken", "A provider with this name exists");
    throw error;
  }
}

/** Asks the provider for its balance now and stores it. */
export async function refreshProviderBalance(deps: Deps, providerId: number): Promise<Provider> {
  const provider = await deps.db.provider.findUnique({ where: { id: providerId } });
  if (!provider) throw new NotFoundError("Provider", providerId);
  await providerBalance(deps, provider, { fresh: true });
  return deps.db.provider.findUniqueOrThrow({ where: { id: providerId } });
}
