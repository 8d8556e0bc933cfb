// `npm run transcripts`: writes docs/transcripts/customer-day.{bn,en}.md from the real bot, on the
// database named by DATABASE_URL (it adds a category, a service, a provider and two users to it).
import { writeFileSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadConfig } from "../config.js";
import { createDb } from "../db/client.js";
import { migrateDatabase } from "../db/migrate.js";
import { createLogger } from "../logger.js";
import { createSecretBox } from "../shared/secret-box.js";
import { customerDay } from "./customer-day.js";

const config = loadConfig();
if (!config.DATABASE_URL) throw new Error("Set DATABASE_URL to a PostgreSQL database for the transcripts");
const logger = createLogger("warn");
await migrateDatabase(config.DATABASE_URL, { logger });
const { prisma: db, close } = createDb(config.DATABASE_URL);
const dir = fileURLToPath(new URL("../../docs/transcripts/", import.meta.url));
mkdirSync(dir, { recursive: true });
try {
  for (const locale of ["bn", "en"] as const) {
    const text = await customerDay({ db, box: createSecretBox("transcript-only-secret-key-0123456789"), logger }, locale);
    writeFileSync(`${dir}customer-day.${locale}.md`, text);
    logger.warn({ locale }, "Transcript written");
  }
} finally {
  await close();
}
