import { loadConfig } from "../../src/config.js";
import type { Db } from "../../src/db/client.js";
import type { Deps } from "../../src/deps.js";
import { createLogger } from "../../src/logger.js";
import { createSecretBox } from "../../src/shared/secret-box.js";

/**
 * How long a test waits for a provider reply that will come: just under the default submit lease
 * (120 s) and the 180 s test deadline. A loaded machine once delayed a simulator's immediate reply
 * past the production 30 s, and the order was (rightly) taken for UNKNOWN; the verdict of a test
 * about outcomes must not depend on that.
 */
export const REPLY_WAIT_MS = "110000";

export const TEST_SECRET = "test-secret-key-that-is-long-enough-123";

/** Deps for use-case tests: quiet logger, test secret, optional config overrides (as env strings). */
export function testDeps(db: Db, env: Record<string, string> = {}, now: () => Date = () => new Date()): Deps {
  const config = loadConfig({ NODE_ENV: "test", SECRET_KEY: TEST_SECRET, LOG_LEVEL: "silent", ...env });
  return { db, config, box: createSecretBox(TEST_SECRET), logger: createLogger("silent"), now };
}
