import { loadConfig } from "../../src/config.js";
import type { Db } from "../../src/db/client.js";
import type { Deps } from "../../src/deps.js";
import { createLogger } from "../../src/logger.js";
import { createSecretBox } from "../../src/shared/secret-box.js";

export const TEST_SECRET = "test-secret-key-that-is-long-enough-123";

/** Deps for use-case tests: quiet logger, test secret, optional config overrides (as env strings). */
export function testDeps(db: Db, env: Record<string, string> = {}, now: () => Date = () => new Date()): Deps {
  const config = loadConfig({ NODE_ENV: "test", SECRET_KEY: TEST_SECRET, LOG_LEVEL: "silent", ...env });
  return { db, config, box: createSecretBox(TEST_SECRET), logger: createLogger("silent"), now };
}
