import { createRequire } from "node:module";
import pino from "pino";

// Secrets must never reach a log line, whatever object a caller happens to log.
const redact = {
  paths: [
    "key", "*.key", "apiKey", "*.apiKey", "apiKeyEncrypted", "*.apiKeyEncrypted",
    "token", "*.token", "BOT_TOKEN", "*.BOT_TOKEN", "SECRET_KEY", "*.SECRET_KEY",
    "authorization", "*.authorization", "req.headers.authorization", "*.headers.authorization",
    "req.headers.cookie", "req.headers[\"x-telegram-bot-api-secret-token\"]",
  ],
  censor: "[redacted]",
};

export type Logger = pino.Logger;

export interface LoggerOptions {
  /** One coloured line per entry (pino-pretty) instead of JSON: for a person at a terminal in development. */
  pretty?: boolean;
}

export function createLogger(level: string = process.env.LOG_LEVEL ?? "info", options: LoggerOptions = {}): Logger {
  const settings = { level, redact, base: { app: "panelbot" } };
  const stream = options.pretty ? prettyStream() : undefined;
  return stream ? pino(settings, stream) : pino(settings);
}

/** pino-pretty in this thread (no worker), when installed: it is a development dependency, absent from production images. */
function prettyStream(): pino.DestinationStream | undefined {
  try {
    const pretty = createRequire(import.meta.url)("pino-pretty") as (options: object) => pino.DestinationStream;
    return pretty({ sync: true, colorize: true, singleLine: true, translateTime: "SYS:HH:MM:ss", ignore: "pid,hostname,app" });
  } catch {
    return undefined;
  }
}
