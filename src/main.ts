import { startApp, type App } from "./app.js";
import { ConfigError, loadConfig, type Config } from "./config.js";
import { EmbeddedPostgresError } from "./db/embedded.js";
import { createLogger } from "./logger.js";

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  // Pretty one-line logs for a person at a terminal; JSON in production and when piped or collected.
  const logger = createLogger(config.LOG_LEVEL, { pretty: config.NODE_ENV === "development" && process.stdout.isTTY === true });
  let app: App | null = null;
  let stopRequested: string | null = null;

  const stop = async (signal: string) => {
    if (stopRequested) return;
    stopRequested = signal;
    // A signal during start-up is honoured once the start finishes (below).
    if (!app) return;
    logger.info({ signal }, "Shutting down");
    const force = setTimeout(() => process.exit(1), 20_000);
    force.unref();
    await app.stop().catch((error) => logger.error({ err: error }, "Error while shutting down"));
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));

  try {
    app = await startApp(config, logger);
  } catch (error) {
    if (error instanceof EmbeddedPostgresError) logger.fatal({ code: error.code }, error.message);
    else logger.fatal({ err: error }, "panelbot could not start");
    process.exit(1);
  }
  if (stopRequested) {
    const signal = stopRequested;
    stopRequested = null;
    await stop(signal);
  }
}

void main();
