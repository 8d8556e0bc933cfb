import { z } from "zod";
import { cancelOrder } from "../../src/orders/cancel-order.js";
import { completeManualOrder, createManualOrder, takeManualOrder } from "../../src/orders/manual-orders.js";
import { customerStatus } from "../../src/orders/status-view.js";
import { countOrders } from "../../src/orders/order-list.js";
import { allowedActions } from "../../src/orders/lifecycle/index.js";
import { builder } from "../builder.js";
import { actorOf } from "../context.js";
import { ADMIN, CustomerOrderStatusEnum, OrderActionEnum, OrderSourceEnum, toEnum, OrderStatusEnum, RefillStatusEnum, SortDirectionEnum } from "../enums.js";
import { domainErrors } from "../errors.js";
import { positiveId } from "../validation.js";
import { AuditEntry } from "./audit.js";
import { orderConnectionRows } from "./order-connection.js";

export const ProviderCall = builder.prismaObject("ProviderCall", {
  description: "One HTTP call to a provider; the request is stored with the API key masked.",
  fields: (t) => ({
    id: t.string({ resolve: (c) => c.id.toString() }),
    action: t.exposeString("action"),
    request: t.expose("request", { type: "JSON" }),
    response: t.exposeString("response", { nullable: true }),
    httpStatus: t.exposeInt("httpStatus", { nullable: true }),
    latencyMs: t.exposeInt("latencyMs"),
    outcome: t.exposeString("outcome"),
    error: t.exposeString("error", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

export const Refill = builder.prismaObject("Refill", {
  fields: (t) => ({
    id: t.exposeInt("id"),
    orderId: t.exposeInt("orderId"),
    providerRefillId: t.exposeString("providerRefillId", { nullable: true }),
    status: t.expose("status", { type: RefillStatusEnum }),
    providerStatus: t.exposeString("providerStatus", { nullable: true }),
    error: t.exposeString("error", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

/** The admin's view of an order: exact status, provider state, calls and audit history. */
export const Order = builder.prismaObject("Order", {
  fields: (t) => ({
    id: t.exposeInt("id"),
    status: t.expose("status", { type: OrderStatusEnum }),
    customerStatus: t.field({ type: CustomerOrderStatusEnum, resolve: (o) => customerStatus(o.status) }),
    allowedActions: t.field({
      type: [OrderActionEnum],
      description: "What an admin may do with this order now (the dashboard's ⋮ menu and the admin chat's buttons show exactly these).",
      select: { status: true, isManual: true, service: { select: { cancel: true, refill: true } } },
      resolve: (o) => allowedActions(o, "admin").map(toEnum),
    }),
    source: t.expose("source", { type: OrderSourceEnum }),
    link: t.exposeString("link"),
    quantity: t.exposeInt("quantity"),
    extra: t.expose("extra", { type: "JSON", nullable: true }),
    charge: t.expose("charge", { type: "Decimal" }),
    cost: t.expose("cost", { type: "Decimal", nullable: true }),
    refunded: t.expose("refunded", { type: "Decimal" }),
    isManual: t.exposeBoolean("isManual"),
    adminNotes: t.exposeString("adminNotes", { nullable: true }),
    providerServiceId: t.exposeString("providerServiceId", { nullable: true }),
    providerOrderId: t.exposeString("providerOrderId", { nullable: true }),
    providerStatus: t.exposeString("providerStatus", { nullable: true }),
    providerCharge: t.expose("providerCharge", { type: "Decimal", nullable: true }),
    providerCurrency: t.exposeString("providerCurrency", { nullable: true }),
    providerError: t.exposeString("providerError", { nullable: true }),
    failureReason: t.exposeString("failureReason", { nullable: true }),
    startCount: t.exposeInt("startCount", { nullable: true }),
    remains: t.exposeInt("remains", { nullable: true }),
    resubmitCount: t.exposeInt("resubmitCount"),
    lastResubmitAt: t.expose("lastResubmitAt", { type: "DateTime", nullable: true }),
    lastStatusCheck: t.expose("lastStatusCheck", { type: "DateTime", nullable: true }),
    stuck: t.exposeBoolean("stuck"),
    stuckReason: t.exposeString("stuckReason", { nullable: true }),
    stuckAt: t.expose("stuckAt", { type: "DateTime", nullable: true }),
    takenAt: t.expose("takenAt", { type: "DateTime", nullable: true }),
    completedAt: t.expose("completedAt", { type: "DateTime", nullable: true }),
    canceledAt: t.expose("canceledAt", { type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    user: t.relation("user"),
    service: t.relation("service"),
    provider: t.relation("provider", { nullable: true }),
    providerCalls: t.relation("providerCalls", { query: { orderBy: { id: "asc" }, take: 200 } }),
    refills: t.relation("refills", { query: { orderBy: { id: "asc" } } }),
    auditEntries: t.field({ type: [AuditEntry], resolve: (o, _a, ctx) => ctx.loaders.auditFor("Order", o.id) }),
  }),
});

const OrderFilter = builder.inputType("OrderFilter", {
  fields: (t) => ({
    status: t.field({ type: [OrderStatusEnum], required: false }),
    providerId: t.int({ required: false }),
    serviceId: t.int({ required: false }),
    userId: t.int({ required: false }),
    createdFrom: t.field({ type: "DateTime", required: false }),
    createdTo: t.field({ type: "DateTime", required: false }),
    stuck: t.boolean({ required: false }),
    manual: t.boolean({ required: false }),
  }),
});

const OrderSortField = builder.enumType("OrderSortField", { values: ["CREATED_AT", "UPDATED_AT", "CHARGE", "QUANTITY"] as const });
const OrderSort = builder.inputType("OrderSort", {
  fields: (t) => ({
    field: t.field({ type: OrderSortField, defaultValue: "CREATED_AT" }),
    direction: t.field({ type: SortDirectionEnum, defaultValue: "DESC" }),
  }),
});

const SORT_COLUMN = { CREATED_AT: "createdAt", UPDATED_AT: "updatedAt", CHARGE: "charge", QUANTITY: "quantity" } as const;

builder.queryFields((t) => ({
  orders: t.prismaConnection({
    type: "Order",
    cursor: "id",
    authScopes: ADMIN,
    description: "All orders, newest first unless sorted otherwise. `totalCount` costs one extra query.",
    args: { filter: t.arg({ type: OrderFilter, required: false }), sort: t.arg({ type: OrderSort, required: false }) },
    resolve: (query, _root, args, ctx, info) =>
      orderConnectionRows(ctx.deps.db, query, info, {
        filter: args.filter,
        sort: { column: SORT_COLUMN[args.sort?.field ?? "CREATED_AT"], direction: args.sort?.direction === "ASC" ? "asc" : "desc" },
      }),
    totalCount: (_parent, args, ctx) => countOrders(ctx.deps.db, args.filter),
  }),
  order: t.prismaField({
    type: "Order",
    nullable: true,
    authScopes: ADMIN,
    args: { id: t.arg.int() },
    resolve: (query, _root, { id }, ctx) => ctx.deps.db.order.findUnique({ ...query, where: { id } }),
  }),
}));


const CreateManualOrderInput = builder.inputType("CreateManualOrderInput", {
  fields: (t) => ({
    userId: t.int({ validate: positiveId }),
    serviceId: t.int({ validate: positiveId }),
    link: t.string({ description: "A URL, or the player UID for game services.", validate: z.string().max(500) }),
    quantity: t.int({ validate: z.number().int().positive() }),
    adminNotes: t.string({ required: false, validate: z.string().max(1000) }),
    charge: t.field({ type: "Decimal", required: false, description: 'Charge instead of the service price ("0" for a goodwill order).' }),
  }),
});

builder.mutationFields((t) => ({
  cancelOrder: t.prismaField({
    type: "Order",
    authScopes: ADMIN,
    errors: domainErrors,
    description: "Cancels an order no provider is working on (and manual orders in progress), refunding the rest of its charge once.",
    args: { orderId: t.arg.int({ validate: positiveId }), reason: t.arg.string({ required: false, validate: z.string().max(500) }) },
    resolve: (_q, _r, args, ctx) => cancelOrder(ctx.deps, { orderId: args.orderId, actor: actorOf(ctx), reason: args.reason ?? undefined }),
  }),
  createManualOrder: t.prismaField({
    type: "Order",
    authScopes: ADMIN,
    errors: domainErrors,
    args: { input: t.arg({ type: CreateManualOrderInput }) },
    resolve: (_q, _r, { input }, ctx) =>
      createManualOrder(ctx.deps, {
        actor: actorOf(ctx),
        userId: input.userId,
        serviceId: input.serviceId,
        link: input.link,
        quantity: input.quantity,
        adminNotes: input.adminNotes ?? undefined,
        charge: input.charge ?? undefined,
      }),
  }),
  takeManualOrder: t.prismaField({
    type: "Order",
    authScopes: ADMIN,
    errors: domainErrors,
    args: { orderId: t.arg.int({ validate: positiveId }) },
    resolve: (_q, _r, args, ctx) => takeManualOrder(ctx.deps, args.orderId, actorOf(ctx)),
  }),
  completeManualOrder: t.prismaField({
    type: "Order",
    authScopes: ADMIN,
    errors: domainErrors,
    description: "Marks a manual order done; the customer's confirmation goes out through the outbox.",
    args: { orderId: t.arg.int({ validate: positiveId }) },
    resolve: (_q, _r, args, ctx) => completeManualOrder(ctx.deps, args.orderId, actorOf(ctx)),
  }),
}));
