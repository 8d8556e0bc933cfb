import { afterAll, inject } from "vitest";
import { createDb, type DbHandle } from "../../src/db/client.js";

/** A Prisma client on the test database for this test file, closed after the file. */
export async function useTestDb(poolMax = 20): Promise<DbHandle> {
  const handle = createDb(inject("databaseUrl"), poolMax);
  afterAll(() => handle.close());
  return handle;
}
