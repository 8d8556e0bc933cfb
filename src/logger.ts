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

export function createLogger(level: string = process.env.LOG_LEVEL ?? "info"): Logger {
  return pino({ level, redact, base: { app: "panelbot" } });
}
