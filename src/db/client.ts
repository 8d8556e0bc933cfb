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

/** Prisma over node-postgres. Pass a pool to share one connection (the embedded database needs `max: 1`). */
export function createDb(urlOrPool: string | pg.Pool, poolMax = 10): DbHandle {
  const pool = typeof urlOrPool === "string" ? new pg.Pool({ connectionString: urlOrPool, max: poolMax }) : urlOrPool;
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
