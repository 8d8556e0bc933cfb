import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../src/db/embedded.js";
import { migrateDatabase } from "../../src/db/migrate.js";
import { prepareServerDatabase, testDatabaseUrl } from "./database-target.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated test database: TEST_DATABASE_URL's, or the same database on an embedded server started for this run. */
    databaseUrl: string;
  }
}

/**
 * The tests' PostgreSQL server: the one at TEST_DATABASE_URL (CI, development machines) or, when
 * none answers there, an embedded PostgreSQL started for this run and stopped at its end. Every
 * test runs either way. In CI (`CI=true`) a missing server is an error: CI tests the machine's server.
 */
export default async function setup(project: TestProject) {
  const wanted = testDatabaseUrl();
  let url = wanted;
  let teardown: (() => Promise<void>) | undefined;
  if (!(await prepareServerDatabase(wanted))) {
    if (process.env.CI) {
      throw new Error(`No PostgreSQL server at ${new URL(wanted).host}: CI must run the tests on the machine's server (see .ci/run).`);
    }
    const root = mkdtempSync(join(tmpdir(), "panelbot-test-pg-"));
    chmodSync(root, 0o755); // reachable by the postgres user when the tests run as root
    const server = await startEmbeddedPostgres({
      dataDir: root,
      migrate: false,
      // The suite opens many pools at once (two test files in parallel, job processes); a test
      // server needs no durability.
      settings: { max_connections: "300", fsync: "off", synchronous_commit: "off", full_page_writes: "off" },
    });
    const target = new URL(server.url);
    target.pathname = new URL(wanted).pathname;
    url = target.toString();
    await prepareServerDatabase(url);
    console.warn(`\n[panelbot tests] No PostgreSQL server at ${new URL(wanted).host}: started an embedded one on 127.0.0.1:${server.port} for this run.\n`);
    teardown = async () => {
      await server.close();
      rmSync(root, { recursive: true, force: true });
    };
  }
  try {
    await migrateDatabase(url);
  } catch (error) {
    await teardown?.();
    throw error;
  }
  project.provide("databaseUrl", url);
  return teardown;
}
