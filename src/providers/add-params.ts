import { ADD_FIELD, LIST_FIELDS, serviceKind } from "../catalogue/service-kinds.js";
import { AddParamsError } from "./errors.js";

/**
 * Fields for `add`. `type` is the API v2 service type as stored on the service; which fields it
 * carries is declared once, in catalogue/service-kinds.ts. The rest use the API's own names.
 * Default with drip-feed sends the quantity per run with `runs` and `interval`.
 */
export interface AddParams {
  service: string | number;
  type?: string;
  link: string;
  quantity?: number;
  runs?: number;
  interval?: number;
  comments?: string | readonly string[];
  usernames?: string | readonly string[];
  hashtags?: string | readonly string[];
  username?: string;
  hashtag?: string;
  media?: string;
  answer_number?: string | number;
  /**
   * Sent as `request_id` (NotPanel's convention, also served by panelbot's own /api/v2): a provider
   * that supports it answers a retry with the first order; others ignore the field.
   */
  requestId?: string;
}

/** Validates `params` for its service type and returns the form fields to send (without key/action). */
export function addFields(params: AddParams): Record<string, string> {
  const kind = serviceKind(params.type ?? "Default");
  if (kind.unsupported !== null) throw new AddParamsError(`unsupported service type "${params.type}"`);

  const fields: Record<string, string> = { service: serviceId(params.service), link: link(params.link) };
  if (kind.sendsQuantity) fields.quantity = positiveInt("quantity", params.quantity);
  if (kind.dripfeed && (params.runs !== undefined || params.interval !== undefined)) {
    fields.runs = positiveInt("runs", params.runs);
    fields.interval = positiveInt("interval", params.interval);
  }
  for (const extra of kind.extras) {
    const name = ADD_FIELD[extra] as keyof AddParams;
    const value = params[name];
    if (LIST_FIELDS.has(extra)) fields[name] = lines(name, value as string | readonly string[] | undefined);
    else if (extra === "answerNumber") fields[name] = positiveInt(name, value);
    else fields[name] = singleLine(name, value);
  }
  if (params.requestId !== undefined) {
    if (!/^[\x21-\x7e]{1,128}$/.test(params.requestId)) throw new AddParamsError("requestId must be 1-128 visible ASCII characters");
    fields.request_id = params.requestId;
  }
  return fields;
}

function singleLine(name: string, value: unknown): string {
  if (typeof value !== "string" || value.trim() === "" || /[\r\n]/.test(value)) throw new AddParamsError(`${name} must be one line`);
  return value.trim();
}

function serviceId(value: string | number): string {
  const text = String(value).trim();
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(text)) throw new AddParamsError("service must be a provider service id");
  return text;
}

function link(value: unknown): string {
  if (typeof value !== "string" || value.trim() === "") throw new AddParamsError("link is required");
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(value)) throw new AddParamsError("link must be a single line");
  return value.trim();
}

function positiveInt(name: string, value: unknown): string {
  const n = typeof value === "string" && /^\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof n !== "number" || !Number.isSafeInteger(n) || n <= 0) {
    throw new AddParamsError(`${name} must be a positive whole number`);
  }
  return String(n);
}

function lines(name: string, value: string | readonly string[] | undefined): string {
  const list = (typeof value === "string" ? value.split(/\r?\n/) : value ?? []).map((line) => line.trim());
  if (list.some((line) => /[\r\n]/.test(line))) throw new AddParamsError(`each of ${name} must be a single line`);
  const kept = list.filter((line) => line !== "");
  if (kept.length === 0) throw new AddParamsError(`${name} must have at least one line`);
  return kept.join("\n");
}
