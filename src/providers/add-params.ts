import { AddParamsError } from "./errors.js";

/**
 * Fields for `add`. `type` is the API v2 service type as stored on the service (case-insensitive);
 * the rest use the API's own names, as kept in `Order.extra`.
 *   Default:                   link, quantity [, runs, interval]   (drip-feed: quantity per run)
 *   Package:                   link
 *   Custom Comments:           link, comments (one per line)
 *   Mentions with custom list: link, quantity, usernames
 *   Poll:                      link, quantity, answer_number
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
  answer_number?: string | number;
  /**
   * Sent as `request_id` (NotPanel's convention, also served by panelbot's own /api/v2): a provider
   * that supports it answers a retry with the first order; others ignore the field.
   */
  requestId?: string;
}

type ServiceType = "default" | "package" | "custom comments" | "mentions with custom list" | "poll";

const TYPES: Record<string, ServiceType> = {
  default: "default",
  package: "package",
  "custom comments": "custom comments",
  "custom comments package": "custom comments",
  "mentions with custom list": "mentions with custom list",
  "mentions custom list": "mentions with custom list",
  poll: "poll",
};

/** Validates `params` for its service type and returns the form fields to send (without key/action). */
export function addFields(params: AddParams): Record<string, string> {
  const type = TYPES[(params.type ?? "Default").trim().toLowerCase().replace(/\s+/g, " ")];
  if (type === undefined) throw new AddParamsError(`unsupported service type "${params.type}"`);

  const fields: Record<string, string> = { service: serviceId(params.service), link: link(params.link) };
  switch (type) {
    case "default":
      fields.quantity = positiveInt("quantity", params.quantity);
      if (params.runs !== undefined || params.interval !== undefined) {
        fields.runs = positiveInt("runs", params.runs);
        fields.interval = positiveInt("interval", params.interval);
      }
      break;
    case "package":
      break;
    case "custom comments":
      fields.comments = lines("comments", params.comments);
      break;
    case "mentions with custom list":
      fields.quantity = positiveInt("quantity", params.quantity);
      fields.usernames = lines("usernames", params.usernames);
      break;
    case "poll":
      fields.quantity = positiveInt("quantity", params.quantity);
      fields.answer_number = positiveInt("answer_number", params.answer_number);
      break;
  }
  if (params.requestId !== undefined) {
    if (!/^[\x21-\x7e]{1,128}$/.test(params.requestId)) throw new AddParamsError("requestId must be 1-128 visible ASCII characters");
    fields.request_id = params.requestId;
  }
  return fields;
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
