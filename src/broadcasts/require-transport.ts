import type { Deps } from "../deps.js";
import { DomainError } from "../shared/errors.js";
import type { BroadcastTransport } from "./transport.js";

export function requireTransport(deps: Deps): BroadcastTransport {
  if (!deps.broadcasts) throw new DomainError("telegram_disabled", "Telegram is not configured (BOT_TOKEN): broadcasts cannot be sent");
  return deps.broadcasts;
}
