import { PrismaPg } from "@prisma/adapter-pg";
import { Prisma, PrismaClient } from "@prisma/client";
import pg from "pg";

export { Prisma };
export type Db = PrismaClient;
export type Tx = Prisma.TransactionClient;

export interface DbHandle {
  prisma: PrismaClient;
  pool: pg.Pool;
  close(): Promise<void>;
}

/** Prisma over a node-postgres pool. */
export function createDb(url: string, poolMax = 10): DbHandle {
  const pool = new pg.Pool({ connectionString: url, max: poolMax });
  pool.on("error", () => {
    // An idle connection dropped by the server; the pool replaces it on next use.
  });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    pool,
    async close() {
      await prisma.$disconnect();
      await pool.end().catch(() => {});
    },
  };
}
