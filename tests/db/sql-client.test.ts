// Hand-written statements run on node-postgres (sqlOf, sqlTransaction) on the hot paths: their rows
// must be what Prisma's $queryRaw gives for the same SQL, whatever the process's time zone.
import { Prisma } from "@prisma/client";
import { afterEach, describe, expect, it } from "vitest";
import { sqlOf, sqlTransaction } from "../../src/db/sql-client.js";
import { buildService, buildUser } from "../support/factories.js";
import { useTestDb } from "../support/test-db.js";
import { placeOrder } from "../../src/orders/place-order.js";
import { testDeps } from "../support/deps.js";

const { prisma: db } = await useTestDb(5);
const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

/** Each value with its type, so a string "100" and a Decimal 100 differ. */
function typed(row: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [
      k,
      v === null ? "null" : v instanceof Date ? `Date ${v.toISOString()}` : Prisma.Decimal.isDecimal(v) ? `Decimal ${v.toString()}` : `${typeof v} ${typeof v === "object" ? JSON.stringify(v) : String(v)}`,
    ]),
  );
}

describe("SqlClient on node-postgres", () => {
  it("reads an order row, money, bigints, dates and json exactly as Prisma's $queryRaw does, in any time zone", async () => {
    const user = await buildUser(db, { balance: "1000" });
    const service = await buildService(db, { price: "123.4567" });
    const { order } = await placeOrder(testDeps(db), { userId: user.id, serviceId: service.id, link: "https://example.com/tz", quantity: 1000 });
    const at = new Date("2026-03-04T05:06:07.089Z");
    const query = Prisma.sql`
      SELECT o.*, 12345678901234.5678::numeric(20,4) AS "big", 9007199254740993::bigint AS "int8", '2026-01-02'::date AS "day",
             ${at}::timestamp AS "param", ${new Prisma.Decimal("0.0001")}::numeric AS "decimalParam", '{"a":[1,"x"]}'::jsonb AS "json"
        FROM "Order" o WHERE o."id" = ${order.id}`;
    for (const tz of ["UTC", "Asia/Dhaka", "America/Los_Angeles"]) {
      process.env.TZ = tz;
      const [viaPrisma] = await db.$queryRaw<Record<string, unknown>[]>(query);
      const [viaPg] = await sqlOf(db).rows<Record<string, unknown>>(query);
      expect(typed(viaPg!), `time zone ${tz}`).toEqual(typed(viaPrisma!));
      expect(viaPg!.param, `time zone ${tz}`).toEqual(at);
    }
  });

  it("a transaction commits what its function wrote, and writes nothing when the function throws", async () => {
    const user = await buildUser(db, { balance: "5" });
    const setBalance = (amount: string) => Prisma.sql`UPDATE "Account" SET "balance" = ${new Prisma.Decimal(amount)}::numeric WHERE "id" = ${user.account.id}`;
    await sqlTransaction(db, (sql) => sql.rows(setBalance("7")));
    const failed = await sqlTransaction(db, async (sql) => {
      await sql.rows(setBalance("9"));
      throw new Error("after the write");
    }).catch((e: unknown) => e);
    expect(failed).toMatchObject({ message: "after the write" });
    expect((await db.account.findUniqueOrThrow({ where: { id: user.account.id } })).balance.toString()).toBe("7");
  });
});
