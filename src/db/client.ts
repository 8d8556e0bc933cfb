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

const pools = new WeakMap<PrismaClient, pg.Pool>();

/**
 * The node-postgres pool under a client made by createDb, for the few hot paths that run their
 * statement without Prisma's runtime (hand-written SQL costs a fraction of its CPU). The SQL stays
 * in the module that owns the rule.
 */
export function poolOf(db: Db): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error("this Prisma client was not made by createDb");
  return pool;
}

/** Prisma over a node-postgres pool. */
export function createDb(url: string, poolMax = 10): DbHandle {
  const pool = new pg.Pool({ connectionString: url, max: poolMax });
  pool.on("error", () => {
    // An idle connection dropped by the server; the pool replaces it on next use.
  });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  pools.set(prisma, pool);
  return {
    prisma,
    pool,
    async close() {
      await prisma.$disconnect();
      await pool.end().catch(() => {});
    },
  };
}
