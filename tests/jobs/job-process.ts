// A job-runner process for the tests: the same startJobs the app runs, against DATABASE_URL (the
// test file's own database), with short timings from JOB_TIMINGS (JSON, Partial<JobTimings>).
// Writes one JSON line per event on stdout: {"t":"ready"}, {"t":"job","event":"start"|"complete"|"fail","name":…,"at":ms},
// {"t":"stopped"}. SIGTERM stops gracefully (exit 0); the tests also SIGKILL it.
import { startJobs, type JobTimings } from "../../jobs/runner.js";
import { broadcastApi, telegramBroadcasts } from "../../src/bot/broadcasts/telegram-transport.js";
import { loadI18n } from "../../src/bot/i18n.js";
import { loadConfig } from "../../src/config.js";
import { createDb } from "../../src/db/client.js";
import { createLogger } from "../../src/logger.js";
import { createSecretBox } from "../../src/shared/secret-box.js";

const line = (o: object) => process.stdout.write(`${JSON.stringify(o)}\n`);

const config = loadConfig(process.env);
const logger = createLogger(config.LOG_LEVEL);
const db = createDb(config.DATABASE_URL!, 8);
// With BOT_TOKEN (and TELEGRAM_API_ROOT at a fake Bot API) the broadcast sender runs too, as in the app.
const broadcasts = config.BOT_TOKEN ? telegramBroadcasts(broadcastApi(config), await loadI18n()) : undefined;
const deps = { db: db.prisma, config, box: createSecretBox(config.SECRET_KEY!), logger, now: () => new Date(), ...(broadcasts ? { broadcasts } : {}) };
const timings = JSON.parse(process.env.JOB_TIMINGS ?? "{}") as Partial<JobTimings>;

try {
  const runner = await startJobs(deps, {
    timings,
    instance: `test:${process.pid}`,
    onEvent: (e) => line({ t: "job", event: e.event, name: e.name, at: e.at.getTime(), ...(e.error ? { error: e.error } : {}) }),
  });
  process.once("SIGTERM", () => {
    void (async () => {
      await runner.stop();
      await db.close();
      line({ t: "stopped" });
      process.exit(0);
    })();
  });
  line({ t: "ready", pid: process.pid, store: runner.store });
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  await db.close();
  process.exit(1);
}
