import type { Deps } from "../deps.js";

export interface StuckSummary {
  countsByStatus: Record<string, number>;
  stuckCount: number;
  stuckByReason: Record<string, number>;
  lastCheck: Date | null;
  issuesFound: number;
  ordersChecked: number;
}

/** The reconciliation panel: totals per status, stuck orders by reason, and the last detector pass. */
export async function stuckSummary(deps: Deps): Promise<StuckSummary> {
  const { db } = deps;
  const [byStatus, byReason, last] = await Promise.all([
    db.order.groupBy({ by: ["status"], _count: { _all: true } }),
    db.order.groupBy({ by: ["stuckReason"], where: { stuck: true }, _count: { _all: true } }),
    db.stuckCheckRun.findFirst({ orderBy: { id: "desc" } }),
  ]);
  const stuckByReason = Object.fromEntries(byReason.map((r) => [r.stuckReason ?? "unknown", r._count._all]));
  return {
    countsByStatus: Object.fromEntries(byStatus.map((r) => [r.status, r._count._all])),
    stuckCount: Object.values(stuckByReason).reduce((a, b) => a + b, 0),
    stuckByReason,
    lastCheck: last?.finishedAt ?? last?.startedAt ?? null,
    issuesFound: last?.issuesFound ?? 0,
    ordersChecked: last?.ordersChecked ?? 0,
  };
}
