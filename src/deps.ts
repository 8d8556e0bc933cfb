import type { BroadcastTransport } from "./broadcasts/transport.js";
import type { Config } from "./config.js";
import type { Db } from "./db/client.js";
import type { Logger } from "./logger.js";
import type { SecretBox } from "./shared/secret-box.js";

/** What use-cases that talk to the outside world need. Built once in app.ts; tests build their own. */
export interface Deps {
  db: Db;
  config: Config;
  box: SecretBox;
  logger: Logger;
  /** Injected so time-based rules (leases, stuck thresholds) can be tested without sleeping. */
  now: () => Date;
  /** Sends broadcasts and shows their progress (Telegram); absent when Telegram is off. */
  broadcasts?: BroadcastTransport;
}
