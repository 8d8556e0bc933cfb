// CLI-only driver adapter for Prisma's JavaScript schema engine (see architecture.md).
// The stock adapter refuses the catalog column types `name` (oid 19) and `"char"` (oid 18)
// that the schema engine reads, and its shadow database reuses the main database.
// Runtime code uses the stock @prisma/adapter-pg.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

const NAME_OID = 19;
const CHAR_OID = 18;
const TEXT_OID = 25;
const CHARACTER_COLUMN_TYPE = 6; // ColumnTypeEnum.Character in @prisma/driver-adapter-utils

type Queryable = {
  performIO(query: unknown): Promise<pg.QueryResult>;
  queryRaw(query: unknown): Promise<{ columnTypes: number[] }>;
  startTransaction?(...args: unknown[]): Promise<Queryable>;
  executeScript?(script: string): Promise<void>;
  underlyingDriver?(): pg.Pool;
  onError(error: unknown): never;
};

function patchQueryable<T>(target: T): T {
  const q = target as unknown as Queryable;
  const performIO = q.performIO.bind(q);
  const queryRaw = q.queryRaw;
  q.queryRaw = async (query) => {
    const result = await performIO(query);
    const charColumns: number[] = [];
    result.fields.forEach((field, i) => {
      if (field.dataTypeID === NAME_OID) field.dataTypeID = TEXT_OID;
      if (field.dataTypeID === CHAR_OID) {
        field.dataTypeID = TEXT_OID;
        charColumns.push(i);
      }
    });
    const replay = Object.create(q, { performIO: { value: async () => result } });
    const out = await queryRaw.call(replay, query);
    for (const i of charColumns) out.columnTypes[i] = CHARACTER_COLUMN_TYPE;
    return out;
  };
  if (q.executeScript && q.underlyingDriver) {
    // The stock adapter splits scripts on every ";", which breaks function bodies; the simple
    // query protocol runs a whole multi-statement script as one implicit transaction instead.
    const pool = q.underlyingDriver();
    q.executeScript = async (script) => {
      try {
        await pool.query(script);
      } catch (error) {
        q.onError(error);
      }
    };
  }
  if (q.startTransaction) {
    const start = q.startTransaction.bind(q);
    q.startTransaction = async (...args) => patchQueryable(await start(...args));
  }
  return target;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export class CliPgAdapterFactory extends PrismaPg {
  constructor(private readonly url: string) {
    super({ connectionString: url, max: 1 });
  }

  override async connect() {
    return patchQueryable(await super.connect());
  }

  override async connectToShadowDb() {
    const database = `prisma_shadow_${crypto.randomUUID().replaceAll("-", "")}`;
    const admin = new pg.Client({ connectionString: this.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`);
    await admin.end();
    const shadow = patchQueryable(await new PrismaPg({ connectionString: withDatabase(this.url, database), max: 1 }).connect());
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      const cleanup = new pg.Client({ connectionString: this.url });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await cleanup.end();
    };
    return shadow;
  }
}
