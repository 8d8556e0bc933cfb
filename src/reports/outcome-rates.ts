import { Prisma } from "@prisma/client";
import type { Deps } from "../deps.js";
import { toCsv } from "./csv.js";
import { reportWindow, type ReportWindow } from "./window.js";

export type OutcomeGrouping = "provider" | "service";

export interface OutcomeRow {
  /** Provider or service id; null groups the manual orders (no provider). */
  id: number | null;
  name: string | null;
  /** The service's Bengali name (per-service rows only). */
  nameBn: string | null;
  orders: number;
  completed: number;
  partial: number;
  canceled: number;
  failed: number;
  /** Orders still under way (pending, submitting, unknown, in progress). */
  open: number;
  /** Each over the finished orders (completed + partial + canceled + failed); null when none finished. */
  successRate: number | null;
  partialRate: number | null;
  cancelRate: number | null;
  failRate: number | null;
}

type Found = { id: number | null; name: string | null; nameBn: string | null; orders: bigint; completed: bigint; partial: bigint; canceled: bigint; failed: bigint };

/** Outcomes of the orders created in the window, per provider or per service. One SQL statement. */
export async function outcomeRates(deps: Deps, by: OutcomeGrouping, days: number): Promise<{ window: ReportWindow; rows: OutcomeRow[] }> {
  const window = reportWindow(deps.now(), days, deps.config.SHOP_TIME_ZONE);
  const [key, join, name, nameBn] =
    by === "provider"
      ? [Prisma.sql`o."providerId"`, Prisma.sql`LEFT JOIN "Provider" g ON g.id = o."providerId"`, Prisma.sql`g.name`, Prisma.sql`NULL::text`]
      : [Prisma.sql`o."serviceId"`, Prisma.sql`JOIN "Service" g ON g.id = o."serviceId"`, Prisma.sql`g."nameEn"`, Prisma.sql`g."nameBn"`];
  const found = await deps.db.$queryRaw<Found[]>`
    SELECT ${key} AS id, ${name} AS name, ${nameBn} AS "nameBn", COUNT(*) AS orders,
           COUNT(*) FILTER (WHERE o.status = 'COMPLETED') AS completed,
           COUNT(*) FILTER (WHERE o.status = 'PARTIAL') AS partial,
           COUNT(*) FILTER (WHERE o.status = 'CANCELED') AS canceled,
           COUNT(*) FILTER (WHERE o.status = 'FAILED') AS failed
      FROM "Order" o ${join}
     WHERE o."createdAt" >= ${window.from} AND o."createdAt" < ${window.to}
     GROUP BY 1, 2, 3 ORDER BY 1 NULLS LAST`;
  return { window, rows: found.map(outcomeRow) };
}

function outcomeRow(r: Found): OutcomeRow {
  const [orders, completed, partial, canceled, failed] = [r.orders, r.completed, r.partial, r.canceled, r.failed].map(Number) as [number, number, number, number, number];
  const finished = completed + partial + canceled + failed;
  const rate = (n: number) => (finished ? n / finished : null);
  return {
    id: r.id,
    name: r.name,
    nameBn: r.nameBn,
    orders,
    completed,
    partial,
    canceled,
    failed,
    open: orders - finished,
    successRate: rate(completed),
    partialRate: rate(partial),
    cancelRate: rate(canceled),
    failRate: rate(failed),
  };
}

export const outcomeRatesCsv = (rows: OutcomeRow[]) =>
  toCsv<OutcomeRow>(
    [
      ["id", (r) => r.id],
      ["name", (r) => r.name ?? "manual"],
      ["orders", (r) => r.orders],
      ["completed", (r) => r.completed],
      ["partial", (r) => r.partial],
      ["canceled", (r) => r.canceled],
      ["failed", (r) => r.failed],
      ["open", (r) => r.open],
      ["success_rate", (r) => r.successRate],
      ["partial_rate", (r) => r.partialRate],
      ["cancel_rate", (r) => r.cancelRate],
      ["fail_rate", (r) => r.failRate],
    ],
    rows,
  );
