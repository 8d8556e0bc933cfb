import { afterAll, inject } from "vitest";
import { createDb, type DbHandle } from "../../src/db/client.js";

/** Whether this run has a real PostgreSQL server (tests needing concurrent connections skip otherwise). */
export const realServer = !inject("embedded");

/** A Prisma client on the test database for this test file, closed after the file. */
export function useTestDb(poolMax = 20): DbHandle {
  const handle = createDb(inject("databaseUrl"), realServer ? poolMax : 1);
  afterAll(() => handle.close());
  return handle;
}
