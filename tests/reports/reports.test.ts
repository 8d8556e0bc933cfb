// Every dashboard report, through GraphQL, against SQL written out by hand over the same seeded rows.
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_SEED } from "../../src/catalogue/demo-history-plan.js";
import { writeDemoHistory } from "../../src/catalogue/seed-demo-history.js";
import { Decimal } from "../../src/money/decimal.js";
import { COMPLETION_BUCKETS_SEC } from "../../src/reports/completion-times.js";
import { testDeps } from "../support/deps.js";
import { buildCaller, graphqlFor } from "../support/graphql-factories.js";
import { buildCategory, buildProvider, buildService } from "../support/factories.js";
import { useTestDb } from "../support/test-db.js";

const handle = await useTestDb(5);
const db = handle.prisma;
// A window of its own (February of a far year, unique per run), so rows other files make now never count.
const now = new Date(Date.UTC(3000 + (Date.now() % 6000), 1, 15, 10, 30));
const DAY = 86_400_000;
const { gql } = graphqlFor(db, { deps: testDeps(db, {}, () => now), rateLimitPerMinute: 100_000 });
let admin: Awaited<ReturnType<typeof buildCaller>>;
let providers: number[] = [];
let services: number[] = [];
const reasons = [`slow_${now.getTime()}`, `gone_${now.getTime()}`];

beforeAll(async () => {
  admin = await buildCaller(db, "ADMIN", "reports");
  const fast = await buildProvider(db);
  const slow = await buildProvider(db);
  providers = [fast.id, slow.id];
  const category = await buildCategory(db);
  const built = [
    await buildService(db, { categoryId: category.id, providerId: fast.id, providerServiceId: "1", price: "180", cost: "122", min: 50, max: 50000 }),
    await buildService(db, { categoryId: category.id, providerId: fast.id, providerServiceId: "2", price: "60", cost: "36.6", min: 20, max: 20000 }),
    await buildService(db, { categoryId: category.id, providerId: slow.id, providerServiceId: "1", price: "150", cost: "110", min: 100, max: 20000 }),
    await buildService(db, { categoryId: category.id, mode: "MANUAL", providerId: null, providerServiceId: null, priceUnit: "PER_PACKAGE", packageSize: 100, price: "80", cost: null, min: 1, max: 1 }),
  ];
  services = built.map((s) => s.id);
  const planned = built.map((s, i) => ({ id: s.id, providerId: s.providerId, providerServiceId: s.providerServiceId, price: new Decimal(s.price), cost: s.cost && new Decimal(s.cost), priceUnit: s.priceUnit, min: s.min, max: s.max, weight: [5, 4, 3, 2][i]!, slow: i === 2 }));
  await db.$transaction((tx) => writeDemoHistory(tx, now, planned, { fast: fast.id, slow: slow.id }, DEMO_SEED + 7 + (Date.now() % 100_000)), { timeout: 120_000 });
  // Flag a few of these orders stuck, under reasons no other test uses.
  const open = await db.order.findMany({ where: { serviceId: { in: services }, status: { in: ["IN_PROGRESS", "PENDING", "UNKNOWN"] } }, select: { id: true }, orderBy: { id: "asc" } });
  expect(open.length, "the seeded history has open orders to flag").toBeGreaterThanOrEqual(3);
  for (const [i, o] of open.slice(0, 3).entries()) {
    await db.order.update({ where: { id: o.id }, data: { stuck: true, stuckReason: reasons[i % 2], stuckAt: new Date(now.getTime() - (i + 1) * 3_600_000) } });
  }
});

// Report days are the shop's (SHOP_TIME_ZONE, default Asia/Dhaka: UTC+6 all year, no DST); `now`
// (10:30 UTC) is 16:30 in Dhaka, the same date.
const DHAKA = 6 * 3_600_000;
const dayStart = (daysAgo: number) => {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(today - daysAgo * DAY - DHAKA);
};
const dhakaDate = (instant: Date) => new Date(instant.getTime() + DHAKA).toISOString().slice(0, 10);

async function report(field: string, selection: string, args = "") {
  const { body } = await gql(admin, `{ r: ${field}${args} { __typename ... on Error { code message } ... on ${"Query" + field[0]!.toUpperCase() + field.slice(1)}Success { data { ${selection} csv } } } }`);
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  expect(body.data.r.__typename, JSON.stringify(body.data.r)).toMatch(/Success$/);
  return body.data.r.data;
}

const csvLines = (csv: string) => csv.trimEnd().split("\r\n");

describe("reports", () => {
  it.each([30, 90])("orders and revenue per day over %i days match a count and sum per day", async (days) => {
    const r = await report("ordersPerDayReport", "from to days rows { day orders completed revenue cost }", `(days: ${days})`);
    expect(r.rows).toHaveLength(days);
    expect(r.from).toBe(dayStart(days - 1).toISOString());
    expect(r.to).toBe(dayStart(-1).toISOString());
    let total = 0;
    for (const [i, row] of r.rows.entries()) {
      const from = dayStart(days - 1 - i);
      const to = new Date(from.getTime() + DAY);
      const [hand] = await db.$queryRaw<{ orders: bigint; completed: bigint; revenue: string | null; cost: string | null }[]>`
        SELECT COUNT(*) AS orders, SUM(CASE WHEN status = 'COMPLETED' THEN 1 ELSE 0 END) AS completed,
               SUM(charge) - SUM(refunded) AS revenue, SUM(CASE WHEN status = 'CANCELED' THEN 0 ELSE COALESCE(cost, 0) END) AS cost
          FROM "Order" WHERE "createdAt" >= ${from} AND "createdAt" < ${to}`;
      const expected = { day: dhakaDate(from), orders: Number(hand!.orders), completed: Number(hand!.completed ?? 0), revenue: new Decimal(hand!.revenue ?? 0).toString(), cost: new Decimal(hand!.cost ?? 0).toString() };
      expect({ ...row, revenue: new Decimal(row.revenue).toString(), cost: new Decimal(row.cost).toString() }, `day ${expected.day}`).toEqual(expected);
      total += row.orders;
    }
    expect(total, "the seeded month is in the window").toBeGreaterThan(250);
    const lines = csvLines(r.csv);
    expect(lines[0]).toBe("day,orders,completed,revenue,cost");
    expect(lines).toHaveLength(days + 1);
    expect(lines[days]).toBe(`${r.rows[days - 1].day},${r.rows[days - 1].orders},${r.rows[days - 1].completed},${r.rows[days - 1].revenue},${r.rows[days - 1].cost}`);
  });

  it("success, partial, cancel and fail rates per provider and per service match counts by hand", async () => {
    const from = dayStart(29);
    for (const [field, column, ids] of [["providerOutcomeReport", "providerId", providers], ["serviceOutcomeReport", "serviceId", services]] as const) {
      const r = await report(field, "rows { id name nameBn orders completed partial canceled failed open successRate partialRate cancelRate failRate }");
      for (const id of ids) {
        const row = r.rows.find((x: { id: number }) => x.id === id);
        const count = async (status: string | null) =>
          Number(
            (
              await db.$queryRawUnsafe<{ n: bigint }[]>(
                `SELECT COUNT(*) AS n FROM "Order" WHERE "${column}" = $1 AND "createdAt" >= $2 AND "createdAt" < $3 ${status ? "AND status = $4::\"OrderStatus\"" : ""}`,
                ...[id, from, now, ...(status ? [status] : [])],
              )
            )[0]!.n,
          );
        const [orders, completed, partial, canceled, failed] = [await count(null), await count("COMPLETED"), await count("PARTIAL"), await count("CANCELED"), await count("FAILED")];
        const finished = completed + partial + canceled + failed;
        expect(row, `${field} ${id}`).toMatchObject({ orders, completed, partial, canceled, failed, open: orders - finished });
        if (column === "serviceId") expect(row.nameBn).toBe((await db.service.findUniqueOrThrow({ where: { id } })).nameBn);
        else expect(row.nameBn).toBeNull();
        expect(row.successRate).toBeCloseTo(completed / finished, 12);
        expect(row.partialRate).toBeCloseTo(partial / finished, 12);
        expect(row.cancelRate).toBeCloseTo(canceled / finished, 12);
        expect(row.failRate).toBeCloseTo(failed / finished, 12);
        expect(csvLines(r.csv)).toContain([id, row.name, orders, completed, partial, canceled, failed, orders - finished, row.successRate, row.partialRate, row.cancelRate, row.failRate].join(","));
      }
    }
    const slow = (await report("providerOutcomeReport", "rows { id successRate }")).rows.find((x: { id: number }) => x.id === providers[1]);
    const fast = (await report("providerOutcomeReport", "rows { id successRate }")).rows.find((x: { id: number }) => x.id === providers[0]);
    expect(slow.successRate, "the slow provider succeeds less often").toBeLessThan(fast.successRate);
  });

  it("time-to-complete buckets match a count per bucket by hand, per provider", async () => {
    const bounds = [0, ...COMPLETION_BUCKETS_SEC];
    for (const providerId of providers) {
      const r = await report("completionTimeReport", "rows { fromSec toSec orders }", `(days: 30, providerId: ${providerId})`);
      expect(r.rows.map((b: { fromSec: number }) => b.fromSec)).toEqual(bounds);
      for (const [i, b] of r.rows.entries()) {
        const upper = COMPLETION_BUCKETS_SEC[i] ?? 1e12;
        const [hand] = await db.$queryRaw<{ n: bigint }[]>`
          SELECT COUNT(*) AS n FROM "Order" WHERE "providerId" = ${providerId} AND status = 'COMPLETED'
             AND "completedAt" >= ${dayStart(29)} AND "completedAt" < ${dayStart(-1)}
             AND EXTRACT(EPOCH FROM ("completedAt" - "createdAt")) >= ${bounds[i]!} AND EXTRACT(EPOCH FROM ("completedAt" - "createdAt")) < ${upper}`;
        expect(b.orders, `provider ${providerId}, bucket from ${b.fromSec}s`).toBe(Number(hand!.n));
        expect(b.toSec).toBe(COMPLETION_BUCKETS_SEC[i] ?? null);
      }
      expect(r.rows.reduce((s: number, b: { orders: number }) => s + b.orders, 0)).toBeGreaterThan(20);
    }
  });

  it("stuck orders by reason match the flagged orders", async () => {
    const r = await report("stuckReasonReport", "rows { reason orders oldestStuckAt held }");
    for (const reason of reasons) {
      const flagged = await db.order.findMany({ where: { stuck: true, stuckReason: reason } });
      const row = r.rows.find((x: { reason: string }) => x.reason === reason);
      expect(row, reason).toEqual({
        reason,
        orders: flagged.length,
        oldestStuckAt: new Date(Math.min(...flagged.map((o) => o.stuckAt!.getTime()))).toISOString(),
        held: flagged.reduce((s, o) => s.add(o.charge).sub(o.refunded), new Decimal(0)).toFixed(4),
      });
    }
    expect(csvLines(r.csv)[0]).toBe("reason,orders,oldest_stuck_at,held");
  });

  it("top-ups by method match counts and sums by hand", async () => {
    const r = await report("topUpMethodReport", "rows { method requests approved rejected pending approvedAmount }", "(days: 30)");
    expect(r.rows.map((x: { method: string }) => x.method)).toEqual(["BKASH", "NAGAD", "ROCKET", "UPAY", "STARS"]);
    for (const row of r.rows) {
      const [hand] = await db.$queryRawUnsafe<{ requests: bigint; approved: bigint; rejected: bigint; pending: bigint; amount: string | null }[]>(
        `SELECT COUNT(*) AS requests, SUM(CASE WHEN status = 'APPROVED' THEN 1 ELSE 0 END) AS approved, SUM(CASE WHEN status = 'REJECTED' THEN 1 ELSE 0 END) AS rejected,
                SUM(CASE WHEN status = 'PENDING' THEN 1 ELSE 0 END) AS pending, SUM(CASE WHEN status = 'APPROVED' THEN amount ELSE 0 END) AS amount
           FROM "TopUp" WHERE method = $1::"TopUpMethod" AND "createdAt" >= $2 AND "createdAt" < $3`,
        row.method,
        dayStart(29),
        dayStart(-1),
      );
      expect({ ...row, approvedAmount: new Decimal(row.approvedAmount).toString() }, row.method).toEqual({
        method: row.method,
        requests: Number(hand!.requests),
        approved: Number(hand!.approved ?? 0),
        rejected: Number(hand!.rejected ?? 0),
        pending: Number(hand!.pending ?? 0),
        approvedAmount: new Decimal(hand!.amount ?? 0).toString(),
      });
    }
    expect(r.rows.find((x: { method: string }) => x.method === "BKASH").approved).toBeGreaterThan(10);
  });

  it("exports text a spreadsheet would run as a formula as plain text", async () => {
    const category = await buildCategory(db);
    const evil = await buildService(db, { categoryId: category.id, nameEn: '=HYPERLINK("http://evil.example","x")', price: "10" });
    const user = await db.user.findFirstOrThrow({ where: { orders: { some: { serviceId: services[0]! } } }, include: { account: true } });
    await db.order.create({ data: { userId: user.id, accountId: user.account!.id, serviceId: evil.id, link: "https://x.com/a", quantity: 100, charge: "1", createdAt: new Date(now.getTime() - 3_600_000) } });
    const r = await report("serviceOutcomeReport", "rows { id name }");
    expect(r.rows.find((x: { id: number }) => x.id === evil.id)?.name).toBe(evil.nameEn);
    expect(csvLines(r.csv).find((l) => l.startsWith(`${evil.id},`))).toBe(`${evil.id},"'=HYPERLINK(""http://evil.example"",""x"")",1,0,0,0,0,1,,,,`);
  });

  it("refuses a bad period with a typed error", async () => {
    for (const days of [0, 367, -5]) {
      const { body } = await gql(admin, `{ ordersPerDayReport(days: ${days}) { __typename ... on ValidationError { field code } } }`);
      expect(body.data?.ordersPerDayReport, `days ${days}`).toEqual({ __typename: "ValidationError", field: "days", code: "days_invalid" });
    }
  });
});
