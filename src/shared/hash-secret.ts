import { createHash } from "node:crypto";

/** How a bearer secret (API key, payment device token) is stored and looked up: its SHA-256, hex. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
