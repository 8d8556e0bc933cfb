import { dashboardStats, type DashboardStats } from "../../src/stats/dashboard-stats.js";
import { stuckSummary, type StuckSummary } from "../../src/stuck/stuck-summary.js";
import { builder } from "../builder.js";
import { ADMIN } from "../enums.js";

const StatusCount = builder.objectRef<{ status: string; count: number }>("StatusCount").implement({
  fields: (t) => ({ status: t.exposeString("status"), count: t.exposeInt("count") }),
});

const ProviderLatency = builder.objectRef<DashboardStats["providerLatency"][number]>("ProviderLatency").implement({
  fields: (t) => ({
    providerId: t.exposeInt("providerId"),
    providerName: t.exposeString("providerName"),
    calls: t.exposeInt("calls"),
    p50Ms: t.exposeInt("p50Ms"),
    p95Ms: t.exposeInt("p95Ms"),
  }),
});

const DailyFigures = builder.objectRef<DashboardStats["daily"][number]>("DailyFigures").implement({
  fields: (t) => ({
    day: t.exposeString("day", { description: "Date in the shop's time zone (SHOP_TIME_ZONE), YYYY-MM-DD." }),
    orders: t.exposeInt("orders"),
    revenue: t.field({ type: "Decimal", resolve: (d) => d.revenue }),
    cost: t.field({ type: "Decimal", resolve: (d) => d.cost }),
  }),
});

const DashboardStatsRef = builder.objectRef<DashboardStats>("DashboardStats").implement({
  fields: (t) => ({
    from: t.expose("from", { type: "DateTime" }),
    to: t.expose("to", { type: "DateTime" }),
    totalOrders: t.exposeInt("totalOrders"),
    ordersByStatus: t.field({ type: [StatusCount], resolve: (s) => s.ordersByStatus }),
    successRate: t.exposeFloat("successRate", { nullable: true, description: "COMPLETED+PARTIAL over COMPLETED+PARTIAL+CANCELED+FAILED." }),
    resubmitRate: t.exposeFloat("resubmitRate", { nullable: true }),
    providerLatency: t.field({ type: [ProviderLatency], resolve: (s) => s.providerLatency }),
    daily: t.field({ type: [DailyFigures], resolve: (s) => s.daily }),
  }),
});

const StuckSummaryRef = builder.objectRef<StuckSummary>("StuckSummary").implement({
  fields: (t) => ({
    countsByStatus: t.field({
      type: [StatusCount],
      resolve: (s) => Object.entries(s.countsByStatus).map(([status, count]) => ({ status, count })),
    }),
    stuckCount: t.exposeInt("stuckCount"),
    stuckByReason: t.field({
      type: [StatusCount],
      description: "`status` holds the stuck reason.",
      resolve: (s) => Object.entries(s.stuckByReason).map(([status, count]) => ({ status, count })),
    }),
    lastCheck: t.expose("lastCheck", { type: "DateTime", nullable: true }),
    issuesFound: t.exposeInt("issuesFound"),
    ordersChecked: t.exposeInt("ordersChecked"),
  }),
});

const DAY = 86_400_000;

builder.queryFields((t) => ({
  dashboardStats: t.field({
    type: DashboardStatsRef,
    authScopes: ADMIN,
    description: "Orders created in [from, to); default the last 30 days.",
    args: { from: t.arg({ type: "DateTime", required: false }), to: t.arg({ type: "DateTime", required: false }) },
    resolve: (_r, args, ctx) => {
      const to = args.to ?? ctx.deps.now();
      return dashboardStats(ctx.deps, args.from ?? new Date(to.getTime() - 30 * DAY), to);
    },
  }),
  stuckSummary: t.field({
    type: StuckSummaryRef,
    authScopes: ADMIN,
    description: "The reconciliation panel; list the stuck orders with orders(filter: { stuck: true }).",
    resolve: (_r, _a, ctx) => stuckSummary(ctx.deps),
  }),
}));
