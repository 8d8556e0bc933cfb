// The dashboard's reports: rows for a chart and the same rows as CSV. Each is one SQL aggregate.
import { completionTimes, completionTimesCsv, type CompletionBucket } from "../../src/reports/completion-times.js";
import { ordersPerDay, ordersPerDayCsv, type OrdersPerDayRow } from "../../src/reports/orders-per-day.js";
import { outcomeRates, outcomeRatesCsv, type OutcomeRow } from "../../src/reports/outcome-rates.js";
import { stuckByReason, stuckByReasonCsv, type StuckReasonRow } from "../../src/reports/stuck-by-reason.js";
import { topUpsByMethod, topUpsByMethodCsv, type TopUpMethodRow } from "../../src/reports/topups-by-method.js";
import type { ReportWindow } from "../../src/reports/window.js";
import { builder } from "../builder.js";
import { ADMIN, TopUpMethodEnum } from "../enums.js";
import { domainErrors } from "../errors.js";
import { positiveId } from "../validation.js";

type Windowed<R> = { window: ReportWindow; rows: R[] };

const OrdersPerDayRowRef = builder.objectRef<OrdersPerDayRow>("OrdersPerDayRow").implement({
  fields: (t) => ({
    day: t.exposeString("day", { description: "Date in the shop's time zone (SHOP_TIME_ZONE), YYYY-MM-DD." }),
    orders: t.exposeInt("orders"),
    completed: t.exposeInt("completed"),
    revenue: t.expose("revenue", { type: "Decimal", description: "charge − refunded of the day's orders." }),
    cost: t.expose("cost", { type: "Decimal", description: "Expected cost of the day's orders not cancelled." }),
  }),
});

const OrdersPerDayReport = builder.objectRef<Windowed<OrdersPerDayRow>>("OrdersPerDayReport").implement({
  fields: (t) => ({
    from: t.field({ type: "DateTime", description: "Start of the first day (midnight in the shop's time zone).", resolve: (r) => r.window.from }),
    to: t.field({ type: "DateTime", description: "End of today in the shop's time zone, exclusive.", resolve: (r) => r.window.to }),
    days: t.int({ resolve: (r) => r.window.days }),
    rows: t.field({ type: [OrdersPerDayRowRef], description: "Every day of the window, oldest first, empty days included.", resolve: (r) => r.rows }),
    csv: t.string({ resolve: (r) => ordersPerDayCsv(r.rows) }),
  }),
});

const OutcomeRowRef = builder.objectRef<OutcomeRow>("OutcomeRow").implement({
  description: "Outcomes of the orders placed in the window; rates are over the finished ones (completed + partial + canceled + failed).",
  fields: (t) => ({
    id: t.exposeInt("id", { nullable: true, description: "Provider or service id; null = manual orders (no provider)." }),
    name: t.exposeString("name", { nullable: true, description: "Provider name, or the service's English name." }),
    nameBn: t.exposeString("nameBn", { nullable: true, description: "The service's Bengali name (per-service rows)." }),
    orders: t.exposeInt("orders"),
    completed: t.exposeInt("completed"),
    partial: t.exposeInt("partial"),
    canceled: t.exposeInt("canceled"),
    failed: t.exposeInt("failed"),
    open: t.exposeInt("open", { description: "Still under way." }),
    successRate: t.exposeFloat("successRate", { nullable: true }),
    partialRate: t.exposeFloat("partialRate", { nullable: true }),
    cancelRate: t.exposeFloat("cancelRate", { nullable: true }),
    failRate: t.exposeFloat("failRate", { nullable: true }),
  }),
});

const OutcomeReport = builder.objectRef<Windowed<OutcomeRow>>("OutcomeReport").implement({
  fields: (t) => ({
    from: t.field({ type: "DateTime", description: "Start of the first day (midnight in the shop's time zone).", resolve: (r) => r.window.from }),
    to: t.field({ type: "DateTime", description: "End of today in the shop's time zone, exclusive.", resolve: (r) => r.window.to }),
    days: t.int({ resolve: (r) => r.window.days }),
    rows: t.field({ type: [OutcomeRowRef], resolve: (r) => r.rows }),
    csv: t.string({ resolve: (r) => outcomeRatesCsv(r.rows) }),
  }),
});

const CompletionBucketRef = builder.objectRef<CompletionBucket>("CompletionTimeBucket").implement({
  fields: (t) => ({
    fromSec: t.exposeInt("fromSec", { description: "Inclusive lower bound, seconds from placement to completion." }),
    toSec: t.exposeInt("toSec", { nullable: true, description: "Exclusive upper bound; null for the last, open-ended bucket." }),
    orders: t.exposeInt("orders"),
  }),
});

const CompletionTimeReport = builder.objectRef<Windowed<CompletionBucket>>("CompletionTimeReport").implement({
  fields: (t) => ({
    from: t.field({ type: "DateTime", description: "Start of the first day (midnight in the shop's time zone).", resolve: (r) => r.window.from }),
    to: t.field({ type: "DateTime", description: "End of today in the shop's time zone, exclusive.", resolve: (r) => r.window.to }),
    days: t.int({ resolve: (r) => r.window.days }),
    rows: t.field({ type: [CompletionBucketRef], description: "Every bucket, empty ones too, shortest first.", resolve: (r) => r.rows }),
    csv: t.string({ resolve: (r) => completionTimesCsv(r.rows) }),
  }),
});

const StuckReasonRowRef = builder.objectRef<StuckReasonRow>("StuckReasonRow").implement({
  fields: (t) => ({
    reason: t.exposeString("reason"),
    orders: t.exposeInt("orders"),
    oldestStuckAt: t.expose("oldestStuckAt", { type: "DateTime", nullable: true }),
    held: t.expose("held", { type: "Decimal", description: "Money held in them (charge − refunded)." }),
  }),
});

const StuckReasonReport = builder.objectRef<{ rows: StuckReasonRow[] }>("StuckReasonReport").implement({
  fields: (t) => ({
    rows: t.field({ type: [StuckReasonRowRef], description: "Orders flagged stuck now, per reason, most first.", resolve: (r) => r.rows }),
    csv: t.string({ resolve: (r) => stuckByReasonCsv(r.rows) }),
  }),
});

const TopUpMethodRowRef = builder.objectRef<TopUpMethodRow>("TopUpMethodRow").implement({
  fields: (t) => ({
    method: t.expose("method", { type: TopUpMethodEnum }),
    requests: t.exposeInt("requests"),
    approved: t.exposeInt("approved"),
    rejected: t.exposeInt("rejected"),
    pending: t.exposeInt("pending"),
    approvedAmount: t.expose("approvedAmount", { type: "Decimal", description: "Approved amounts before any bonus or fee." }),
  }),
});

const TopUpMethodReport = builder.objectRef<Windowed<TopUpMethodRow>>("TopUpMethodReport").implement({
  fields: (t) => ({
    from: t.field({ type: "DateTime", description: "Start of the first day (midnight in the shop's time zone).", resolve: (r) => r.window.from }),
    to: t.field({ type: "DateTime", description: "End of today in the shop's time zone, exclusive.", resolve: (r) => r.window.to }),
    days: t.int({ resolve: (r) => r.window.days }),
    rows: t.field({ type: [TopUpMethodRowRef], description: "Every method, in enum order.", resolve: (r) => r.rows }),
    csv: t.string({ resolve: (r) => topUpsByMethodCsv(r.rows) }),
  }),
});

builder.queryFields((t) => ({
  ordersPerDayReport: t.field({
    type: OrdersPerDayReport,
    authScopes: ADMIN,
    errors: domainErrors,
    description: "Orders and revenue per day (the shop's time zone).",
    args: { days: t.arg.int({ required: false, defaultValue: 30, description: "The last N days (the shop's time zone) including today (1–366), e.g. 30 or 90." }) },
    resolve: (_r, args, ctx) => ordersPerDay(ctx.deps, args.days ?? 30),
  }),
  providerOutcomeReport: t.field({
    type: OutcomeReport,
    authScopes: ADMIN,
    errors: domainErrors,
    description: "Success / partial / cancel / fail rates per provider.",
    args: { days: t.arg.int({ required: false, defaultValue: 30 }) },
    resolve: (_r, args, ctx) => outcomeRates(ctx.deps, "provider", args.days ?? 30),
  }),
  serviceOutcomeReport: t.field({
    type: OutcomeReport,
    authScopes: ADMIN,
    errors: domainErrors,
    description: "Success / partial / cancel / fail rates per service.",
    args: { days: t.arg.int({ required: false, defaultValue: 30 }) },
    resolve: (_r, args, ctx) => outcomeRates(ctx.deps, "service", args.days ?? 30),
  }),
  completionTimeReport: t.field({
    type: CompletionTimeReport,
    authScopes: ADMIN,
    errors: domainErrors,
    description: "Time from placement to completion of the orders completed in the window, in buckets.",
    args: {
      days: t.arg.int({ required: false, defaultValue: 30 }),
      providerId: t.arg.int({ required: false, validate: positiveId }),
      serviceId: t.arg.int({ required: false, validate: positiveId }),
    },
    resolve: (_r, args, ctx) => completionTimes(ctx.deps, args.days ?? 30, { providerId: args.providerId ?? undefined, serviceId: args.serviceId ?? undefined }),
  }),
  stuckReasonReport: t.field({
    type: StuckReasonReport,
    authScopes: ADMIN,
    errors: domainErrors,
    description: "Orders flagged stuck now, by reason.",
    resolve: (_r, _a, ctx) => stuckByReason(ctx.deps),
  }),
  topUpMethodReport: t.field({
    type: TopUpMethodReport,
    authScopes: ADMIN,
    errors: domainErrors,
    description: "Top-up requests per method.",
    args: { days: t.arg.int({ required: false, defaultValue: 30 }) },
    resolve: (_r, args, ctx) => topUpsByMethod(ctx.deps, args.days ?? 30),
  }),
}));
