// Fake Bot API servers listen on ports the OS hands out, and a port freed by another test file's
// provider simulator may be handed to them while that file's providers are still in the shared test
// database (the dashboard asks every provider for its balance). So a fake answers only what looks
// like a Bot API call — POST /bot<token>/<method> with a JSON or empty body — and 404s the rest.
import type { IncomingMessage } from "node:http";

export interface BotApiRequest {
  method: string;
  payload: Record<string, unknown>;
  raw: string;
}

export function parseBotApiRequest(req: IncomingMessage, body: string): BotApiRequest | null {
  const match = /^\/bot[^/]+\/([A-Za-z]+)$/.exec(req.url ?? "");
  if (req.method !== "POST" || !match) return null;
  try {
    const payload = body ? (JSON.parse(body) as unknown) : {};
    if (typeof payload !== "object" || payload === null) return null;
    return { method: match[1]!, payload: payload as Record<string, unknown>, raw: body };
  } catch {
    return null;
  }
}

export const NOT_BOT_API = JSON.stringify({ ok: false, error_code: 404, description: "Not Found" });
