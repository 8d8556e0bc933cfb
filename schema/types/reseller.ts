// The API for resellers (and, read-only, customers) with an API key: their own data only.
// Someone else's order answers exactly like a missing one (NotFoundError), and the status is the
// customer-visible one: FAILED and UNKNOWN read as PENDING.
import type { Prisma } from "@prisma/client";
import { z } from "zod";
import { customerCancel } from "../../src/fulfilment/customer-cancel.js";
import { REFILL_FACTS_SELECT, allowedActions, refillTerms } from "../../src/orders/lifecycle/index.js";
import { priceFor } from "../../src/orders/pricing.js";
import { placeOrder } from "../../src/orders/place-order.js";
import { requestRefill } from "../../src/fulfilment/request-refill.js";
import { customerStatus } from "../../src/orders/status-view.js";
import type { OrderExtra } from "../../src/orders/validate-extra.js";
import { NotFoundError } from "../../src/shared/errors.js";
import { builder } from "../builder.js";
import { actorOf, viewerId } from "../context.js";
import { API_READER, CustomerOrderStatusEnum, OrderActionEnum, toEnum, LanguageEnum, LinkKindEnum, PriceUnitEnum, RESELLER, RefillStatusEnum, RoleEnum } from "../enums.js";
import { domainErrors } from "../errors.js";
import { positiveId } from "../validation.js";
import { ALL_PROVIDERS } from "../../src/estimates/delivery-estimate.js";
import { DeliveryEstimate, estimateNode } from "./delivery-estimate.js";
import { viewerTerms } from "../viewer-terms.js";
import { statusesShownAs } from "../../src/orders/status-view.js";

export const PublicService = builder.prismaObject("Service", {
  variant: "PublicService",
  description: "A service as the caller buys it: price per priceUnit in the shop currency (a reseller's own price).",
  fields: (t) => ({
    id: t.exposeInt("id"),
    nameBn: t.exposeString("nameBn"),
    nameEn: t.exposeString("nameEn"),
    descriptionBn: t.exposeString("descriptionBn", { nullable: true }),
    descriptionEn: t.exposeString("descriptionEn", { nullable: true }),
    category: t.string({ select: { category: { select: { nameEn: true } } }, resolve: (s) => s.category.nameEn }),
    type: t.exposeString("type"),
    linkKind: t.expose("linkKind", { type: LinkKindEnum }),
    price: t.field({
      type: "Decimal",
      select: { id: true, price: true, cost: true },
      resolve: async (s, _a, ctx) => priceFor(s, await viewerTerms(ctx)),
    }),
    priceUnit: t.expose("priceUnit", { type: PriceUnitEnum }),
    min: t.exposeInt("min"),
    max: t.exposeInt("max"),
    refill: t.exposeBoolean("refill"),
    cancel: t.exposeBoolean("cancel"),
    deliveryEstimate: t.field({ type: DeliveryEstimate, select: { estimates: { where: { providerId: ALL_PROVIDERS } } }, resolve: (s) => estimateNode(s.estimates, false) }),
  }),
});

export const CustomerOrder = builder.prismaObject("Order", {
  variant: "CustomerOrder",
  fields: (t) => ({
    id: t.exposeInt("id"),
    status: t.field({ type: CustomerOrderStatusEnum, select: { status: true }, resolve: (o) => customerStatus(o.status) }),
    allowedActions: t.field({
      type: [OrderActionEnum],
      description: "What you may ask for on this order now: CANCEL (refunded at once), REQUEST_CANCEL (asked at the provider), REFILL (inside the refill window, under the per-order cap and after the cooldown).",
      select: REFILL_FACTS_SELECT,
      resolve: (o, _a, ctx) =>
        allowedActions(o, ctx.viewer?.role === "RESELLER" ? "reseller" : "customer", { now: ctx.deps.now(), terms: refillTerms(ctx.deps.config) }).map(toEnum),
    }),
    link: t.exposeString("link"),
    quantity: t.exposeInt("quantity"),
    charge: t.expose("charge", { type: "Decimal" }),
    refunded: t.expose("refunded", { type: "Decimal" }),
    startCount: t.exposeInt("startCount", { nullable: true }),
    remains: t.exposeInt("remains", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    service: t.relation("service", { type: PublicService }),
    refills: t.relation("refills", { type: CustomerRefill, query: { orderBy: { id: "asc" } } }),
  }),
});

export const CustomerRefill = builder.prismaObject("Refill", {
  variant: "CustomerRefill",
  fields: (t) => ({
    id: t.exposeInt("id"),
    orderId: t.exposeInt("orderId"),
    status: t.expose("status", { type: RefillStatusEnum }),
    reason: t.exposeString("error", { nullable: true, description: "Why the provider refused or failed the refill, as it said." }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

export const Me = builder.prismaObject("User", {
  variant: "Me",
  fields: (t) => ({
    id: t.exposeInt("id"),
    username: t.exposeString("username", { nullable: true }),
    role: t.expose("role", { type: RoleEnum }),
    language: t.expose("language", { type: LanguageEnum, description: "The viewer's language (the bot's and the dashboard's)." }),
    resellerDiscount: t.expose("resellerDiscount", { type: "Decimal", description: "Percent off list prices (resellers)." }),
    balance: t.field({
      type: "Decimal",
      select: { account: { select: { balance: true, creditLimit: true } } },
      resolve: (u) => u.account?.balance ?? "0",
    }),
  }),
});

const PlacedOrder = builder.objectRef<{ order: Prisma.OrderGetPayload<object>; created: boolean }>("PlacedOrder").implement({
  fields: (t) => ({
    order: t.field({ type: CustomerOrder, resolve: (r) => r.order }),
    created: t.exposeBoolean("created", { description: "false when the idempotency key named an earlier order: nothing new was charged." }),
  }),
});

const PlaceOrderInput = builder.inputType("PlaceOrderInput", {
  fields: (t) => ({
    serviceId: t.int({ validate: positiveId }),
    link: t.string({ description: "The URL, or the player UID for game services.", validate: z.string().max(500) }),
    quantity: t.int({ validate: z.number().int().positive() }),
    idempotencyKey: t.string({
      required: false,
      description: "Send the same key when retrying: the same order is answered, never charged twice.",
      validate: z.string().regex(/^[\x21-\x7e]{1,128}$/, "1-128 visible ASCII characters"),
    }),
    extra: t.field({ type: "JSON", required: false, description: "Type-specific fields (comments, usernames, hashtags, username, hashtag, media, answerNumber, runs, interval)." }),
    expectedCharge: t.field({
      type: "Decimal",
      required: false,
      description: "The charge you showed your customer: the order is placed only at exactly this charge (else PriceChangedError, nothing charged).",
    }),
  }),
});

builder.queryFields((t) => ({
  me: t.prismaField({
    type: Me,
    authScopes: { authenticated: true },
    resolve: (query, _r, _a, ctx) => ctx.deps.db.user.findUniqueOrThrow({ ...query, where: { id: viewerId(ctx) } }),
  }),
  shopServices: t.prismaField({
    type: [PublicService],
    authScopes: API_READER,
    description: "Active services with their prices.",
    resolve: (query, _r, _a, ctx) =>
      ctx.deps.db.service.findMany({ ...query, where: { active: true, category: { active: true } }, orderBy: [{ categoryId: "asc" }, { id: "asc" }] }),
  }),
  myOrders: t.prismaConnection({
    type: CustomerOrder,
    cursor: "id",
    authScopes: API_READER,
    args: { status: t.arg({ type: CustomerOrderStatusEnum, required: false }) },
    resolve: (query, _r, args, ctx) =>
      ctx.deps.db.order.findMany({ ...query, where: { userId: viewerId(ctx), ...customerStatusWhere(args.status) }, orderBy: { id: "desc" } }),
  }),
  myOrder: t.field({
    type: CustomerOrder,
    authScopes: API_READER,
    errors: domainErrors,
    args: { id: t.arg.int() },
    // No `query` spread: behind an error union the planned selection can be empty.
    resolve: async (_r, { id }, ctx) => {
      const order = await ctx.deps.db.order.findFirst({ where: { id, userId: viewerId(ctx) } });
      if (!order) throw new NotFoundError("Order", id);
      return order;
    },
  }),
}));

function customerStatusWhere(status: "PENDING" | "IN_PROGRESS" | "COMPLETED" | "PARTIAL" | "CANCELED" | null | undefined): Prisma.OrderWhereInput {
  if (!status) return {};
  return { status: { in: statusesShownAs(status) } };
}

builder.mutationFields((t) => ({
  placeOrder: t.field({
    type: PlacedOrder,
    authScopes: RESELLER,
    errors: domainErrors,
    description: "Places and charges one order. With an idempotency key, a retry answers with the same order.",
    args: { input: t.arg({ type: PlaceOrderInput }) },
    resolve: (_r, { input }, ctx) =>
      placeOrder(ctx.deps, {
        userId: viewerId(ctx),
        source: "API",
        serviceId: input.serviceId,
        link: input.link,
        quantity: input.quantity,
        extra: (input.extra ?? undefined) as OrderExtra | undefined,
        idempotencyKey: input.idempotencyKey ?? undefined,
        expectedCharge: input.expectedCharge ?? undefined,
      }),
  }),
  cancelMyOrder: t.prismaField({
    type: CustomerOrder,
    authScopes: RESELLER,
    errors: domainErrors,
    description: "Cancels and refunds an order not yet at the provider; for one in progress, asks the provider to cancel (refund when it confirms).",
    args: { orderId: t.arg.int({ validate: positiveId }) },
    resolve: async (_q, _r, { orderId }, ctx) =>
      (await customerCancel(ctx.deps, { orderId, actor: actorOf(ctx), ownerUserId: viewerId(ctx) })).order,
  }),
  requestMyRefill: t.prismaField({
    type: CustomerRefill,
    authScopes: RESELLER,
    errors: domainErrors,
    args: { orderId: t.arg.int({ validate: positiveId }) },
    resolve: (_q, _r, { orderId }, ctx) => requestRefill(ctx.deps, { orderId, actor: actorOf(ctx), ownerUserId: viewerId(ctx) }),
  }),
}));
