import { createHmac, timingSafeEqual } from "node:crypto";
import type { Config } from "../config.js";
import { loadOrCreateLocalSecret } from "../shared/local-secret.js";

const keys = new WeakMap<Config, Buffer>();

/** HMAC key for login links and session cookies, derived from SECRET_KEY (or the embedded default's local secret). */
function signingKey(config: Config): Buffer {
  let key = keys.get(config);
  if (!key) {
    const secret = config.SECRET_KEY ?? loadOrCreateLocalSecret(config.DATA_DIR);
    key = createHmac("sha256", secret).update("panelbot:admin-web").digest();
    keys.set(config, key);
  }
  return key;
}

export function sign(config: Config, purpose: string, payload: string): string {
  return createHmac("sha256", signingKey(config)).update(`${purpose}\n${payload}`).digest("base64url");
}

export function verifySignature(config: Config, purpose: string, payload: string, signature: string): boolean {
  const expected = Buffer.from(sign(config, purpose, payload));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
