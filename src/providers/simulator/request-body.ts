import type { IncomingMessage } from "node:http";

const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLarge extends Error {}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge("request body too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** API v2 fields from the query string and a form or JSON body (body wins). */
export function requestFields(req: IncomingMessage, body: string): Record<string, string> {
  const fields: Record<string, string> = {};
  const url = new URL(req.url ?? "/", "http://simulator");
  for (const [k, v] of url.searchParams) fields[k] = v;
  const type = (req.headers["content-type"] ?? "").toLowerCase();
  if (type.includes("application/json") || /^\s*\{/.test(body)) {
    try {
      const json: unknown = JSON.parse(body);
      if (typeof json === "object" && json !== null && !Array.isArray(json)) {
        for (const [k, v] of Object.entries(json)) {
          if (v !== null && v !== undefined) fields[k] = Array.isArray(v) ? v.join(k === "orders" || k === "refills" ? "," : "\n") : String(v);
        }
      }
    } catch {
      // Not JSON after all: nothing usable in the body.
    }
  } else if (body !== "") {
    for (const [k, v] of new URLSearchParams(body)) fields[k] = v;
  }
  return fields;
}
