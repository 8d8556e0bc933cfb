import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../src/db/embedded.js";
import { migrateDatabase } from "../../src/db/migrate.js";
import { prepareServerDatabase, testDatabaseUrl } from "./database-target.js";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    /** True when no PostgreSQL server answered and the tests run on the embedded database. */
    embedded: boolean;
    /** A migrated embedded data directory that each test file copies (embedded runs only). */
    embeddedTemplateDir: string;
  }
}

export default async function setup(project: TestProject) {
  const url = testDatabaseUrl();
  if (await prepareServerDatabase(url)) {
    await migrateDatabase(url);
    project.provide("databaseUrl", url);
    project.provide("embedded", false);
    project.provide("embeddedTemplateDir", "");
    return;
  }
  if (process.env.CI) {
    throw new Error(`No PostgreSQL server at ${new URL(url).host}: CI must run every test on a real server (see .ci/run).`);
  }
  const root = mkdtempSync(join(tmpdir(), "panelbot-test-"));
  const templateDir = join(root, "template");
  await (await startEmbeddedPostgres({ dataDir: templateDir })).close();
  console.warn(
    `\n[panelbot tests] No PostgreSQL server at ${new URL(url).host}; running on the embedded database.\n` +
      "Tests that need concurrent connections are skipped there and listed as skipped below;\n" +
      "set TEST_DATABASE_URL to a real server to run everything.\n",
  );
  project.provide("databaseUrl", "");
  project.provide("embedded", true);
  project.provide("embeddedTemplateDir", templateDir);
  return () => rmSync(root, { recursive: true, force: true });
}
