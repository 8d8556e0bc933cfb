// One run of a job at a time across every instance, whatever Agenda believes.
//
// Agenda 6.2.6 gives up on a run whose lock renewal came late (a stalled machine: the run is
// "expired") without stopping its handler, lets the lock lapse, and starts the next run — on this
// instance or another — beside the old one. Each run therefore also holds a PostgreSQL advisory
// lock named after its job for as long as its handler works, on a connection of a small pool of its
// own (the app's pool is for the work itself); a second run waits for the first to end. A process
// that dies releases its locks with its connections.
import pg from "pg";
import type { Db } from "../src/db/client.js";
import { poolOf } from "../src/db/client.js";

/** Advisory-lock namespace of job runs ("PJ"); chat locks use "PB". */
const NAMESPACE = 0x504a;

export interface ExclusiveRuns {
  run<T>(name: string, work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function exclusiveRuns(db: Db, maxConcurrentJobs: number): ExclusiveRuns {
  const pool = new pg.Pool({ ...poolOf(db).options, max: maxConcurrentJobs });
  pool.on("error", () => {
    // An idle connection dropped by the server; the pool replaces it on next use.
  });
  return {
    async run(name, work) {
      const key = nameKey(name);
      const client = await pool.connect();
      // A connection whose lock or unlock statement failed is dropped: closing it releases the lock too.
      let broken = false;
      try {
        await client.query("SELECT pg_advisory_lock($1, $2)", [NAMESPACE, key]).catch((error: unknown) => {
          broken = true;
          throw error;
        });
        try {
          return await work();
        } finally {
          await client.query("SELECT pg_advisory_unlock($1, $2)", [NAMESPACE, key]).catch(() => (broken = true));
        }
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}

/** A stable 32-bit key for a job name (FNV-1a). */
function nameKey(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h | 0;
}
