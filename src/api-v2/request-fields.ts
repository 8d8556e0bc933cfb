import type { IncomingMessage } from "node:http";

/**
 * API v2 fields, as panels send them: query string (GET, or POST with parameters in the URL),
 * then a form-encoded, multipart or JSON body (the body wins). JSON arrays become the API's own
 * list formats: ids comma-separated, comments and usernames one per line.
 */
export async function requestFields(req: IncomingMessage, readBody: () => Promise<Buffer>): Promise<Record<string, string>> {
  const fields: Record<string, string> = {};
  for (const [k, v] of new URL(req.url ?? "/", "http://api.local").searchParams) fields[k] = v;
  if (req.method !== "POST") return fields;
  const body = await readBody();
  if (body.length === 0) return fields;
  const type = (req.headers["content-type"] ?? "").toLowerCase();
  if (type.startsWith("multipart/form-data")) {
    const form = await new Request("http://api.local", { method: "POST", headers: { "content-type": type }, body: new Uint8Array(body) }).formData();
    for (const [k, v] of form) if (typeof v === "string") fields[k] = v;
    return fields;
  }
  const text = body.toString("utf8");
  if (type.includes("json") || /^\s*\{/.test(text)) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return fields;
    }
    if (typeof json === "object" && json !== null && !Array.isArray(json)) {
      for (const [k, v] of Object.entries(json)) {
        if (v === null || v === undefined || typeof v === "object" && !Array.isArray(v)) continue;
        fields[k] = Array.isArray(v) ? v.map(String).join(k === "orders" || k === "refills" ? "," : "\n") : String(v);
      }
    }
    return fields;
  }
  for (const [k, v] of new URLSearchParams(text)) fields[k] = v;
  return fields;
}
