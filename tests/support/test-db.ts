import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, inject } from "vitest";
import { createDb, type DbHandle } from "../../src/db/client.js";
import { startEmbeddedPostgres } from "../../src/db/embedded.js";

/** Whether this run has a real PostgreSQL server (tests needing concurrent connections skip otherwise). */
export const realServer = !inject("embedded");

/**
 * A Prisma client on the test database for this test file, closed after the file. Without a
 * server, each file gets its own copy of the migrated embedded database (it serves one connection).
 */
export async function useTestDb(poolMax = 20): Promise<DbHandle> {
  if (realServer) {
    const handle = createDb(inject("databaseUrl"), poolMax);
    afterAll(() => handle.close());
    return handle;
  }
  const dataDir = join(mkdtempSync(join(tmpdir(), "panelbot-testdb-")), "pg");
  cpSync(inject("embeddedTemplateDir"), dataDir, { recursive: true });
  const embedded = await startEmbeddedPostgres({ dataDir });
  const handle = createDb(embedded.pool);
  afterAll(async () => {
    await handle.prisma.$disconnect();
    await embedded.close();
    rmSync(join(dataDir, ".."), { recursive: true, force: true });
  });
  return handle;
}
