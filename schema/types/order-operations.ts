// Admin operations on orders at providers: resubmit, reconcile, sync, refill, upstream cancel.
import type { Order as OrderRow } from "@prisma/client";
import { z } from "zod";
import { reconcileUnknownOrder } from "../../src/fulfilment/reconcile-unknown.js";
import { requestRefill } from "../../src/fulfilment/request-refill.js";
import { requestUpstreamCancel } from "../../src/fulfilment/request-upstream-cancel.js";
import { resubmitOrder, resubmitOrders } from "../../src/fulfilment/resubmit-orders.js";
import type { DomainError } from "../../src/shared/errors.js";
import { syncOrder, syncProviderOrders } from "../../src/fulfilment/sync-orders.js";
import { builder } from "../builder.js";
import { actorOf } from "../context.js";
import { ADMIN } from "../enums.js";
import { ErrorInterface, domainErrors } from "../errors.js";
import { positiveId } from "../validation.js";
import { Order } from "./order.js";

const providerServiceId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "letters, digits, - and _ only");

const ResubmitTarget = builder.inputType("ResubmitTarget", {
  description: "Optionally send the order elsewhere: another auto service, or another provider with its service id.",
  fields: (t) => ({
    serviceId: t.int({ required: false, validate: positiveId }),
    providerId: t.int({ required: false, validate: positiveId }),
    providerServiceId: t.string({ required: false, validate: providerServiceId }),
  }),
});

type Target = typeof ResubmitTarget.$inferInput | null | undefined;
function target(t: Target) {
  return { serviceId: t?.serviceId ?? undefined, providerId: t?.providerId ?? undefined, providerServiceId: t?.providerServiceId ?? undefined };
}

interface BulkItem {
  orderId: number;
  ok: boolean;
  order?: OrderRow;
  error?: DomainError;
}

const ResubmitItem = builder.objectRef<BulkItem>("ResubmitItem").implement({
  fields: (t) => ({
    orderId: t.exposeInt("orderId"),
    ok: t.exposeBoolean("ok"),
    order: t.field({ type: Order, nullable: true, resolve: (r) => r.order ?? null }),
    error: t.field({ type: ErrorInterface, nullable: true, resolve: (r) => r.error ?? null }),
  }),
});

const ReconcileDecision = builder.enumType("ReconcileDecision", {
  values: {
    NOT_PLACED: { description: "The provider does not have it: send it again (optionally elsewhere)." },
    PLACED: { description: "The provider has it: record its order id and track it." },
    NOT_PLACED_REFUND: { description: "The provider does not have it: cancel it with a full refund." },
  } as const,
});

const ProviderSyncReport = builder.objectRef<{ providerId: number; checked: number; calls: number; transitions: number; perIdErrors: number; failedCalls: number }>(
  "ProviderSyncReport",
).implement({
  fields: (t) => ({
    providerId: t.exposeInt("providerId"),
    checked: t.exposeInt("checked"),
    calls: t.exposeInt("calls"),
    transitions: t.exposeInt("transitions"),
    perIdErrors: t.exposeInt("perIdErrors"),
    failedCalls: t.exposeInt("failedCalls"),
  }),
});

builder.mutationFields((t) => ({
  resubmitOrder: t.field({
    type: Order,
    authScopes: ADMIN,
    errors: domainErrors,
    description: "Sends a FAILED order again (after checking the provider balance). Concurrent calls make one provider call.",
    args: { orderId: t.arg.int({ validate: positiveId }), target: t.arg({ type: ResubmitTarget, required: false }) },
    resolve: (_r, args, ctx) => resubmitOrder(ctx.deps, { orderId: args.orderId, actor: actorOf(ctx), ...target(args.target) }),
  }),
  resubmitOrders: t.field({
    type: [ResubmitItem],
    authScopes: ADMIN,
    errors: domainErrors,
    description: "Bulk resubmit; each order succeeds or fails on its own.",
    args: {
      orderIds: t.arg.intList({ validate: z.array(positiveId).min(1).max(100) }),
      target: t.arg({ type: ResubmitTarget, required: false }),
    },
    resolve: (_r, args, ctx) => resubmitOrders(ctx.deps, { orderIds: args.orderIds, actor: actorOf(ctx), ...target(args.target) }),
  }),
  reconcileUnknownOrder: t.field({
    type: Order,
    authScopes: ADMIN,
    errors: domainErrors,
    description: "Settles an UNKNOWN order after checking the provider's panel.",
    args: {
      orderId: t.arg.int({ validate: positiveId }),
      decision: t.arg({ type: ReconcileDecision }),
      providerOrderId: t.arg.string({ required: false, description: "Required for PLACED.", validate: providerServiceId }),
      target: t.arg({ type: ResubmitTarget, required: false, description: "For NOT_PLACED: send it elsewhere." }),
    },
    resolve: (_r, args, ctx) =>
      reconcileUnknownOrder(ctx.deps, {
        orderId: args.orderId,
        actor: actorOf(ctx),
        decision:
          args.decision === "PLACED"
            ? { kind: "placed", providerOrderId: args.providerOrderId ?? "" }
            : args.decision === "NOT_PLACED_REFUND"
              ? { kind: "not_placed_refund" }
              : { kind: "not_placed" },
        ...target(args.target),
      }),
  }),
  syncOrder: t.field({
    type: Order,
    authScopes: ADMIN,
    errors: domainErrors,
    description: "Asks the provider for this order's status now.",
    args: { orderId: t.arg.int({ validate: positiveId }) },
    resolve: (_r, args, ctx) => syncOrder(ctx.deps, args.orderId),
  }),
  syncProvider: t.field({
    type: ProviderSyncReport,
    authScopes: ADMIN,
    errors: domainErrors,
    description: "Checks every active order of one provider now.",
    args: { providerId: t.arg.int({ validate: positiveId }) },
    resolve: (_r, args, ctx) => syncProviderOrders(ctx.deps, args.providerId),
  }),
  requestRefill: t.prismaField({
    type: "Refill",
    authScopes: ADMIN,
    errors: domainErrors,
    args: { orderId: t.arg.int({ validate: positiveId }) },
    resolve: (_q, _r, args, ctx) => requestRefill(ctx.deps, { orderId: args.orderId, actor: actorOf(ctx) }),
  }),
  requestUpstreamCancel: t.field({
    type: Order,
    authScopes: ADMIN,
    errors: domainErrors,
    description: "Asks the provider to cancel an order in progress; the refund follows when the provider confirms.",
    args: { orderId: t.arg.int({ validate: positiveId }) },
    resolve: (_r, args, ctx) => requestUpstreamCancel(ctx.deps, { orderId: args.orderId, actor: actorOf(ctx) }),
  }),
}));
