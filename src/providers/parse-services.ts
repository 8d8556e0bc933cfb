import { refillDaysIn } from "./refill-days.js";
import { field, isRecord, toBool, toDecimalString, toId, toInt, toText } from "./parse.js";
import { badShape } from "./reply-shape.js";

export interface ProviderService {
  service: string;
  name: string;
  /** API v2 type as sent ("Default", "Package", "Custom Comments", …). */
  type: string;
  category: string;
  /** Price per 1000 in the provider's currency, exact decimal string. */
  rate: string;
  min: number | null;
  max: number | null;
  refill: boolean;
  /** The refill window the provider names for the service (in its name or description), if any. */
  refillDays: number | null;
  cancel: boolean;
  dripfeed: boolean;
  description: string | null;
}

export interface ServicesResult {
  services: ProviderService[];
  /** Entries we could not read; an importer should not treat these as "gone upstream". */
  skipped: { entry: unknown; reason: string }[];
}

export function parseServices(json: unknown): ServicesResult {
  const entries = Array.isArray(json) ? json : isRecord(json) ? Object.values(json) : null;
  if (entries === null) throw badShape("services", "expected a list of services");
  const result: ServicesResult = { services: [], skipped: [] };
  for (const entry of entries) {
    const service = isRecord(entry) ? readService(entry) : "not an object";
    if (typeof service === "string") result.skipped.push({ entry, reason: service });
    else result.services.push(service);
  }
  return result;
}

function readService(entry: Record<string, unknown>): ProviderService | string {
  const service = toId(field(entry, "service")) ?? toId(field(entry, "id"));
  if (service === null) return "no service id";
  const rate = toDecimalString(field(entry, "rate"));
  if (rate === null || rate.startsWith("-")) return "no valid rate";
  const name = toText(field(entry, "name")) ?? "";
  const description = toText(field(entry, "desc")) ?? toText(field(entry, "description"));
  const refill = toBool(field(entry, "refill"));
  return {
    service,
    name,
    type: toText(field(entry, "type")) ?? "Default",
    category: toText(field(entry, "category")) ?? "",
    rate,
    min: toInt(field(entry, "min")),
    max: toInt(field(entry, "max")),
    refill,
    refillDays: refill ? refillDaysIn(name, description) : null,
    cancel: toBool(field(entry, "cancel")),
    dripfeed: toBool(field(entry, "dripfeed")),
    description,
  };
}
